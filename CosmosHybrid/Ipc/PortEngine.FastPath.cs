using System.Runtime.CompilerServices;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>
/// Calls and replies, and the fast path: when a call finds a server already waiting on
/// the port, the message goes straight into the server's message registers and the seam
/// switches to it at once (<see cref="IIpcSeam.HandOff"/>), donating the caller's time
/// slice; the reply travels back the same way. Nothing is queued and nothing is allocated.
/// Otherwise the call waits in the port's queue.
/// </summary>
internal sealed partial class PortEngine<TSeam>
{
    /// <summary>PortCall: sends the short message and waits; the reply lands in <see cref="IpcWaiter.Registers"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the system call: one call level less on the fast path
    public SyscallError Call(IpcWaiter self, Port port, in ShortMessage request)
    {
        // A thread makes one call at a time, so its message object is reused: no allocation per
        // call. Only its short part changes: it never carries bytes, a grant or a handle.
        PendingMessage message = self.CallMessage ?? CreateCallMessage(self);
        message.ShortPart = request;
        self.MessageAddress = 0;
        return CallAndWaitForReply(self, port, message);
    }

    private static PendingMessage CreateCallMessage(IpcWaiter self) => self.CallMessage = new PendingMessage { Caller = self };

    /// <summary>PortCallEx: the request may carry a buffer, a grant or a handle; the reply goes to the IpcMessage at <paramref name="replyAddress"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the system call
    public SyscallError CallEx(IpcWaiter self, Port port, PendingMessage message, ulong replyAddress)
    {
        message.Caller = self;
        self.MessageAddress = replyAddress;
        SyscallError error = CallAndWaitForReply(self, port, message);
        if (error == SyscallError.PeerClosed)
            ReturnTransferredHandle(self.Handles, message);
        return error;
    }

    private SyscallError CallAndWaitForReply(IpcWaiter self, Port port, PendingMessage message)
    {
        while (true)
        {
            if (port.IsClosed)
                return SyscallError.PeerClosed;
            self.Calling = message;
            self.Delivered = false;
            self.Status = SyscallError.None;

            IpcWaiter server = port.TakeReceiver();
            if (server != null)
            {
                Deliver(server, message);
                Seam.HandOff(self, server);
                break;
            }
            if (!port.IsFull)
            {
                port.Enqueue(message);
                Seam.Block(self);
                break;
            }
            // Queue full: wait for room, then try again.
            self.Calling = null;
            port.AddBlockedSender(self);
            self.WaitPort = port;
            self.Sending = message;
            Seam.Block(self);
            self.Sending = null;
            port.Forget(self);
            self.WaitPort = null;
        }
        self.Calling = null;
        return self.Delivered ? self.Status : SyscallError.PeerClosed;
    }

    /// <summary>
    /// PortReplyWait: answers the call this thread serves with <paramref name="reply"/>
    /// (ignored when it serves none) and waits for the next message, which lands in
    /// <see cref="IpcWaiter.Registers"/>, switching straight back to the caller just answered.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the system call: one call level less on the fast path
    public SyscallError ReplyWait(IpcWaiter self, Port port, in ShortMessage reply)
    {
        IpcWaiter caller = ReplyToCurrentCaller(self, reply);
        PendingMessage next = TakeNext(port);
        if (next != null)
        {
            self.MessageAddress = 0;
            Deliver(self, next);
            if (caller != null)
                Seam.Wake(caller);
            return SyscallError.None;
        }
        if (port.IsClosed)
        {
            if (caller != null)
                Seam.Wake(caller);
            return SyscallError.PeerClosed;
        }
        return WaitForMessage(self, port, 0, -1, caller);
    }

    /// <summary>PortReplyEx: answers the call this thread serves with a short part and bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the system call
    public SyscallError ReplyEx(IpcWaiter self, in ShortMessage reply, in Payload bytes)
    {
        if (self.Serving == null)
            return SyscallError.InvalidArgument;
        IpcWaiter caller = ReplyToCurrentCaller(self, reply, bytes);
        if (caller != null)
            Seam.Wake(caller);
        return SyscallError.None;
    }

    // Answers the call `self` is serving with a short reply (no bytes), if any; returns the caller to
    // wake (null if none or gone). No Payload here: a local one holds references, which the
    // system call's frame would clear at every entry.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into ReplyWait, on the fast path
    private IpcWaiter ReplyToCurrentCaller(IpcWaiter self, in ShortMessage reply)
    {
        IpcWaiter caller = TakeCallerToAnswer(self);
        if (caller == null)
            return null;
        if (caller.MessageAddress != 0)
        {
            caller.Status = ReplyToMemory(caller, reply);
        }
        else
        {
            caller.Registers = reply;
            caller.Status = SyscallError.None;
        }
        caller.Delivered = true;
        return caller;
    }

    // The same with bytes (PortReplyEx).
    private IpcWaiter ReplyToCurrentCaller(IpcWaiter self, in ShortMessage reply, in Payload bytes)
    {
        IpcWaiter caller = TakeCallerToAnswer(self);
        if (caller == null)
            return null;
        if (caller.MessageAddress != 0)
        {
            caller.Status = ReplyToMemory(caller, reply, bytes);
        }
        else
        {
            caller.Registers = reply;
            caller.Status = SyscallError.None;
        }
        caller.Delivered = true;
        return caller;
    }

    // Ends the call `self` serves (its grant too); returns its caller if it still waits for the reply.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private IpcWaiter TakeCallerToAnswer(IpcWaiter self)
    {
        PendingMessage served = self.Serving;
        if (served == null)
            return null;
        self.Serving = null;
        if (served.GrantPages != 0)
            RevokeGrant(served);
        IpcWaiter caller = served.Caller;
        if (caller == null || Seam.HasExited(caller) || caller.Calling != served)
            return null; // the caller died or gave up: the reply has nobody to go to
        return caller;
    }

    // Kept out of ReplyToCurrentCaller, so the fast path does not set up (and clear) a whole IpcMessage.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private SyscallError ReplyToMemory(IpcWaiter caller, in ShortMessage reply) => ReplyToMemory(caller, reply, default);

    private SyscallError ReplyToMemory(IpcWaiter caller, in ShortMessage reply, in Payload bytes)
    {
        IpcMessage message = MessageShape.WithShortPart(reply);
        return WriteToMemory(caller, caller.MessageAddress, ref message, bytes);
    }
}
