using System.Collections.Generic;
using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;

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
            // Never 0: 0 means "no key" to the services.
            key = SplitMix64.Mix(ReadTimestamp() ^ (ulong)s_keys.Count) | 1;
            s_keys[keyName] = key;
        }
        return " key=" + key.ToString();
    }
}
