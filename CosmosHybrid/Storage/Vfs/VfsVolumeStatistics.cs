namespace CosmosHybrid.Storage.Vfs;

/// <summary>The figures `df` shows for a volume.</summary>
public readonly struct VfsVolumeStatistics
{
    /// <summary>Creates a statistics record.</summary>
    public VfsVolumeStatistics(ulong totalBytes, ulong freeBytes, int blockSize)
    {
        TotalBytes = totalBytes;
        FreeBytes = freeBytes;
        BlockSize = blockSize;
    }

    /// <summary>Bytes the volume can hold in files and directories.</summary>
    public ulong TotalBytes { get; }

    /// <summary>Bytes still free.</summary>
    public ulong FreeBytes { get; }

    /// <summary>The allocation unit in bytes (a FAT cluster).</summary>
    public int BlockSize { get; }
}
