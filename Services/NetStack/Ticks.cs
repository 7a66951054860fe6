using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.NetStack;

/// <summary>The time-stamp counter: round trips finer than the millisecond uptime, once calibrated against it.</summary>
internal static class Ticks
{
    [DllImport("*", EntryPoint = "RhpReadTimestamp"), SuppressGCTransition]
    public static extern ulong Now();
}
