using System;

namespace CosmosHybrid.Tools.PowerCut;

/// <summary>
/// A campaign's cuts from its seed: cut i runs the workload with seed SEED + i, and the moment
/// of its cut (time after the workload's start line) derives from that seed alone, so
/// <c>./build.sh powercut 1 S</c> replays the cut whose seed is S (the workload's operations
/// exactly; where the cut lands within them depends on the host's speed).
/// </summary>
public static class CutSchedule
{
    public static ulong SeedOf(ulong campaignSeed, int cut) => campaignSeed + (ulong)cut;

    /// <summary>Milliseconds after the workload starts, uniform in [<paramref name="minimum"/>, <paramref name="maximum"/>).</summary>
    public static int DelayMilliseconds(ulong seed, int minimum, int maximum)
    {
        ulong x = seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return minimum + (int)(x % (ulong)Math.Max(1, maximum - minimum));
    }
}
