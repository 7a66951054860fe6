using System;

namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// Bytes the terminal answers with (cursor position and status reports, device attributes),
/// waiting to be written to the program's input. Bounded: a program that asks thousands of
/// times without anyone draining the answers loses the newest ones, not memory.
/// </summary>
public sealed class TerminalReplies
{
    public const int Capacity = 1024;

    private readonly byte[] _bytes = new byte[Capacity];
    private int _head;

    public int Count { get; private set; }

    /// <summary>Queues a whole reply, or nothing when it does not fit.</summary>
    public bool Enqueue(ReadOnlySpan<byte> reply)
    {
        if (reply.Length > Capacity - Count)
        {
            return false;
        }

        for (int i = 0; i < reply.Length; i++)
        {
            _bytes[(_head + Count) % Capacity] = reply[i];
            Count++;
        }

        return true;
    }

    /// <summary>Moves up to <c>destination.Length</c> bytes out; returns how many.</summary>
    public int Read(Span<byte> destination)
    {
        int count = destination.Length < Count ? destination.Length : Count;
        for (int i = 0; i < count; i++)
        {
            destination[i] = _bytes[_head];
            _head = (_head + 1) % Capacity;
        }

        Count -= count;
        return count;
    }

    public void Clear()
    {
        _head = 0;
        Count = 0;
    }
}
