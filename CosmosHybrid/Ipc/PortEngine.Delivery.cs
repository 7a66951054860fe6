using System.Runtime.CompilerServices;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>Waiting for a message, taking the next one, and handing it to a receiver.</summary>
internal sealed partial class PortEngine<TSeam>
{
    private SyscallError WaitForMessage(IpcWaiter self, Port port, ulong messageAddress, long timeoutMs, IpcWaiter handOffTo)
    {
        self.MessageAddress = messageAddress;
        self.Delivered = false;
        self.Status = SyscallError.None;
        self.WaitPort = port;
        port.AddReceiver(self);

        if (handOffTo != null)
            Seam.HandOff(self, handOffTo);
        else
            Wait(self, timeoutMs, timeoutMs > 0 ? Seam.Deadline(timeoutMs) : 0);

        if (!self.Delivered)
        {
            port.Forget(self);
            self.WaitPort = null;
            return port.IsClosed ? SyscallError.PeerClosed : SyscallError.TimedOut;
        }
        return self.Status;
    }

    private void Wait(IpcWaiter self, long timeoutMs, long deadline)
    {
        if (timeoutMs < 0)
            Seam.Block(self);
        else
            Seam.BlockUntil(self, deadline);
    }

    /// <summary>The next thing to receive: pending notifications first, then the oldest queued message.</summary>
    private PendingMessage TakeNext(Port port)
    {
        if (port.PendingNotifications != 0)
        {
            _notification.ShortPart = new ShortMessage(IpcMessage.NotificationTag, port.PendingNotifications);
            port.PendingNotifications = 0;
            return _notification;
        }
        PendingMessage message = port.Dequeue();
        if (message != null)
        {
            // Room in the queue now: let one blocked sender try again.
            IpcWaiter sender = port.TakeBlockedSender();
            if (sender != null)
                Seam.Wake(sender);
        }
        return message;
    }

    /// <summary>Gives a message to a receiver that asked for it (into its message registers or its memory).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the fast path's step: small, and the memory case is a call
    private void Deliver(IpcWaiter receiver, PendingMessage message)
    {
        receiver.WaitPort = null;
        receiver.Delivered = true;
        receiver.Status = SyscallError.None;
        if (message.Caller != null)
        {
            // A server that takes its next call without answering the last one (its reply failed, or it
            // never sent one) can no longer answer it: that caller is told now instead of waiting forever.
            if (receiver.Serving != null && receiver.Serving != message)
                FailCaller(receiver.Serving);
            receiver.Serving = message;
        }

        if (receiver.MessageAddress != 0)
        {
            receiver.Status = DeliverToMemory(receiver, message);
            return;
        }
        // Register receivers get the short part; a handle moved with the message is closed.
        receiver.Registers = message.ShortPart;
        if (message.TransferredObject != null)
            DropTransferredHandle(message);
    }

    // Kept out of Deliver, so the fast path does not set up (and clear) a whole IpcMessage.
    private SyscallError DeliverToMemory(IpcWaiter receiver, PendingMessage message)
    {
        IpcMessage received = MessageShape.WithShortPart(message.ShortPart);
        if (message.TransferredObject != null)
            received.Handle = InstallTransferredHandle(receiver, message);
        if (message.GrantPages != 0)
        {
            received.GrantedAddress = MapGrant(message, receiver);
            // What was mapped, so the borrower can check the lender's claims about it.
            if (received.GrantedAddress != 0)
            {
                received.GrantLength = message.GrantPages * MessageShape.PageSize;
                received.Flags = message.GrantWritable ? IpcFlags.GrantWritable : IpcFlags.None;
            }
        }
        // A caller that died while its message waited in the queue has no memory left to copy from.
        if (message.Caller != null && Seam.HasExited(message.Caller))
            return WriteToMemory(receiver, receiver.MessageAddress, ref received, default);
        return WriteToMemory(receiver, receiver.MessageAddress, ref received, message.Bytes);
    }

    // Writes a received message over `thread`'s own at `address`; bytes go into the buffer it named there, truncated to its capacity.
    private SyscallError WriteToMemory(IpcWaiter thread, ulong address, ref IpcMessage message, in Payload bytes)
    {
        if (!Seam.ReadMessage(thread, address, out IpcMessage mine))
            return SyscallError.BadAddress;
        ulong copied = bytes.Length < mine.BufferLength ? bytes.Length : mine.BufferLength;
        if (!Seam.CopyBytes(bytes, thread, mine.BufferAddress, copied))
            return SyscallError.BadAddress;
        message.BufferAddress = mine.BufferAddress;
        message.BufferLength = copied;
        return Seam.WriteMessage(thread, address, message) ? SyscallError.None : SyscallError.BadAddress;
    }
}
