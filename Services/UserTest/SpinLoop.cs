using System;
using System.Runtime.CompilerServices;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// `usertest spin SECONDS`: keeps the CPU busy in ring 3 for that long, almost all of it in
/// <see cref="Mix"/>: what the profiler's boot test samples and expects to see named.
/// </summary>
internal static class SpinLoop
{
    private const int RoundsBetweenClockReads = 1 << 20;

    public static int Run(int seconds)
    {
        long end = ProcessCalls.UptimeMilliseconds + seconds * 1000L;
        ulong state = 1;
        while (ProcessCalls.UptimeMilliseconds < end)
            state = Mix(state, RoundsBetweenClockReads);
        Console.WriteLine("spin: done (" + (state & 0xff).ToString() + ")");
        return 0;
    }

    // An xorshift generator: work the compiler cannot fold away (kept a method of its own, so that samples name it).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Mix(ulong state, int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
        }
        return state;
    }
}
