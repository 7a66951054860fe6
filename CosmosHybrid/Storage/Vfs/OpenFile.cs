using System;
using System.Collections.Generic;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// What a file descriptor refers to: an open file node with this handle's own position and
/// the access it was opened for, or an open directory (a snapshot of its entries taken at
/// open, read in turn).
/// </summary>
public sealed class OpenFile
{
    /// <summary>The largest position a handle may take: 4 GiB - 1, the limit of the system-call ABI's files.</summary>
    public const ulong MaxPosition = uint.MaxValue;

    private readonly IVfsNode _node;
    private readonly IVfsMemoryReadNode _memoryNode;   // _node when it reads from memory, else null
    private readonly List<FileEntry> _entries;
    private ulong _position;
    private int _nextEntry;
    private bool _closed;

    internal OpenFile(Mount mount, string path, VfsOpenFlags flags, IVfsNode node, List<FileEntry> entries)
    {
        Mount = mount;
        Path = path;
        Flags = flags;
        _node = node;
        _entries = entries;
        _memoryNode = node as IVfsMemoryReadNode;
        if (node != null && mount != null)
        {
            mount.OpenFiles++;
        }
    }

    /// <summary>The volume the file is on (null for a directory made only of mount points).</summary>
    public Mount Mount { get; }

    /// <summary>The canonical path it was opened with.</summary>
    public string Path { get; }

    /// <summary>The flags it was opened with.</summary>
    public VfsOpenFlags Flags { get; }

    /// <summary>True for a directory handle.</summary>
    public bool IsDirectory => _entries != null;

    /// <summary>The file's size in bytes (0 once closed; the number of entries for a directory).</summary>
    public ulong Length => _entries != null ? (ulong)_entries.Count : FileLength();

    /// <summary>The position in bytes (the next entry's index for a directory).</summary>
    public ulong Position => _entries != null ? (ulong)_nextEntry : _position;

    /// <summary>Reads at the position and advances it over the bytes read; 0 bytes at the end.</summary>
    public StorageError Read(Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        StorageError error = CheckFile(VfsOpenFlags.Read);
        if (error != StorageError.Ok)
        {
            return error;
        }

        ulong at = TakeReadRange(buffer.Length);
        error = _node.Read(at, buffer, out bytesRead);
        GiveBackUnread(buffer.Length, bytesRead);
        return error;
    }

    // A read at the position takes its whole range before the node runs, and gives back what it did not read after.
    // A node that lets the file-system lock go while it waits (a ring-3 file server's) may let another read at
    // this position in meanwhile: that one then starts after this one's range instead of reading the same bytes.
    // The give-backs add up, so the position ends past every byte read whatever order the reads end in.
    private ulong TakeReadRange(int length)
    {
        ulong at = _position;
        _position = at + (ulong)length;
        return at;
    }

    private void GiveBackUnread(int length, int bytesRead) => _position -= (ulong)(length - bytesRead);

    /// <summary>Reads at <paramref name="offset"/> (at most <see cref="MaxPosition"/>); the position does not move.</summary>
    public StorageError ReadAt(ulong offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        StorageError error = CheckFile(VfsOpenFlags.Read);
        if (error != StorageError.Ok)
        {
            return error;
        }

        return offset > MaxPosition ? StorageError.InvalidArgument : _node.Read(offset, buffer, out bytesRead);
    }

    /// <summary>
    /// As <see cref="Read"/> (<paramref name="offset"/> below 0) or <see cref="ReadAt"/>, only when the node
    /// has the bytes in memory now (<see cref="IVfsMemoryReadNode"/>) and the handle may read: false, with
    /// nothing read and the position where it was, otherwise (also for every error, which the ordinary read reports).
    /// </summary>
    public bool TryReadFromMemory(long offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        if (_memoryNode == null || _closed || (Flags & VfsOpenFlags.Read) == 0)
        {
            return false;
        }

        ulong at = offset < 0 ? _position : (ulong)offset;
        if (at > MaxPosition || !_memoryNode.TryReadFromMemory(at, buffer, out bytesRead))
        {
            return false;
        }

        if (offset < 0)
        {
            _position += (ulong)bytesRead;
        }

        return true;
    }

    /// <summary>
    /// Writes at the position (at the end in append mode) and advances it over the bytes
    /// written. Either everything is written or, on <see cref="StorageError.NoSpace"/>, nothing.
    /// </summary>
    public StorageError Write(ReadOnlySpan<byte> buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        StorageError error = CheckFile(VfsOpenFlags.Write);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if ((Flags & VfsOpenFlags.Append) != 0)
        {
            _position = FileLength();
        }

        error = _node.Write(_position, buffer, out bytesWritten);
        _position += (ulong)bytesWritten;
        return error;
    }

    /// <summary>True when the file's node takes a caller's buffer as it is (<see cref="IVfsCallerBufferNode"/>).</summary>
    public bool TakesCallerBuffers => _node is IVfsCallerBufferNode;

    /// <summary>As <see cref="Read"/>, straight into the caller's own memory (only when <see cref="TakesCallerBuffers"/>).</summary>
    public StorageError Read(in VfsCallerBuffer buffer, out int bytesRead)
    {
        bytesRead = 0;
        StorageError error = CallerBufferNode(VfsOpenFlags.Read, out IVfsCallerBufferNode node);
        if (error != StorageError.Ok)
        {
            return error;
        }

        ulong at = TakeReadRange(buffer.Length);
        error = node.Read(at, buffer, out bytesRead);
        GiveBackUnread(buffer.Length, bytesRead);
        return error;
    }

    /// <summary>As <see cref="ReadAt"/>, straight into the caller's own memory (only when <see cref="TakesCallerBuffers"/>).</summary>
    public StorageError ReadAt(ulong offset, in VfsCallerBuffer buffer, out int bytesRead)
    {
        bytesRead = 0;
        StorageError error = CallerBufferNode(VfsOpenFlags.Read, out IVfsCallerBufferNode node);
        if (error != StorageError.Ok)
        {
            return error;
        }

        return offset > MaxPosition ? StorageError.InvalidArgument : node.Read(offset, buffer, out bytesRead);
    }

    /// <summary>As <see cref="Write"/>, straight from the caller's own memory (only when <see cref="TakesCallerBuffers"/>).</summary>
    public StorageError Write(in VfsCallerBuffer buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        StorageError error = CallerBufferNode(VfsOpenFlags.Write, out IVfsCallerBufferNode node);
        if (error != StorageError.Ok)
        {
            return error;
        }

        if ((Flags & VfsOpenFlags.Append) != 0)
        {
            _position = FileLength();
        }

        error = node.Write(_position, buffer, out bytesWritten);
        _position += (ulong)bytesWritten;
        return error;
    }

    // The checks the span overloads make, and the node's caller-buffer side.
    private StorageError CallerBufferNode(VfsOpenFlags access, out IVfsCallerBufferNode node)
    {
        node = _node as IVfsCallerBufferNode;
        StorageError error = CheckFile(access);
        if (error != StorageError.Ok)
        {
            return error;
        }

        return node == null ? StorageError.NotSupported : StorageError.Ok;
    }

    /// <summary>Moves the position; the result must lie in [0, <see cref="MaxPosition"/>] and may be past the end.</summary>
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
            VfsSeekOrigin.Current => (long)_position,
            VfsSeekOrigin.End => (long)FileLength(),
            _ => -1,
        };
        if (basis < 0 || offset < -basis || offset > (long)MaxPosition - basis)
        {
            return StorageError.InvalidArgument;
        }

        position = (ulong)(basis + offset);
        _position = position;
        return StorageError.Ok;
    }

    /// <summary>Truncates or extends (with zeros) the file; the position does not move.</summary>
    public StorageError SetLength(ulong length)
    {
        StorageError error = CheckFile(VfsOpenFlags.Write);
        return error != StorageError.Ok ? error : _node.SetLength(length);
    }

    /// <summary>Writes what the file system holds in memory for the file to its device.</summary>
    public StorageError Flush()
    {
        StorageError error = CheckFile(VfsOpenFlags.None);
        return error != StorageError.Ok ? error : _node.Flush();
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
        if (_node != null && Mount != null)
        {
            Mount.OpenFiles--;
        }

        if (_node == null)
        {
            return StorageError.Ok;
        }

        StorageError error = _node.Close();
        _node.Release();
        return error;
    }

    private ulong FileLength() =>
        !_closed && _node != null && _node.Stat(out FileEntry entry) == StorageError.Ok ? entry.Size : 0;

    private StorageError CheckFile(VfsOpenFlags access)
    {
        if (_closed)
        {
            return StorageError.Closed;
        }

        if (_node == null)
        {
            return StorageError.IsDirectory;
        }

        return (Flags & access) == access ? StorageError.Ok : StorageError.AccessDenied;
    }
}
