using System.Runtime.CompilerServices;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>The port state machine for messages in memory: send, receive, notify.</summary>
internal sealed partial class PortEngine<TSeam>
{
    /// <summary>
    /// Hands <paramref name="message"/> to a waiting receiver or queues it; with the queue
    /// full, fails at once (<paramref name="timeoutMs"/> 0), waits for room (-1) or waits
    /// that long. A moved handle goes back to the sender when the send fails.
    /// </summary>
    public SyscallError Send(IpcWaiter self, Port port, PendingMessage message, long timeoutMs)
    {
        SyscallError error = SyscallError.None;
        long deadline = timeoutMs > 0 ? Seam.Deadline(timeoutMs) : 0;
        while (true)
        {
            if (port.IsClosed)
            {
                error = SyscallError.PeerClosed;
                break;
            }
            IpcWaiter receiver = port.TakeReceiver();
            if (receiver != null)
            {
                Deliver(receiver, message);
                Seam.Wake(receiver);
                break;
            }
            if (!port.IsFull)
            {
                port.Enqueue(message);
                break;
            }
            if (timeoutMs == 0 || (timeoutMs > 0 && Seam.IsPast(deadline)))
            {
                error = SyscallError.QueueFull;
                break;
            }
            port.AddBlockedSender(self);
            self.WaitPort = port;
            self.Sending = message; // if we are killed while waiting, its handle must not be lost
            Wait(self, timeoutMs, deadline);
            self.Sending = null;
            port.Forget(self);
            self.WaitPort = null;
        }
        if (error != SyscallError.None)
            ReturnTransferredHandle(self.Handles, message);
        return error;
    }

    /// <summary>
    /// Takes the next notification or message into the <see cref="IpcMessage"/> at
    /// <paramref name="messageAddress"/> in the receiver's memory, waiting as
    /// <paramref name="timeoutMs"/> says (-1 for ever, 0 not at all).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the system call
    public SyscallError Receive(IpcWaiter self, Port port, ulong messageAddress, long timeoutMs)
    {
        PendingMessage message = TakeNext(port);
        if (message != null)
        {
            self.MessageAddress = messageAddress;
            Deliver(self, message);
            return self.Status;
        }
        if (port.IsClosed)
            return SyscallError.PeerClosed;
        if (timeoutMs == 0)
            return SyscallError.TimedOut;
        return WaitForMessage(self, port, messageAddress, timeoutMs, handOffTo: null);
    }

    public SyscallError Notify(Port port, ulong bits)
    {
        if (port.IsClosed)
            return SyscallError.PeerClosed;
        PostNotification(port, bits);
        return SyscallError.None;
    }

    /// <summary>Sets notification bits and hands them to a waiting receiver (also used for interrupts).</summary>
    public void PostNotification(Port port, ulong bits)
    {
        if (bits == 0)
            return; // nothing to deliver: waking a receiver would hand it no message
        port.PendingNotifications |= bits;
        IpcWaiter receiver = port.TakeReceiver();
        if (receiver != null)
        {
            Deliver(receiver, TakeNext(port));
            Seam.Wake(receiver);
        }
    }
}
