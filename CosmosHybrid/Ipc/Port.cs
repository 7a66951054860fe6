using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Ipc;

/// <summary>
/// A message port: a bounded queue of messages, the threads waiting to receive from
/// it, the threads waiting for room to send, and pending notification bits. A port
/// lives while any handle refers to it; once its last receive handle is closed it is
/// "closed": nothing can be received, and every sender is told so (PeerClosed).
/// </summary>
internal sealed class Port : IHandleObject
{
    public const int QueueCapacity = MessageQueue<PendingMessage>.Capacity;

    private readonly MessageQueue<PendingMessage> _queue = new MessageQueue<PendingMessage>();

    private static int s_nextId = 1;

    public Port()
    {
        Id = s_nextId++;
    }

    public int Id { get; }

    /// <summary>Open handles with the receive right; at zero the port is closed.</summary>
    public int ReceiveHandles { get; set; }

    /// <summary>Open handles of any kind (and name-registry entries) that keep the object alive.</summary>
    public int References { get; set; }

    public bool IsClosed { get; set; }

    /// <summary>Notification bits set and not yet received.</summary>
    public ulong PendingNotifications { get; set; }

    /// <summary>Threads blocked in a receive on this port, linked through <see cref="Thread.IpcNext"/>.</summary>
    public Thread Receivers { get; set; }

    /// <summary>Threads waiting for room in the queue, linked through <see cref="Thread.IpcNext"/>.</summary>
    public Thread BlockedSenders { get; set; }

    public int QueuedCount => _queue.Count;

    public bool IsFull => _queue.IsFull;

    public void Enqueue(PendingMessage message) => _queue.Enqueue(message);

    public PendingMessage Dequeue() => _queue.Dequeue();

    public Thread TakeReceiver()
    {
        Thread receiver = Receivers;
        if (receiver != null)
        {
            Receivers = receiver.IpcNext;
            receiver.IpcNext = null;
        }
        return receiver;
    }

    public void AddReceiver(Thread thread)
    {
        thread.IpcNext = Receivers;
        Receivers = thread;
    }

    public void AddBlockedSender(Thread thread)
    {
        thread.IpcNext = BlockedSenders;
        BlockedSenders = thread;
    }

    /// <summary>Removes <paramref name="thread"/> from the receiver or sender lists (it timed out or died).</summary>
    public void Forget(Thread thread)
    {
        Receivers = Unlink(Receivers, thread);
        BlockedSenders = Unlink(BlockedSenders, thread);
    }

    private static Thread Unlink(Thread list, Thread thread)
    {
        if (list == thread)
            return thread.IpcNext;
        for (Thread before = list; before != null; before = before.IpcNext)
        {
            if (before.IpcNext == thread)
            {
                before.IpcNext = thread.IpcNext;
                break;
            }
        }
        return list;
    }
}
