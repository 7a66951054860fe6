using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// The table's connections ordered by when each is next due (a binary min-heap; every connection
/// knows its slot, so a change of its time is a sift, not a search). The times it keeps may be
/// earlier than a connection's real deadline, never later: a connection's timers move later on
/// almost every segment (the retransmission timer restarts at each ACK), and only an earlier one
/// is worth a sift at once; a time that came due is checked against the connection then. So the
/// earliest time is read without looking at the connections, and a timer costs a logarithm of
/// their number, where a walk of all of them cost their number (a server keeps thousands in TIME-WAIT).
/// </summary>
internal sealed class TcpTimerQueue
{
    private TcpConnection[] _heap = new TcpConnection[16];

    public int Count { get; private set; }

    /// <summary>The connection with the earliest time (the queue is not empty).</summary>
    public TcpConnection Earliest => _heap[0];

    /// <summary>The earliest time kept, long.MaxValue when the queue is empty.</summary>
    public long EarliestAt => Count == 0 ? long.MaxValue : _heap[0].QueuedAt;

    public void Add(TcpConnection connection, long at)
    {
        if (Count == _heap.Length)
            Array.Resize(ref _heap, 2 * _heap.Length);
        connection.QueuedAt = at;
        connection.QueueSlot = Count;
        _heap[Count++] = connection;
        SiftUp(connection.QueueSlot);
    }

    /// <summary>Sets the time of a queued connection, earlier or later.</summary>
    public void Move(TcpConnection connection, long at)
    {
        long was = connection.QueuedAt;
        connection.QueuedAt = at;
        if (at < was)
            SiftUp(connection.QueueSlot);
        else if (at > was)
            SiftDown(connection.QueueSlot);
    }

    public void Remove(TcpConnection connection)
    {
        int slot = connection.QueueSlot;
        if (slot < 0 || slot >= Count || _heap[slot] != connection)
            return;
        connection.QueueSlot = -1;
        Count--;
        TcpConnection last = _heap[Count];
        _heap[Count] = null;
        if (slot == Count)
            return;
        _heap[slot] = last;
        last.QueueSlot = slot;
        SiftUp(slot);
        SiftDown(last.QueueSlot);
    }

    public bool Contains(TcpConnection connection)
        => connection.QueueSlot >= 0 && connection.QueueSlot < Count && _heap[connection.QueueSlot] == connection;

    private void SiftUp(int slot)
    {
        TcpConnection moving = _heap[slot];
        while (slot > 0)
        {
            int parent = (slot - 1) / 2;
            TcpConnection above = _heap[parent];
            if (above.QueuedAt <= moving.QueuedAt)
                break;
            _heap[slot] = above;
            above.QueueSlot = slot;
            slot = parent;
        }
        _heap[slot] = moving;
        moving.QueueSlot = slot;
    }

    private void SiftDown(int slot)
    {
        TcpConnection moving = _heap[slot];
        while (true)
        {
            int child = 2 * slot + 1;
            if (child >= Count)
                break;
            if (child + 1 < Count && _heap[child + 1].QueuedAt < _heap[child].QueuedAt)
                child++;
            TcpConnection below = _heap[child];
            if (moving.QueuedAt <= below.QueuedAt)
                break;
            _heap[slot] = below;
            below.QueueSlot = slot;
            slot = child;
        }
        _heap[slot] = moving;
        moving.QueueSlot = slot;
    }
}
