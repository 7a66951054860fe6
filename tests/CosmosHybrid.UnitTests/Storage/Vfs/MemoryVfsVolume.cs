using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.UnitTests.Storage.Vfs;

/// <summary>A volume of <see cref="MemoryVfsNode"/>s; no file may grow past <see cref="Capacity"/> bytes.</summary>
public sealed class MemoryVfsVolume : IVfsVolume
{
    /// <summary>Creates an empty volume.</summary>
    public MemoryVfsVolume(int capacity = 1 << 20)
    {
        Capacity = capacity;
        RootNode = MemoryVfsNode.CreateRoot(this);
    }

    /// <summary>The largest file in bytes.</summary>
    public int Capacity { get; }

    /// <summary>The root directory.</summary>
    public MemoryVfsNode RootNode { get; }

    /// <summary>Nodes handed out by Lookup or CreateFile and not released yet.</summary>
    public int Taken { get; set; }

    /// <summary>Times <see cref="Flush"/> was called.</summary>
    public int Flushes { get; private set; }

    public string TypeName => "memory";

    public IVfsNode Root => RootNode;

    public StorageError GetStatistics(out VfsVolumeStatistics statistics)
    {
        statistics = new VfsVolumeStatistics((ulong)Capacity, (ulong)Capacity, 1);
        return StorageError.Ok;
    }

    public StorageError Flush()
    {
        Flushes++;
        return StorageError.Ok;
    }
}
