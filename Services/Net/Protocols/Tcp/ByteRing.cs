using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// A fixed-capacity byte queue. Besides appending at the end it can place bytes further out
/// (<see cref="WriteAt"/>) without making them readable, which is how out-of-order TCP data waits
/// in the receive buffer until the gap before it is filled (<see cref="Commit"/>).
/// </summary>
public sealed class ByteRing
{
    private byte[] _buffer;
    private int _start;

    public ByteRing(int capacity) => _buffer = new byte[capacity];

    /// <summary>
    /// Gives the storage up once nothing will be queued again (a connection in TIME-WAIT): the ring
    /// is empty with capacity 0 from then on. False (and nothing changes) while it still holds bytes.
    /// </summary>
    public bool Release()
    {
        if (Count != 0)
            return false;
        _buffer = Array.Empty<byte>();
        _start = 0;
        return true;
    }

    public int Capacity => _buffer.Length;
    /// <summary>Readable bytes.</summary>
    public int Count { get; private set; }
    public int Free => _buffer.Length - Count;

    /// <summary>Appends as much as fits; returns how much that was.</summary>
    public int Write(ReadOnlySpan<byte> data)
    {
        int length = Math.Min(data.Length, Free);
        WriteAt(0, data.Slice(0, length));
        Count += length;
        return length;
    }

    /// <summary>Places <paramref name="data"/> at <paramref name="offset"/> bytes past the readable end; false when it does not fit.</summary>
    public bool WriteAt(int offset, ReadOnlySpan<byte> data)
    {
        if (offset < 0 || offset + data.Length > Free)
            return false;
        if (data.Length == 0)
            return true; // also what keeps a released ring (capacity 0) from dividing by zero
        int position = (_start + Count + offset) % _buffer.Length;
        int first = Math.Min(data.Length, _buffer.Length - position);
        data.Slice(0, first).CopyTo(_buffer.AsSpan(position));
        data.Slice(first).CopyTo(_buffer.AsSpan(0));
        return true;
    }

    /// <summary>Makes <paramref name="length"/> bytes placed by <see cref="WriteAt"/> readable.</summary>
    public void Commit(int length) => Count += Math.Min(length, Free);

    /// <summary>Copies bytes from <paramref name="offset"/> into <paramref name="destination"/> without removing them.</summary>
    public int Peek(int offset, Span<byte> destination)
    {
        int length = Math.Min(destination.Length, Count - offset);
        if (length <= 0)
            return 0;
        int position = (_start + offset) % _buffer.Length;
        int first = Math.Min(length, _buffer.Length - position);
        _buffer.AsSpan(position, first).CopyTo(destination);
        _buffer.AsSpan(0, length - first).CopyTo(destination.Slice(first));
        return length;
    }

    public int Read(Span<byte> destination)
    {
        int length = Peek(0, destination);
        Discard(length);
        return length;
    }

    public void Discard(int length)
    {
        length = Math.Min(length, Count);
        if (length <= 0)
            return;
        _start = (_start + length) % _buffer.Length;
        // No rewind to 0 when empty: bytes placed past the end by WriteAt must keep their place.
        Count -= length;
    }
}
