using System;
using CosmosHybrid.Abi;

namespace CosmosHybrid.Ring3Host;

/// <summary>Building messages from the sender's memory and handing them to receivers.</summary>
internal sealed unsafe partial class PortOperations
{
    private const ulong PageSize = 4096;

    /// <summary>The largest grant of one call (16 MiB), as in the kernel.</summary>
    private const ulong MaxGrantPages = 4096;

    /// <summary>Gives a message to a receiver that asked for it (into its short message or its IpcMessage).</summary>
    private void Deliver(HostThread receiver, PendingMessage message)
    {
        receiver.IpcWaitPort = null;
        receiver.IpcDelivered = true;
        receiver.IpcStatus = SyscallError.None;
        if (message.Caller != null)
            receiver.IpcServing = message;

        if (receiver.IpcFrame != null)
        {
            // Register-mode receivers get the short part; a handle moved with the message is closed.
            *receiver.IpcFrame = new ShortMessage(message.Tag, message.Word0, message.Word1, message.Word2, message.Word3);
            DropTransferredHandle(message);
            return;
        }

        IpcMessage received = default;
        received.Tag = message.Tag;
        received.Word0 = message.Word0;
        received.Word1 = message.Word1;
        received.Word2 = message.Word2;
        received.Word3 = message.Word3;
        if (message.TransferredPort != null)
        {
            received.Handle = receiver.Process.Handles.Add(message.TransferredPort, message.TransferredRights);
            if (received.Handle == 0)
                DropTransferredHandle(message);
            message.TransferredPort = null;
        }
        if (message.GrantPages != 0)
            received.GrantedAddress = MapGrant(message);
        receiver.IpcStatus = WriteToUser(receiver.IpcUserMessage, &received, message.Bytes);
    }

    // Writes a received message over the receiver's own; bytes go into the buffer it named there.
    private static SyscallError WriteToUser(IpcMessage* userMessage, IpcMessage* message, byte[] bytes)
    {
        IpcMessage mine = *userMessage;
        ulong copied = 0;
        if (bytes != null && bytes.Length > 0)
        {
            copied = (ulong)bytes.Length < mine.BufferLength ? (ulong)bytes.Length : mine.BufferLength;
            if (copied > 0)
            {
                if (mine.BufferAddress == 0)
                    return SyscallError.BadAddress;
                bytes.AsSpan(0, (int)copied).CopyTo(new Span<byte>((void*)mine.BufferAddress, (int)copied));
            }
        }
        message->BufferAddress = mine.BufferAddress;
        message->BufferLength = copied;
        *userMessage = *message;
        return SyscallError.None;
    }

    /// <summary>The next thing to receive: pending notifications first, then the oldest queued message.</summary>
    private PendingMessage TakeNext(Port port)
    {
        if (port.PendingNotifications != 0)
        {
            PendingMessage notification = PendingMessage.Short(IpcMessage.NotificationTag, port.PendingNotifications, 0, 0, 0);
            port.PendingNotifications = 0;
            return notification;
        }
        PendingMessage message = port.Dequeue();
        if (message != null)
        {
            // Room in the queue now: let one blocked sender try again.
            port.TakeBlockedSender()?.Wake();
        }
        return message;
    }

    // ---- building messages from the sender's memory ----

    private SyscallError ReadMessage(HostProcess process, IpcMessage* userMessage, bool allowGrant, out PendingMessage message)
    {
        message = null;
        IpcMessage copy = *userMessage;
        var built = PendingMessage.Short(copy.Tag, copy.Word0, copy.Word1, copy.Word2, copy.Word3);

        if (copy.BufferLength > 0)
        {
            if (copy.BufferLength > IpcMessage.MaxCopyBytes)
                return SyscallError.InvalidArgument;
            if (!TryCopyIn(copy.BufferAddress, copy.BufferLength, out built.Bytes))
                return SyscallError.BadAddress;
        }

        if (copy.GrantLength > 0)
        {
            if (!allowGrant || (copy.GrantAddress & (PageSize - 1)) != 0
                || (copy.GrantLength & (PageSize - 1)) != 0 || copy.GrantLength / PageSize > MaxGrantPages)
                return SyscallError.InvalidArgument;
            // The kernel checks that every page is mapped; the host can only refuse address 0.
            if (copy.GrantAddress == 0)
                return SyscallError.BadAddress;
            built.GrantAddress = copy.GrantAddress;
            built.GrantPages = copy.GrantLength / PageSize;
            built.GrantWritable = (copy.Flags & IpcFlags.GrantWritable) != 0;
        }

        if (copy.Handle != 0)
        {
            SyscallError error = process.Handles.Lookup(copy.Handle, HandleRights.Transfer, out _, out _);
            if (error != SyscallError.None)
                return error;
            process.Handles.Detach(copy.Handle, out built.TransferredPort, out built.TransferredRights);
        }
        message = built;
        return SyscallError.None;
    }

    /// <summary>Copies <paramref name="length"/> bytes at <paramref name="address"/>; false for address 0 (the only bad address the host can tell).</summary>
    private static bool TryCopyIn(ulong address, ulong length, out byte[] bytes)
    {
        bytes = null;
        if (address == 0)
            return false;
        bytes = new ReadOnlySpan<byte>((void*)address, (int)length).ToArray();
        return true;
    }

    // ---- grants ----

    /// <summary>
    /// Lends the granted pages to the receiver. All simulated processes share one address
    /// space, so the receiver sees them at the sender's address, and read-only grants
    /// cannot be enforced.
    /// </summary>
    private static ulong MapGrant(PendingMessage message)
    {
        message.GrantMapped = true;
        return message.GrantAddress;
    }

    /// <summary>Ends a call's grant (at the reply, or when either side dies). Nothing is unmapped on the host.</summary>
    private static void RevokeGrant(PendingMessage message)
    {
        if (!message.GrantMapped)
            return;
        message.GrantMapped = false;
        message.GrantPages = 0;
    }

    // ---- handles moved in messages ----

    private void ReturnTransferredHandle(HostProcess sender, PendingMessage message)
    {
        if (message.TransferredPort == null)
            return;
        if (sender.Handles.Add(message.TransferredPort, message.TransferredRights) == 0)
            AfterHandleRemoved(message.TransferredPort, message.TransferredRights);
        message.TransferredPort = null;
    }

    private void DropTransferredHandle(PendingMessage message)
    {
        if (message.TransferredPort == null)
            return;
        AfterHandleRemoved(message.TransferredPort, message.TransferredRights);
        message.TransferredPort = null;
    }
}
