using System.Threading;

namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>
/// The consuming side of a ring of buffer indices (see <see cref="FrameRingProducer"/>): it
/// reads the entry at its tail, and on <see cref="Release"/> leaves a buffer in the slot for
/// the producer (the one it read, or a spare when it keeps that one) and moves the tail on.
/// The tail lives here; the head is the peer's and is checked.
/// </summary>
public unsafe struct FrameRingConsumer
{
    private readonly byte* _control;
    private readonly SharedWord* _entries;
    private readonly SharedWord* _sideWords;
    private readonly uint _capacity;
    private uint _tail;

    /// <param name="sideWords">The producer's word per slot (the transmit ring's offload words), or null.</param>
    public FrameRingConsumer(byte* control, uint* entries, int capacity, uint* sideWords = null)
    {
        _control = control;
        _entries = (SharedWord*)entries;
        _sideWords = (SharedWord*)sideWords;
        _capacity = (uint)capacity;
        _tail = 0;
    }

    public uint Tail => _tail;

    private SharedWord* SharedHead => (SharedWord*)(_control + FrameRingControl.HeadOffset);
    private SharedWord* SharedTail => (SharedWord*)(_control + FrameRingControl.TailOffset);

    /// <summary>Entries waiting; -1 when the producer's head is impossible (more than a ring ahead, or behind us).</summary>
    public int Available
    {
        get
        {
            uint waiting = SharedHead->Value - _tail;
            return waiting > _capacity ? -1 : (int)waiting;
        }
    }

    /// <summary>The entry at the tail (<see cref="FrameEntry"/>); the caller checks <see cref="Available"/> first and the entry's fields after.</summary>
    public uint Peek() => _entries[_tail & (_capacity - 1)].Value;

    /// <summary>The entry <paramref name="ahead"/> places past the tail (a later part of a frame; the caller checks <see cref="Available"/>).</summary>
    public uint PeekAhead(int ahead) => _entries[(_tail + (uint)ahead) & (_capacity - 1)].Value;

    /// <summary>The side word of the slot at the tail (0 on a ring without them).</summary>
    public uint PeekSideWord() => _sideWords == null ? 0 : _sideWords[_tail & (_capacity - 1)].Value;

    /// <summary>Consumes the entry at the tail, leaving <paramref name="bufferForProducer"/> in its slot.</summary>
    public void Release(int bufferForProducer)
    {
        _entries[_tail & (_capacity - 1)].Value = FrameEntry.Pack(bufferForProducer, 0);
        _tail++;
        SharedTail->Value = _tail;
    }

    /// <summary>After releasing: true (once) when the producer waited for room and must be notified.</summary>
    public bool TakeProducerWakeup() =>
        Interlocked.Exchange(ref *(int*)(_control + FrameRingControl.ProducerWaitingOffset), 0) != 0;

    /// <summary>
    /// Before sleeping: raises our waiting flag, then looks again. True when still empty
    /// (sleep until notified); false when an entry arrived meanwhile (the flag is lowered again).
    /// </summary>
    public bool PrepareToSleep()
    {
        int* waiting = (int*)(_control + FrameRingControl.ConsumerWaitingOffset);
        Interlocked.Exchange(ref *waiting, 1);
        if (Available == 0)
            return true;
        Interlocked.Exchange(ref *waiting, 0);
        return false;
    }

    /// <summary>True when the consumer's waiting flag is up (the producer has not taken it yet).</summary>
    public bool IsWaiting => *(int*)(_control + FrameRingControl.ConsumerWaitingOffset) != 0;
}
