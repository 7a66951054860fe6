using System;

namespace CosmosHybrid.Console.Input;

/// <summary>
/// Bytes typed and not read yet, oldest first, in a ring of fixed capacity. A byte that
/// arrives when the ring is full is dropped and counted: typing faster than anyone reads
/// loses keystrokes, not memory.
/// </summary>
internal sealed class ConsoleInputBuffer
{
    private readonly byte[] _bytes;
    private int _head;
    private int _count;

    public ConsoleInputBuffer(int capacity) => _bytes = new byte[capacity];

    public int Count => _count;

    public ulong Dropped { get; private set; }

    /// <summary>Queues <paramref name="value"/>, or drops it when full (and returns false).</summary>
    public bool TryPush(byte value)
    {
        if (_count == _bytes.Length)
        {
            Dropped++;
            return false;
        }
        _bytes[(_head + _count) % _bytes.Length] = value;
        _count++;
        return true;
    }

    /// <summary>The oldest byte, left in place; -1 when empty.</summary>
    public int Peek() => _count == 0 ? -1 : _bytes[_head];

    /// <summary>
    /// Takes up to <c>destination.Length</c> of the oldest bytes, stopping before
    /// <paramref name="stopBefore"/> (a byte value, or -1 for none); returns how many.
    /// </summary>
    public int Take(Span<byte> destination, int stopBefore = -1)
    {
        int taken = 0;
        while (taken < destination.Length && _count > 0 && _bytes[_head] != stopBefore)
        {
            destination[taken++] = _bytes[_head];
            _head = (_head + 1) % _bytes.Length;
            _count--;
        }
        return taken;
    }
}
