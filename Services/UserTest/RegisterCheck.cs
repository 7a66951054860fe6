using System;
using System.Runtime.InteropServices;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// Keeps known values in all sixteen SSE registers (and, where the CPU has AVX, in the
/// upper halves of the YMM registers) while spinning long enough to be preempted many
/// times, then checks every register still holds its value. Run two of these at once
/// so that the other one's values pass through the same registers.
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
        bool avx = UpperVectorHalves.Exist;
        ulong corrupted = 0;
        for (int round = 0; round < rounds; round++)
        {
            ulong roundSeed = seed + (ulong)round;
            Fill(roundSeed);
            if (avx)
                UpperVectorHalves.Fill(roundSeed);
            corrupted += SpinAndCheck(roundSeed, SpinsPerRound);
            if (avx)
                corrupted += UpperVectorHalves.CountLost(roundSeed);
        }
        long elapsed = ProcessCalls.UptimeMilliseconds - start;
        Console.WriteLine("registers: " + rounds.ToString() + " rounds over " + elapsed.ToString() + " ms, "
            + corrupted.ToString() + " corrupted register halves (" + (avx ? "xmm0-15 and ymm0-15 upper halves" : "xmm0-15; no AVX") + ")");
        return corrupted == 0 ? 0 : 1;
    }
}
