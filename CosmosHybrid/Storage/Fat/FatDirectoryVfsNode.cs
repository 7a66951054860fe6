using System;
using System.Collections.Generic;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// A FAT directory as a node of the virtual file system: finds, lists, creates, removes
/// and renames its entries. Known by its first cluster (0: the fixed FAT12/16 root).
/// </summary>
/// <remarks>
/// A subdirectory's cluster is checked when the directory is used, not when it is looked
/// up, so a damaged directory can still be described and removed by its parent.
/// </remarks>
internal sealed class FatDirectoryVfsNode : IVfsNode
{
    private readonly FatVolume _volume;
    private readonly uint _cluster;
    private readonly bool _isRoot;
    private readonly FileEntry _entry;

    public FatDirectoryVfsNode(FatVolume volume, uint cluster, bool isRoot, in FileEntry entry)
    {
        _volume = volume;
        _cluster = cluster;
        _isRoot = isRoot;
        _entry = entry;
    }

    public StorageError Stat(out FileEntry entry)
    {
        entry = _entry;
        return StorageError.Ok;
    }

    public StorageError Lookup(string name, out IVfsNode node)
    {
        node = null;
        StorageError error = CheckCluster();
        if (error == StorageError.Ok)
        {
            error = _volume.Directory.Describe(_cluster, name, out FatEntryInfo info, out FatEntryLocation location);
            if (error == StorageError.Ok)
            {
                node = info.IsDirectory
                    ? new FatDirectoryVfsNode(_volume, info.FirstCluster, isRoot: false, info.ToFileEntry())
                    : new FatFileVfsNode(_volume, location, info.ToFileEntry());
            }
        }

        return error;
    }

    public StorageError ReadDirectory(List<FileEntry> entries)
    {
        StorageError error = CheckCluster();
        if (error != StorageError.Ok)
        {
            return error;
        }

        var infos = new List<FatEntryInfo>();
        error = _volume.Directory.List(_cluster, infos);
        if (error == StorageError.Ok)
        {
            for (int i = 0; i < infos.Count; i++)
            {
                entries.Add(infos[i].ToFileEntry());
            }
        }

        return error;
    }

    public StorageError CreateFile(string name, out IVfsNode node)
    {
        node = null;
        StorageError error = CheckCluster();
        if (error == StorageError.Ok)
        {
            error = _volume.CreateFile(_cluster, name, out FatEntryLocation location, out FatTimestamp created);
            if (error == StorageError.Ok)
            {
                node = new FatFileVfsNode(_volume, location, new FileEntry(name, false, 0, created.Date, created.Time));
            }
        }

        return error;
    }

    public StorageError CreateDirectory(string name)
    {
        StorageError error = CheckCluster();
        return error != StorageError.Ok ? error : _volume.CreateDirectory(_cluster, name);
    }

    public StorageError Remove(string name)
    {
        StorageError error = CheckCluster();
        return error != StorageError.Ok ? error : _volume.Remove(_cluster, name);
    }

    public StorageError Rename(string name, IVfsNode newParent, string newName)
    {
        if (newParent is not FatDirectoryVfsNode target || target._volume != _volume)
        {
            return newParent is FatFileVfsNode ? StorageError.NotDirectory : StorageError.CrossDevice;
        }

        StorageError error = CheckCluster();
        if (error == StorageError.Ok)
        {
            error = target.CheckCluster();
        }

        return error != StorageError.Ok ? error : _volume.Rename(_cluster, name, target._cluster, newName);
    }

    public StorageError Open(VfsOpenFlags flags) => StorageError.IsDirectory;

    public StorageError Read(ulong offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        return StorageError.IsDirectory;
    }

    public StorageError Write(ulong offset, ReadOnlySpan<byte> buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        return StorageError.IsDirectory;
    }

    public StorageError SetLength(ulong length) => StorageError.IsDirectory;

    public StorageError Flush() => StorageError.IsDirectory;

    public StorageError Close() => StorageError.IsDirectory;

    // A subdirectory must start in a data cluster; the root was checked at mount.
    private StorageError CheckCluster() =>
        _isRoot || _volume.Table.IsDataCluster(_cluster) ? StorageError.Ok : StorageError.Corrupt;

    /// <summary>Nothing to let go: the engine's node holds nothing beyond its own memory.</summary>
    public void Release()
    {
    }
}
