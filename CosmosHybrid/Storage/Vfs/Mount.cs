using CosmosHybrid.Storage.Cache;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>A volume attached to the tree at a canonical path.</summary>
public sealed class Mount
{
    /// <summary>Describes a mounted volume.</summary>
    /// <param name="path">Where it appears ("/", "/disk").</param>
    /// <param name="volume">The file system.</param>
    /// <param name="source">What it lives on, for listings ("ram0", "ata0", "ahci0p1").</param>
    /// <param name="cache">The buffer cache under it, or null when it has none (a RAM disk).</param>
    public Mount(string path, IVfsVolume volume, string source, BufferCache cache)
    {
        Path = path;
        Volume = volume;
        Source = source;
        Cache = cache;
    }

    /// <summary>The canonical path of the mount point.</summary>
    public string Path { get; }

    /// <summary>The mounted file system.</summary>
    public IVfsVolume Volume { get; }

    /// <summary>The device's name.</summary>
    public string Source { get; }

    /// <summary>The buffer cache between the volume and the device, or null.</summary>
    public BufferCache Cache { get; }

    /// <summary>File handles open on the volume (directory handles are snapshots and do not count): it cannot be unmounted while any is.</summary>
    public int OpenFiles { get; internal set; }
}
