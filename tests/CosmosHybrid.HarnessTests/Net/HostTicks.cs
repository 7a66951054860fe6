using System.Diagnostics;

namespace CosmosHybrid.Services.NetStack;

/// <summary>The host's stand-in for the stack's time-stamp counter (the ring-3 one reads rdtsc through the runtime).</summary>
internal static class Ticks
{
    public static ulong Now() => (ulong)Stopwatch.GetTimestamp();
}
