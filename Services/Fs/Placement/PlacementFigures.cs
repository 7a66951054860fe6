namespace CosmosHybrid.Services.Fs.Placement;

/// <summary>One placement's file figures, in rdtsc ticks (0: the measurement failed).</summary>
internal struct PlacementFigures
{
    /// <summary>pread of 4 KiB of cached data.</summary>
    public ulong CachedRead4K;

    /// <summary>4 MiB written in 64 KiB writes, then synced; per 64 KiB.</summary>
    public ulong SequentialWrite;

    /// <summary>4 MiB read in 64 KiB reads; per 64 KiB.</summary>
    public ulong SequentialRead;

    /// <summary>Create (open with Create, close) of an empty file.</summary>
    public ulong Create;

    /// <summary>Stat of an existing empty file.</summary>
    public ulong Stat;

    /// <summary>Unlink of an empty file.</summary>
    public ulong Unlink;
}
