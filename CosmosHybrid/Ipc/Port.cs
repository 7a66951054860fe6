using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>
/// A message port: a bounded queue of messages, the threads waiting to receive from
/// it, the threads waiting for room to send, and pending notification bits. A port
/// lives while any handle refers to it; once its last receive handle is closed it is
/// "closed": nothing can be received, and every sender is told so (PeerClosed).
/// Both waiter lists are stacks: the thread that started waiting last is served first.
/// </summary>
internal sealed class Port : KernelObject
{
    public const int QueueCapacity = MessageQueue<PendingMessage>.Capacity;

    private readonly MessageQueue<PendingMessage> _queue = new MessageQueue<PendingMessage>();

    /// <summary>Open handles with the receive right; at zero the port is closed.</summary>
    public int ReceiveHandles { get; set; }

    public bool IsClosed { get; set; }

    public override void OnHandleOpened(HandleRights rights)
    {
        if ((rights & HandleRights.Receive) != 0)
            ReceiveHandles++;
    }

    public override void OnHandleRemoved(HandleRights rights)
    {
        if ((rights & HandleRights.Receive) != 0)
            ReceiveHandles--;
    }

    /// <summary>Notification bits set and not yet received.</summary>
    public ulong PendingNotifications { get; set; }

    /// <summary>Threads blocked in a receive on this port, linked through <see cref="IpcWaiter.Next"/>.</summary>
    public IpcWaiter Receivers { get; private set; }

    /// <summary>Threads waiting for room in the queue, linked through <see cref="IpcWaiter.Next"/>.</summary>
    public IpcWaiter BlockedSenders { get; private set; }

    public int QueuedCount => _queue.Count;

    public bool IsFull => _queue.IsFull;

    public void Enqueue(PendingMessage message) => _queue.Enqueue(message);

    /// <summary>The oldest queued message, or null when the queue is empty.</summary>
    public PendingMessage Dequeue() => _queue.Dequeue();

    public void AddReceiver(IpcWaiter thread)
    {
        thread.Next = Receivers;
        Receivers = thread;
    }

    /// <summary>Removes and returns the receiver that started waiting last (null if none).</summary>
    public IpcWaiter TakeReceiver()
    {
        IpcWaiter receiver = Receivers;
        if (receiver != null)
        {
            Receivers = receiver.Next;
            receiver.Next = null;
        }
        return receiver;
    }

    public void AddBlockedSender(IpcWaiter thread)
    {
        thread.Next = BlockedSenders;
        BlockedSenders = thread;
    }

    /// <summary>Removes and returns the sender that started waiting last (null if none).</summary>
    public IpcWaiter TakeBlockedSender()
    {
        IpcWaiter sender = BlockedSenders;
        if (sender != null)
        {
            BlockedSenders = sender.Next;
            sender.Next = null;
        }
        return sender;
    }

    /// <summary>Removes <paramref name="thread"/> from the receiver or sender lists (it timed out or died).</summary>
    public void Forget(IpcWaiter thread)
    {
        Receivers = Unlink(Receivers, thread);
        BlockedSenders = Unlink(BlockedSenders, thread);
    }

    private static IpcWaiter Unlink(IpcWaiter list, IpcWaiter thread)
    {
        if (list == thread)
            return thread.Next;
        for (IpcWaiter before = list; before != null; before = before.Next)
        {
            if (before.Next == thread)
            {
                before.Next = thread.Next;
                break;
            }
        }
        return list;
    }
}
