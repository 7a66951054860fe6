using System.Collections.Generic;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// A message port of the in-process kernel: a bounded queue of messages, the threads
/// waiting to receive from it, the threads waiting for room to send, and pending
/// notification bits. Once its last receive handle is closed it is "closed": nothing
/// can be received and every sender is told so (PeerClosed).
/// </summary>
/// <remarks>
/// Mirrors the kernel's <c>CosmosHybrid.Ipc.Port</c>, including the order of its
/// waiter lists: both are stacks (the thread that started waiting last is served first).
/// Only touched with the kernel lock held.
/// </remarks>
internal sealed class Port : CosmosHybrid.Ipc.IHandleObject
{
    /// <summary>Messages a port holds before senders must wait (or fail with QueueFull).</summary>
    public const int QueueCapacity = CosmosHybrid.Ipc.MessageQueue<PendingMessage>.Capacity;

    private readonly CosmosHybrid.Ipc.MessageQueue<PendingMessage> _queue = new CosmosHybrid.Ipc.MessageQueue<PendingMessage>();
    private readonly List<HostThread> _receivers = new List<HostThread>();
    private readonly List<HostThread> _blockedSenders = new List<HostThread>();

    /// <summary>Open handles with the receive right; at zero the port is closed.</summary>
    public int ReceiveHandles { get; set; }

    /// <summary>Open handles of any kind that refer to the port.</summary>
    public int References { get; set; }

    public bool IsClosed { get; set; }

    /// <summary>Notification bits set and not yet received.</summary>
    public ulong PendingNotifications { get; set; }

    public int QueuedCount => _queue.Count;

    public bool IsFull => _queue.IsFull;

    public bool HasBlockedSenders => _blockedSenders.Count != 0;

    public bool HasReceivers => _receivers.Count != 0;

    public void Enqueue(PendingMessage message) => _queue.Enqueue(message);

    /// <summary>The oldest queued message, or null when the queue is empty.</summary>
    public PendingMessage Dequeue() => _queue.Dequeue();

    public void AddReceiver(HostThread thread) => _receivers.Add(thread);

    /// <summary>Removes and returns the receiver that started waiting last (null if none).</summary>
    public HostThread TakeReceiver() => Pop(_receivers);

    public void AddBlockedSender(HostThread thread) => _blockedSenders.Add(thread);

    /// <summary>Removes and returns the sender that started waiting last (null if none).</summary>
    public HostThread TakeBlockedSender() => Pop(_blockedSenders);

    /// <summary>Removes <paramref name="thread"/> from both waiter lists (it timed out, was woken or died).</summary>
    public void Forget(HostThread thread)
    {
        _receivers.Remove(thread);
        _blockedSenders.Remove(thread);
    }

    private static HostThread Pop(List<HostThread> stack)
    {
        if (stack.Count == 0)
            return null;
        HostThread thread = stack[stack.Count - 1];
        stack.RemoveAt(stack.Count - 1);
        return thread;
    }
}
