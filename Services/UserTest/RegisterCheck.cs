using System;
using System.Runtime.InteropServices;
using CosmosHybrid.UserRuntime;

namespace CosmosHybrid.UserTest;

/// <summary>
/// Keeps known values in all sixteen SSE registers while spinning long enough to be
/// preempted many times, then checks every register still holds its value. Run two
/// of these at once so that the other one's values pass through the same registers.
/// </summary>
internal static class RegisterCheck
{
    private const ulong SpinsPerRound = 200_000;

    [DllImport("*", EntryPoint = "usertest_fill_xmm"), SuppressGCTransition]
    private static extern void Fill(ulong seed);

    [DllImport("*", EntryPoint = "usertest_check_xmm"), SuppressGCTransition]
    private static extern ulong SpinAndCheck(ulong seed, ulong spins);

    public static int Run(int rounds)
    {
        ulong seed = 0x1111_0000_0000_0000UL * (ulong)(ProcessCalls.CurrentId % 15 + 1) + 0x0123_4567;
        long start = ProcessCalls.UptimeMilliseconds;
        ulong corrupted = 0;
        for (int round = 0; round < rounds; round++)
        {
            Fill(seed + (ulong)round);
            corrupted += SpinAndCheck(seed + (ulong)round, SpinsPerRound);
        }
        long elapsed = ProcessCalls.UptimeMilliseconds - start;
        Console.WriteLine("registers: " + rounds.ToString() + " rounds over " + elapsed.ToString() + " ms, "
            + corrupted.ToString() + " corrupted register halves");
        return corrupted == 0 ? 0 : 1;
    }
}
