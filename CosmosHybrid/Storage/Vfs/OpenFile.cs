using System;
using System.Collections.Generic;
using CosmosHybrid.Storage.Fat;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// What a file descriptor refers to: an open file (with a position and the access it was
/// opened for) or an open directory (a snapshot of its entries taken at open, read in turn).
/// </summary>
public sealed class OpenFile
{
    private readonly FatFile _file;
    private readonly List<FileEntry> _entries;
    private int _nextEntry;
    private bool _closed;

    internal OpenFile(Mount mount, string path, VfsOpenFlags flags, FatFile file, List<FileEntry> entries)
    {
        Mount = mount;
        Path = path;
        Flags = flags;
        _file = file;
        _entries = entries;
    }

    /// <summary>The volume the file is on (null for a directory made only of mount points).</summary>
    public Mount Mount { get; }

    /// <summary>The canonical path it was opened with.</summary>
    public string Path { get; }

    /// <summary>The flags it was opened with.</summary>
    public VfsOpenFlags Flags { get; }

    /// <summary>True for a directory handle.</summary>
    public bool IsDirectory => _entries != null;

    /// <summary>The file's size in bytes (the number of entries for a directory).</summary>
    public ulong Length => _file != null ? _file.Length : (ulong)_entries.Count;

    /// <summary>The position in bytes (the next entry's index for a directory).</summary>
    public ulong Position => _file != null ? _file.Position : (ulong)_nextEntry;

    /// <summary>Reads at the position and advances it; 0 bytes at the end.</summary>
    public StorageError Read(Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        StorageError error = CheckFile(VfsOpenFlags.Read);
        return error != StorageError.Ok ? error : _file.Read(buffer, out bytesRead);
    }

    /// <summary>Reads at <paramref name="offset"/>; the position does not move.</summary>
    public StorageError ReadAt(ulong offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        StorageError error = CheckFile(VfsOpenFlags.Read);
        if (error != StorageError.Ok)
        {
            return error;
        }

        ulong position = _file.Position;
        error = _file.Seek(offset);
        if (error == StorageError.Ok)
        {
            error = _file.Read(buffer, out bytesRead);
        }

        _file.Seek(position);
        return error;
    }

    /// <summary>Writes at the position (at the end in append mode) and advances it.</summary>
    public StorageError Write(ReadOnlySpan<byte> buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        StorageError error = CheckFile(VfsOpenFlags.Write);
        return error != StorageError.Ok ? error : _file.Write(buffer, out bytesWritten);
    }

    /// <summary>Moves the position; the result must lie in [0, 4 GiB).</summary>
    public StorageError Seek(long offset, VfsSeekOrigin origin, out ulong position)
    {
        position = 0;
        StorageError error = CheckFile(VfsOpenFlags.None);
        if (error != StorageError.Ok)
        {
            return error;
        }

        long basis = origin switch
        {
            VfsSeekOrigin.Begin => 0,
            VfsSeekOrigin.Current => (long)_file.Position,
            VfsSeekOrigin.End => (long)_file.Length,
            _ => -1,
        };
        if (basis < 0 || offset < -basis || offset > uint.MaxValue - basis)
        {
            return StorageError.InvalidArgument;
        }

        position = (ulong)(basis + offset);
        return _file.Seek(position);
    }

    /// <summary>Truncates or extends (with zeros) the file.</summary>
    public StorageError SetLength(ulong length)
    {
        StorageError error = CheckFile(VfsOpenFlags.Write);
        return error != StorageError.Ok ? error : _file.SetLength(length);
    }

    /// <summary>The next directory entry; false at the end (or with an error for a file handle).</summary>
    public StorageError ReadEntry(out FileEntry entry, out bool found)
    {
        entry = default;
        found = false;
        if (_closed)
        {
            return StorageError.Closed;
        }

        if (_entries == null)
        {
            return StorageError.NotDirectory;
        }

        if (_nextEntry < _entries.Count)
        {
            entry = _entries[_nextEntry++];
            found = true;
        }

        return StorageError.Ok;
    }

    /// <summary>Releases the handle; further calls return <see cref="StorageError.Closed"/>.</summary>
    public StorageError Close()
    {
        if (_closed)
        {
            return StorageError.Closed;
        }

        _closed = true;
        return _file != null ? _file.Close() : StorageError.Ok;
    }

    private StorageError CheckFile(VfsOpenFlags access)
    {
        if (_closed)
        {
            return StorageError.Closed;
        }

        if (_file == null)
        {
            return StorageError.IsDirectory;
        }

        return (Flags & access) == access ? StorageError.Ok : StorageError.AccessDenied;
    }
}
