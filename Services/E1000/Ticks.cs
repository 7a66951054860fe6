using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.E1000;

/// <summary>The time-stamp counter (deterministic under QEMU's -icount), for the per-frame figures the driver publishes.</summary>
internal static class Ticks
{
    [DllImport("*", EntryPoint = "RhpReadTimestamp"), SuppressGCTransition]
    public static extern ulong Now();
}
