using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>
/// Calls the kernel makes itself, on behalf of the running thread (the forwarding mount asking
/// a ring-3 file server): a register call that gives up at a deadline. Unlike
/// <see cref="Call"/> it never hands off (the caller must be able to wake at the deadline), and
/// it takes a message of its own each time: one given up on may still sit in the queue, or be
/// served later, and its late reply is dropped (the caller no longer waits on it).
/// </summary>
internal sealed partial class PortEngine<TSeam>
{
    /// <summary>
    /// Sends <paramref name="message"/>'s short part as a call and waits at most
    /// <paramref name="timeoutMs"/> for the reply, which lands in <see cref="IpcWaiter.Registers"/>.
    /// PeerClosed when the server is gone (or goes while we wait), QueueFull when its queue is
    /// full, TimedOut when no reply came in time.
    /// </summary>
    public SyscallError CallWithDeadline(IpcWaiter self, Port port, PendingMessage message, long timeoutMs)
    {
        if (port.IsClosed)
            return SyscallError.PeerClosed;
        message.Caller = self;
        self.MessageAddress = 0;
        self.Calling = message;
        self.Delivered = false;
        self.Status = SyscallError.None;

        IpcWaiter server = port.TakeReceiver();
        if (server != null)
        {
            Deliver(server, message);
            Seam.Wake(server);
        }
        else if (!port.IsFull)
        {
            port.Enqueue(message);
        }
        else
        {
            self.Calling = null;
            return SyscallError.QueueFull;
        }

        long deadline = Seam.Deadline(timeoutMs);
        while (!self.Delivered && self.Status == SyscallError.None && !Seam.IsPast(deadline))
            Seam.BlockUntil(self, deadline);
        self.Calling = null; // from here on a reply to this message has nobody to go to
        if (self.Delivered)
            return self.Status;
        return self.Status != SyscallError.None ? self.Status : SyscallError.TimedOut;
    }
}
