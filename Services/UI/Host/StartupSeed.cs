using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.UI.Host;

/// <summary>
/// Values for the server's client tokens and control key that other processes cannot work out:
/// the time-stamp counter, read at each call and mixed with splitmix64. The kernel has no entropy
/// source yet; the counter at the moment `ui` starts is what is unknown to a client. (Under QEMU's
/// -icount it repeats from boot to boot, as everything does there.)
/// </summary>
internal static class StartupSeed
{
    [DllImport("*", EntryPoint = "RhpReadTimestamp"), SuppressGCTransition]
    private static extern ulong ReadTimestamp();

    /// <summary>A nonzero value (zero means "no token").</summary>
    public static ulong Next() => SplitMix64.Mix(ReadTimestamp()) | 1;
}
