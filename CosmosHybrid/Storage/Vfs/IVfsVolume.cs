namespace CosmosHybrid.Storage.Vfs;

/// <summary>A file system that can be mounted: its root directory and what `df` and `mounts` show.</summary>
public interface IVfsVolume
{
    /// <summary>The file system's name for listings ("FAT32", "memory").</summary>
    string TypeName { get; }

    /// <summary>The root directory.</summary>
    IVfsNode Root { get; }

    /// <summary>
    /// Size, free space and allocation unit. When the free space cannot be counted the
    /// error is returned and the other figures are still filled in.
    /// </summary>
    StorageError GetStatistics(out VfsVolumeStatistics statistics);

    /// <summary>Writes everything the volume holds in memory to its device.</summary>
    StorageError Flush();
}
