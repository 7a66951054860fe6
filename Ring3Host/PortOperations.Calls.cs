using CosmosHybrid.Abi;
using static CosmosHybrid.Abi.SyscallResult;

namespace CosmosHybrid.Ring3Host;

/// <summary>Calls and replies: Call, CallEx, ReplyWait, ReplyEx and the waits behind them.</summary>
internal sealed unsafe partial class PortOperations
{
    /// <summary>Call: the message and, on return, the reply are in <paramref name="frame"/>.</summary>
    public long Call(HostThread self, long handle, ShortMessage* frame)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            SyscallError error = self.Process.Handles.Lookup(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);

            PendingMessage message = PendingMessage.Short(frame->Tag, frame->Word0, frame->Word1, frame->Word2, frame->Word3);
            message.Caller = self;
            self.IpcFrame = frame;
            self.IpcReplyMessage = null;
            return Error(CallAndWaitForReply(self, port, message));
        }
    }

    /// <summary>CallEx: request and reply are messages in memory; the request may carry a buffer, a grant or a handle.</summary>
    public long CallEx(HostThread self, long handle, IpcMessage* request, IpcMessage* reply)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            HostProcess process = self.Process;
            SyscallError error = process.Handles.Lookup(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            error = ReadMessage(process, request, allowGrant: true, out PendingMessage message);
            if (error != SyscallError.None)
                return Error(error);

            message.Caller = self;
            self.IpcFrame = null;
            self.IpcReplyMessage = reply;
            error = CallAndWaitForReply(self, port, message);
            if (error == SyscallError.PeerClosed)
                ReturnTransferredHandle(process, message);
            return Error(error);
        }
    }

    private SyscallError CallAndWaitForReply(HostThread self, Port port, PendingMessage message)
    {
        while (true)
        {
            if (port.IsClosed)
                return SyscallError.PeerClosed;
            self.IpcCalling = message;
            self.IpcDelivered = false;
            self.IpcStatus = SyscallError.None;

            HostThread server = port.TakeReceiver();
            if (server != null)
            {
                // The kernel's fast path switches straight to the server; here it is woken.
                Deliver(server, message);
                server.Wake();
                self.Block(HostThread.Forever);
                break;
            }
            if (!port.IsFull)
            {
                port.Enqueue(message);
                self.Block(HostThread.Forever);
                break;
            }
            // Queue full: wait for room, then try again.
            self.IpcCalling = null;
            port.AddBlockedSender(self);
            self.IpcWaitPort = port;
            self.Block(HostThread.Forever);
            port.Forget(self);
            self.IpcWaitPort = null;
        }
        self.IpcCalling = null;
        return self.IpcDelivered ? self.IpcStatus : SyscallError.PeerClosed;
    }

    /// <summary>
    /// ReplyWait: <paramref name="frame"/> holds the reply (ignored when this thread serves
    /// no call); on return it holds the next message.
    /// </summary>
    public long ReplyWait(HostThread self, long handle, ShortMessage* frame)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            SyscallError error = self.Process.Handles.Lookup(handle, HandleRights.Receive, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);

            HostThread caller = ReplyToCurrentCaller(self, frame->Tag, frame->Word0, frame->Word1, frame->Word2, frame->Word3, null);
            PendingMessage next = TakeNext(port);
            if (next != null)
            {
                self.IpcFrame = frame;
                Deliver(self, next);
                caller?.Wake();
                error = SyscallError.None;
            }
            else if (port.IsClosed)
            {
                caller?.Wake();
                error = SyscallError.PeerClosed;
            }
            else
            {
                error = WaitForMessage(self, port, frame, null, HostThread.Forever, caller);
            }
            return Error(error);
        }
    }

    /// <summary>ReplyEx: replies with the message at <paramref name="userReply"/> (short part and buffer).</summary>
    public long ReplyEx(HostThread self, IpcMessage* userReply)
    {
        lock (_sync)
        {
            self.ThrowIfTerminated();
            IpcMessage reply = *userReply;
            byte[] bytes = null;
            if (reply.BufferLength > 0)
            {
                if (reply.BufferLength > IpcMessage.MaxCopyBytes)
                    return Error(SyscallError.InvalidArgument);
                if (!TryCopyIn(reply.BufferAddress, reply.BufferLength, out bytes))
                    return Error(SyscallError.BadAddress);
            }
            if (self.IpcServing == null)
                return Error(SyscallError.InvalidArgument);
            HostThread caller = ReplyToCurrentCaller(self, reply.Tag, reply.Word0, reply.Word1, reply.Word2, reply.Word3, bytes);
            caller?.Wake();
            return 0;
        }
    }

    // Answers the call `self` is serving, if any; returns the caller to wake (null if none or gone).
    private HostThread ReplyToCurrentCaller(HostThread self, ulong tag, ulong word0, ulong word1, ulong word2, ulong word3, byte[] bytes)
    {
        PendingMessage served = self.IpcServing;
        if (served == null)
            return null;
        self.IpcServing = null;
        RevokeGrant(served);
        HostThread caller = served.Caller;
        if (caller == null || !caller.IsAlive || caller.IpcCalling != served)
            return null; // the caller died or gave up: the reply has nobody to go to

        if (caller.IpcReplyMessage != null)
        {
            IpcMessage reply = default;
            reply.Tag = tag;
            reply.Word0 = word0;
            reply.Word1 = word1;
            reply.Word2 = word2;
            reply.Word3 = word3;
            caller.IpcStatus = WriteToUser(caller.IpcReplyMessage, &reply, bytes);
        }
        else
        {
            *caller.IpcFrame = new ShortMessage(tag, word0, word1, word2, word3);
            caller.IpcStatus = SyscallError.None;
        }
        caller.IpcDelivered = true;
        return caller;
    }

    /// <summary>Waits on <paramref name="port"/> for a message, first waking <paramref name="handOffTo"/> (the caller just answered).</summary>
    private SyscallError WaitForMessage(HostThread self, Port port, ShortMessage* frame, IpcMessage* userMessage, long deadline, HostThread handOffTo)
    {
        self.IpcFrame = frame;
        self.IpcUserMessage = userMessage;
        self.IpcDelivered = false;
        self.IpcStatus = SyscallError.None;
        self.IpcWaitPort = port;
        port.AddReceiver(self);

        handOffTo?.Wake();
        self.Block(deadline);

        if (!self.IpcDelivered)
        {
            port.Forget(self);
            self.IpcWaitPort = null;
            return port.IsClosed ? SyscallError.PeerClosed : SyscallError.TimedOut;
        }
        return self.IpcStatus;
    }
}
