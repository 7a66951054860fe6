using System;

namespace CosmosHybrid.Tools.PowerCut;

/// <summary>FNV-1a 64, the hash the guest workload prints for each synced file.</summary>
public static class Fnv1a
{
    public static ulong Hash(ReadOnlySpan<byte> data)
    {
        ulong hash = 0xcbf29ce484222325UL;
        foreach (byte b in data)
        {
            hash = (hash ^ b) * 0x100000001b3UL;
        }

        return hash;
    }
}
