namespace CosmosHybrid.Ipc;

/// <summary>
/// A port's bounded first-in, first-out queue of messages: a ring of
/// <see cref="Capacity"/> slots.
/// </summary>
internal sealed class MessageQueue<TMessage> where TMessage : class
{
    public const int Capacity = 16;

    private readonly TMessage[] _slots = new TMessage[Capacity];
    private int _head;

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public void Enqueue(TMessage message)
    {
        _slots[(_head + Count) % Capacity] = message;
        Count++;
    }

    /// <summary>The oldest message, or null when the queue is empty.</summary>
    public TMessage Dequeue()
    {
        if (Count == 0)
            return null;
        TMessage message = _slots[_head];
        _slots[_head] = null;
        _head = (_head + 1) % Capacity;
        Count--;
        return message;
    }
}
