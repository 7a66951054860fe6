using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Init;

/// <summary>
/// The keys of the manifest's `key NAME` lines: one random value per name, drawn the first time the
/// name is asked for and the same for every service (and every restart) that names it, so a driver and
/// its client keep matching keys when either is restarted. Drawn from the time-stamp counter mixed
/// with splitmix64: the kernel has no entropy source yet, and the counter's value at that moment is
/// what other processes do not know. Command lines are not shown to other processes.
/// </summary>
internal static class ServiceKeys
{
    private static readonly Dictionary<string, ulong> s_keys = new Dictionary<string, ulong>();

    [DllImport("*", EntryPoint = "RhpReadTimestamp"), SuppressGCTransition]
    private static extern ulong ReadTimestamp();

    /// <summary>" key=N" for a service with a key line, "" without one.</summary>
    public static string ArgumentFor(string keyName)
    {
        if (keyName == null)
            return "";
        if (!s_keys.TryGetValue(keyName, out ulong key))
        {
            key = Mix(ReadTimestamp() + (ulong)s_keys.Count * 0x9E37_79B9_7F4A_7C15);
            s_keys[keyName] = key;
        }
        return " key=" + key.ToString();
    }

    // splitmix64's finaliser; never 0 (0 means "no key" to the services).
    private static ulong Mix(ulong z)
    {
        z += 0x9E37_79B9_7F4A_7C15;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return (z ^ (z >> 31)) | 1;
    }
}
