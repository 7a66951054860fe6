namespace CosmosHybrid.Storage.Cache;

/// <summary>Counters of a <see cref="BufferCache"/>, for `df`, benchmarks and tests.</summary>
public struct CacheStatistics
{
    /// <summary>Blocks found in the cache.</summary>
    public ulong Hits;

    /// <summary>Blocks that had to be read from the device.</summary>
    public ulong Misses;

    /// <summary>Blocks dropped to make room.</summary>
    public ulong Evictions;

    /// <summary>Dirty blocks written to the device (on eviction or sync).</summary>
    public ulong BlocksWrittenBack;

    /// <summary>Read requests sent to the device.</summary>
    public ulong DeviceReads;

    /// <summary>Write requests sent to the device.</summary>
    public ulong DeviceWrites;
}
