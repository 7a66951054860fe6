using System;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// An open file: a position plus the file's shared state. Handles of the same file see
/// each other's writes and size changes. Not thread-safe: the caller serialises access to
/// the whole volume.
/// </summary>
public sealed class FatFile
{
    private readonly FatVolume _volume;
    private readonly bool _append;
    private FatFileNode _node;
    private ulong _position;

    internal FatFile(FatVolume volume, FatFileNode node, bool append)
    {
        _volume = volume;
        _node = node;
        _append = append;
    }

    /// <summary>Current position in bytes (may lie past the end; a write there zero-fills the gap).</summary>
    public ulong Position => _position;

    /// <summary>Current size in bytes (0 once closed).</summary>
    public ulong Length => _node == null ? 0 : _node.Size;

    /// <summary>True until <see cref="Close"/>.</summary>
    public bool IsOpen => _node != null;

    /// <summary>Reads at the current position and advances it; 0 bytes at the end of the file.</summary>
    public StorageError Read(Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        if (_node == null)
        {
            return StorageError.Closed;
        }

        StorageError error = _node.Read(_position, buffer, out bytesRead);
        _position += (ulong)bytesRead;
        return error;
    }

    /// <summary>
    /// Writes at the current position (at the end in append mode) and advances it. Either
    /// everything is written or, on <see cref="StorageError.NoSpace"/>, nothing.
    /// </summary>
    public StorageError Write(ReadOnlySpan<byte> buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        if (_node == null)
        {
            return StorageError.Closed;
        }

        if (_append)
        {
            _position = _node.Size;
        }

        StorageError error = _node.Write(_position, buffer, out bytesWritten);
        _position += (ulong)bytesWritten;
        StorageError commitError = _volume.Commit();
        return error != StorageError.Ok ? error : commitError;
    }

    /// <summary>Writes at the end of the file whatever the position, and moves the position there.</summary>
    public StorageError Append(ReadOnlySpan<byte> buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        if (_node == null)
        {
            return StorageError.Closed;
        }

        _position = _node.Size;
        return Write(buffer, out bytesWritten);
    }

    /// <summary>Moves the position; anything up to 4 GiB - 1 is allowed.</summary>
    public StorageError Seek(ulong position)
    {
        if (_node == null)
        {
            return StorageError.Closed;
        }

        if (position > uint.MaxValue)
        {
            return StorageError.InvalidArgument;
        }

        _position = position;
        return StorageError.Ok;
    }

    /// <summary>Truncates or extends (with zeros) the file; the position is unchanged.</summary>
    public StorageError SetLength(ulong length)
    {
        if (_node == null)
        {
            return StorageError.Closed;
        }

        StorageError error = _node.SetLength(length);
        StorageError commitError = _volume.Commit();
        return error != StorageError.Ok ? error : commitError;
    }

    /// <summary>Writes cached file-system metadata and flushes the device.</summary>
    public StorageError Flush() => _node == null ? StorageError.Closed : _volume.Flush();

    /// <summary>Releases the handle. Further calls return <see cref="StorageError.Closed"/>.</summary>
    public StorageError Close()
    {
        if (_node == null)
        {
            return StorageError.Closed;
        }

        _volume.Release(_node);
        _node = null;
        return _volume.Commit();
    }
}
