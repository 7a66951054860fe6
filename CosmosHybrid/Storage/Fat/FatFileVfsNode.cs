using System;
using System.Collections.Generic;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// A FAT file as a node of the virtual file system. Known by where its directory entry
/// is; while open it holds the file's shared <see cref="FatFileNode"/>, which does the
/// transfers at the offsets asked for.
/// </summary>
internal sealed class FatFileVfsNode : IVfsNode, IVfsIdentifiedNode, IVfsMemoryReadNode
{
    private readonly FatVolume _volume;
    private readonly FatEntryLocation _location;
    private readonly FileEntry _entry;
    private FatFileNode _file;
    private int _opens;

    public FatFileVfsNode(FatVolume volume, in FatEntryLocation location, in FileEntry entry)
    {
        _volume = volume;
        _location = location;
        _entry = entry;
    }

    public StorageError Stat(out FileEntry entry)
    {
        entry = _file == null
            ? _entry
            : new FileEntry(_entry.Name, false, _file.Size, _file.Modified.Date, _file.Modified.Time);
        return StorageError.Ok;
    }

    /// <summary>The entry's slot on the volume (where an open node moved it, after a rename) and the file's size.</summary>
    public bool TryGetIdentity(out VfsFileIdentity identity)
    {
        identity = _file == null
            ? new VfsFileIdentity(_volume, _location.Key, _entry.Size, _volume.ChangeStamp)
            : new VfsFileIdentity(_volume, _file.Location.Key, _file.Size, _volume.ChangeStamp);
        return true;
    }

    public StorageError Lookup(string name, out IVfsNode node)
    {
        node = null;
        return StorageError.NotDirectory;
    }

    public StorageError ReadDirectory(List<FileEntry> entries) => StorageError.NotDirectory;

    public StorageError CreateFile(string name, out IVfsNode node)
    {
        node = null;
        return StorageError.NotDirectory;
    }

    public StorageError CreateDirectory(string name) => StorageError.NotDirectory;

    public StorageError Remove(string name) => StorageError.NotDirectory;

    public StorageError Rename(string name, IVfsNode newParent, string newName) => StorageError.NotDirectory;

    /// <summary>Checks the cluster chain (a damaged one is Corrupt) and takes a reference to the file.</summary>
    public StorageError Open(VfsOpenFlags flags)
    {
        // A rename while open moves the entry; the open node knows where it went.
        StorageError error = _volume.Open(_file != null ? _file.Location : _location, out FatFileNode file);
        if (error == StorageError.Ok)
        {
            _file = file;
            _opens++;
        }

        return error;
    }

    public StorageError Read(ulong offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        return _file == null ? StorageError.Closed : _file.Read(offset, buffer, out bytesRead);
    }

    public bool TryReadFromMemory(ulong offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        return _file != null && _file.TryReadFromMemory(offset, buffer, out bytesRead);
    }

    /// <summary>Writes and commits the FAT; either everything is written or, on NoSpace, nothing.</summary>
    public StorageError Write(ulong offset, ReadOnlySpan<byte> buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        if (_file == null)
        {
            return StorageError.Closed;
        }

        StorageError error = _file.Write(offset, buffer, out bytesWritten);
        StorageError commitError = _volume.Commit();
        return error != StorageError.Ok ? error : commitError;
    }

    public StorageError SetLength(ulong length)
    {
        if (_file == null)
        {
            return StorageError.Closed;
        }

        StorageError error = _file.SetLength(length);
        StorageError commitError = _volume.Commit();
        return error != StorageError.Ok ? error : commitError;
    }

    public StorageError Flush() => _file == null ? StorageError.Closed : _volume.Flush();

    public StorageError Close()
    {
        if (_file == null)
        {
            return StorageError.Closed;
        }

        _volume.Release(_file);
        if (--_opens == 0)
        {
            _file = null;
        }

        return _volume.Commit();
    }

    /// <summary>Nothing to let go: the engine's node holds nothing beyond its own memory.</summary>
    public void Release()
    {
    }
}
