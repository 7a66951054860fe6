using System;

namespace CosmosHybrid.Streams;

/// <summary>What a pipe read or write did, or why it did nothing.</summary>
internal enum PipeStatus
{
    /// <summary>Some bytes moved (the count says how many).</summary>
    Moved,

    /// <summary>Nothing to read yet, or no room to write: the caller waits (or gives up).</summary>
    WouldBlock,

    /// <summary>Read: empty and every write end is closed.</summary>
    EndOfFile,

    /// <summary>Write: every read end is closed, so the bytes could never be read.</summary>
    NoReader,
}

/// <summary>
/// A pipe's bytes and ends: a bounded ring (oldest first) that a reader empties and a
/// writer fills, plus whether each end is still open. Pure bookkeeping: who waits and who
/// is woken is the kernel's <see cref="Pipe"/>; the host tests drive this class directly.
/// </summary>
internal sealed class PipeBuffer
{
    private readonly byte[] _bytes;
    private int _head;
    private int _count;

    public PipeBuffer(int capacity) => _bytes = new byte[capacity];

    public int Capacity => _bytes.Length;

    /// <summary>Bytes written and not read yet.</summary>
    public int Count => _count;

    public bool IsReadEndClosed { get; private set; }

    public bool IsWriteEndClosed { get; private set; }

    /// <summary>The last read end is gone: writes fail from now on, and what is queued is dropped.</summary>
    public void CloseReadEnd()
    {
        IsReadEndClosed = true;
        _count = 0;
        _head = 0;
    }

    /// <summary>The last write end is gone: once the queued bytes are read, reads see the end of the file.</summary>
    public void CloseWriteEnd() => IsWriteEndClosed = true;

    /// <summary>Takes up to <c>destination.Length</c> of the oldest bytes.</summary>
    public PipeStatus Read(Span<byte> destination, out int count)
    {
        count = 0;
        if (_count == 0)
            return IsWriteEndClosed ? PipeStatus.EndOfFile : PipeStatus.WouldBlock;
        if (destination.Length == 0)
            return PipeStatus.Moved;
        while (count < destination.Length && _count > 0)
        {
            // At most two runs: up to the end of the array, then from its start.
            int run = Math.Min(Math.Min(destination.Length - count, _count), _bytes.Length - _head);
            new ReadOnlySpan<byte>(_bytes, _head, run).CopyTo(destination.Slice(count));
            count += run;
            _count -= run;
            _head = (_head + run) % _bytes.Length;
        }
        if (_count == 0)
            _head = 0;
        return PipeStatus.Moved;
    }

    /// <summary>Queues as much of <paramref name="source"/> as there is room for.</summary>
    public PipeStatus Write(ReadOnlySpan<byte> source, out int count)
    {
        count = 0;
        if (IsReadEndClosed)
            return PipeStatus.NoReader;
        if (source.Length == 0)
            return PipeStatus.Moved;
        if (_count == _bytes.Length)
            return PipeStatus.WouldBlock;
        while (count < source.Length && _count < _bytes.Length)
        {
            int tail = (_head + _count) % _bytes.Length;
            int room = tail >= _head ? _bytes.Length - tail : _head - tail;
            int run = Math.Min(Math.Min(source.Length - count, _bytes.Length - _count), room);
            source.Slice(count, run).CopyTo(new Span<byte>(_bytes, tail, run));
            count += run;
            _count += run;
        }
        return PipeStatus.Moved;
    }
}
