using System.Threading;

namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>
/// The producing side of a single-producer, single-consumer ring of buffer indices in shared
/// memory. Every slot always holds one buffer index: the producer fills the buffer of the slot
/// at its head (<see cref="NextBuffer"/>), then publishes it with its length; the consumer takes
/// it and, when it moves its tail on, leaves in the slot the buffer it gives back. The head
/// lives here (the shared copy is only published); the tail is the peer's and is checked.
/// </summary>
public unsafe struct FrameRingProducer
{
    private readonly byte* _control;
    private readonly SharedWord* _entries;
    private readonly SharedWord* _sideWords;
    private readonly uint _capacity;
    private uint _head;

    /// <param name="sideWords">A word per slot written with the entry (the transmit ring's offload words), or null.</param>
    public FrameRingProducer(byte* control, uint* entries, int capacity, uint* sideWords = null)
    {
        _control = control;
        _entries = (SharedWord*)entries;
        _sideWords = (SharedWord*)sideWords;
        _capacity = (uint)capacity;
        _head = 0;
    }

    public uint Head => _head;

    private SharedWord* SharedHead => (SharedWord*)(_control + FrameRingControl.HeadOffset);
    private SharedWord* SharedTail => (SharedWord*)(_control + FrameRingControl.TailOffset);

    /// <summary>Slots free for new frames: 0 when full, or when the peer's tail is impossible (see <see cref="IsCorrupt"/>).</summary>
    public int Free
    {
        get
        {
            uint used = _head - SharedTail->Value;
            return used > _capacity ? 0 : (int)(_capacity - used);
        }
    }

    /// <summary>True when the consumer's tail is ahead of our head or more than a ring behind it.</summary>
    public bool IsCorrupt => _head - SharedTail->Value > _capacity;

    /// <summary>The buffer index in the slot at the head: ours to fill (the caller checks it names a buffer).</summary>
    public int NextBuffer => FrameEntry.BufferOf(_entries[_head & (_capacity - 1)].Value);

    /// <summary>Publishes a frame of <paramref name="length"/> bytes in <paramref name="buffer"/> (the caller checked <see cref="Free"/>).</summary>
    public void Publish(int buffer, int length)
    {
        _entries[_head & (_capacity - 1)].Value = FrameEntry.Pack(buffer, length);
        _head++;
        SharedHead->Value = _head; // after the entry: volatile writes stay in order
    }

    /// <summary>The buffer index in the slot <paramref name="ahead"/> places past the head (a later part of a frame being staged).</summary>
    public int BufferAhead(int ahead) => FrameEntry.BufferOf(_entries[(_head + (uint)ahead) & (_capacity - 1)].Value);

    /// <summary>
    /// Writes the entry <paramref name="ahead"/> places past the head, and its side word, without
    /// publishing it: the parts of a frame become visible together with <see cref="Commit"/>.
    /// </summary>
    public void Stage(int ahead, int buffer, int length, uint flags, uint sideWord = 0)
    {
        uint slot = (_head + (uint)ahead) & (_capacity - 1);
        if (_sideWords != null)
            _sideWords[slot].Value = sideWord;
        _entries[slot].Value = FrameEntry.Pack(buffer, length, flags);
    }

    /// <summary>Publishes the <paramref name="count"/> staged entries at once (the caller checked <see cref="Free"/>).</summary>
    public void Commit(int count)
    {
        _head += (uint)count;
        SharedHead->Value = _head; // after the entries: volatile writes stay in order
    }

    /// <summary>After publishing: true (once) when the consumer had gone idle and must be notified.</summary>
    public bool TakeConsumerWakeup() =>
        Interlocked.Exchange(ref *(int*)(_control + FrameRingControl.ConsumerWaitingOffset), 0) != 0;

    /// <summary>
    /// Before waiting for room: raises our waiting flag, then looks again (a locked exchange
    /// orders the two). True when still full (wait for a notification); false when room
    /// appeared meanwhile (the flag is lowered again).
    /// </summary>
    public bool PrepareToWaitForRoom()
    {
        int* waiting = (int*)(_control + FrameRingControl.ProducerWaitingOffset);
        Interlocked.Exchange(ref *waiting, 1);
        if (Free == 0)
            return true;
        Interlocked.Exchange(ref *waiting, 0);
        return false;
    }
}
