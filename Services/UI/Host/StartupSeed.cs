using System.Runtime.InteropServices;

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

    public static ulong Next()
    {
        ulong z = ReadTimestamp() + 0x9E37_79B9_7F4A_7C15;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return (z ^ (z >> 31)) | 1;
    }
}
