using CosmosHybrid.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using static CosmosHybrid.Abi.SyscallResult;

namespace CosmosHybrid.Ipc;

/// <summary>
/// Message-port operations. Sends, receives, calls and replies run with interrupts
/// off (the single CPU's lock) while they touch port and thread state.
/// <para>
/// The fast path: when a call finds a server already waiting on the port, the kernel
/// writes the five message registers straight into the server's saved system-call
/// registers and switches to it at once (<see cref="Scheduler.HandOff"/>), donating
/// the caller's time slice; the reply travels back the same way. Nothing is queued and
/// nothing is allocated. Otherwise messages wait in the port's bounded queue.
/// </para>
/// </summary>
internal static unsafe class IpcOperations
{
    public const ulong MaxGrantPages = 4096; // 16 MiB per call

    public static long CreatePort(Process process)
    {
        long handle = process.Handles.Add(new Port(), HandleRights.All);
        return handle == 0 ? Error(SyscallError.TooManyHandles) : handle;
    }

    public static long Duplicate(Process process, long handle, HandleRights rights)
    {
        SyscallError error = process.Handles.Lookup(handle, HandleRights.None, out Port port, out HandleRights held);
        if (error != SyscallError.None)
            return Error(error);
        long duplicate = process.Handles.Add(port, held & rights);
        return duplicate == 0 ? Error(SyscallError.TooManyHandles) : duplicate;
    }

    public static long Close(Process process, long handle)
    {
        ulong state = Cpu.DisableInterruptsSaving();
        bool closed = process.Handles.Detach(handle, out Port port, out HandleRights rights);
        if (closed)
            AfterHandleRemoved(port, rights);
        Cpu.RestoreInterrupts(state);
        return closed ? 0 : Error(SyscallError.BadHandle);
    }

    // ---- asynchronous send and receive (messages in memory) ----

    public static long Send(Process process, long handle, ulong userMessage, long timeoutMs)
    {
        SyscallError error = process.Handles.Lookup(handle, HandleRights.Send, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        error = ReadMessage(process, userMessage, isCall: false, out PendingMessage message);
        if (error != SyscallError.None)
            return Error(error);

        ulong state = Cpu.DisableInterruptsSaving();
        ulong deadline = Deadline(timeoutMs);
        Thread self = Scheduler.Current;
        while (true)
        {
            if (port.IsClosed)
            {
                error = SyscallError.PeerClosed;
                break;
            }
            Thread receiver = port.TakeReceiver();
            if (receiver != null)
            {
                Deliver(receiver, message);
                Scheduler.Wake(receiver);
                break;
            }
            if (!port.IsFull)
            {
                port.Enqueue(message);
                break;
            }
            if (timeoutMs == 0 || (timeoutMs > 0 && SystemClock.Ticks >= deadline))
            {
                error = SyscallError.QueueFull;
                break;
            }
            port.AddBlockedSender(self);
            self.IpcWaitPort = port;
            self.IpcSending = message; // if we are killed while waiting, its handle must not be lost
            Wait(timeoutMs, deadline);
            self.IpcSending = null;
            port.Forget(self);
            self.IpcWaitPort = null;
        }
        if (error != SyscallError.None)
            ReturnTransferredHandle(process, message);
        Cpu.RestoreInterrupts(state);
        return Error(error);
    }

    public static long Receive(Process process, long handle, ulong userMessage, long timeoutMs)
    {
        SyscallError error = process.Handles.Lookup(handle, HandleRights.Receive, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        IpcMessage probe;
        if (!process.AddressSpace.CopyFromUser(&probe, userMessage, (ulong)sizeof(IpcMessage)))
            return Error(SyscallError.BadAddress);

        ulong state = Cpu.DisableInterruptsSaving();
        Thread self = Scheduler.Current;
        PendingMessage message = TakeNext(port);
        if (message != null)
        {
            self.IpcUserMessage = userMessage;
            self.IpcFrame = null;
            Deliver(self, message);
            error = self.IpcStatus;
        }
        else if (port.IsClosed)
        {
            error = SyscallError.PeerClosed;
        }
        else if (timeoutMs == 0)
        {
            error = SyscallError.TimedOut;
        }
        else
        {
            error = WaitForMessage(self, port, null, userMessage, timeoutMs, handOffTo: null);
        }
        Cpu.RestoreInterrupts(state);
        return Error(error);
    }

    public static long Notify(Process process, long handle, ulong bits)
    {
        SyscallError error = process.Handles.Lookup(handle, HandleRights.Send, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        ulong state = Cpu.DisableInterruptsSaving();
        error = port.IsClosed ? SyscallError.PeerClosed : SyscallError.None;
        if (error == SyscallError.None)
            PostNotification(port, bits);
        Cpu.RestoreInterrupts(state);
        return Error(error);
    }

    /// <summary>Sets notification bits and hands them to a waiting receiver (also used for interrupts).</summary>
    public static void PostNotification(Port port, ulong bits)
    {
        if (bits == 0)
            return; // nothing to deliver: waking a receiver would hand it no message
        port.PendingNotifications |= bits;
        Thread receiver = port.TakeReceiver();
        if (receiver != null)
        {
            Deliver(receiver, TakeNext(port));
            Scheduler.Wake(receiver);
        }
    }

    // ---- calls ----

    /// <summary>PortCall: the message and, on return, the reply are in the frame's argument registers.</summary>
    public static long Call(Process process, long handle, SyscallFrame* frame)
    {
        SyscallError error = process.Handles.Lookup(handle, HandleRights.Send, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);

        Thread self = Scheduler.Current;
        // A thread makes one call at a time, so its message object is reused: no allocation per call.
        PendingMessage message = self.IpcCallMessage ??= new PendingMessage();
        message.Tag = frame->Arg1;
        message.Word0 = frame->Arg2;
        message.Word1 = frame->Arg3;
        message.Word2 = frame->Arg4;
        message.Word3 = frame->Arg5;
        message.Bytes = default;
        message.GrantPages = 0;
        message.TransferredPort = null;
        message.Caller = self;

        ulong state = Cpu.DisableInterruptsSaving();
        self.IpcFrame = frame;
        self.IpcReplyMessage = 0;
        error = CallAndWaitForReply(port, message);
        Cpu.RestoreInterrupts(state);
        return Error(error);
    }

    /// <summary>PortCallEx: request and reply are IpcMessages in memory and may carry a buffer, a grant or a handle.</summary>
    public static long CallEx(Process process, long handle, ulong request, ulong reply)
    {
        SyscallError error = process.Handles.Lookup(handle, HandleRights.Send, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        IpcMessage replyProbe;
        if (!process.AddressSpace.CopyFromUser(&replyProbe, reply, (ulong)sizeof(IpcMessage)))
            return Error(SyscallError.BadAddress);
        error = ReadMessage(process, request, isCall: true, out PendingMessage message);
        if (error != SyscallError.None)
            return Error(error);

        Thread self = Scheduler.Current;
        message.Caller = self;
        ulong state = Cpu.DisableInterruptsSaving();
        self.IpcFrame = null;
        self.IpcReplyMessage = reply;
        error = CallAndWaitForReply(port, message);
        if (error == SyscallError.PeerClosed)
            ReturnTransferredHandle(process, message);
        Cpu.RestoreInterrupts(state);
        return Error(error);
    }

    private static SyscallError CallAndWaitForReply(Port port, PendingMessage message)
    {
        Thread self = Scheduler.Current;
        while (true)
        {
            if (port.IsClosed)
                return SyscallError.PeerClosed;
            self.IpcCalling = message;
            self.IpcDelivered = false;
            self.IpcStatus = SyscallError.None;

            Thread server = port.TakeReceiver();
            if (server != null)
            {
                Deliver(server, message);
                Scheduler.HandOff(server, blockCurrent: true);
                break;
            }
            if (!port.IsFull)
            {
                port.Enqueue(message);
                Scheduler.Block();
                break;
            }
            // Queue full: wait for room, then try again.
            self.IpcCalling = null;
            port.AddBlockedSender(self);
            self.IpcWaitPort = port;
            self.IpcSending = message;
            Scheduler.Block();
            self.IpcSending = null;
            port.Forget(self);
            self.IpcWaitPort = null;
        }
        self.IpcCalling = null;
        return self.IpcDelivered ? self.IpcStatus : SyscallError.PeerClosed;
    }

    /// <summary>
    /// PortReplyWait: the frame's argument registers hold the reply (ignored when this
    /// thread serves no call); on return they hold the next message.
    /// </summary>
    public static long ReplyWait(Process process, long handle, SyscallFrame* frame)
    {
        SyscallError error = process.Handles.Lookup(handle, HandleRights.Receive, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);

        ulong state = Cpu.DisableInterruptsSaving();
        Thread self = Scheduler.Current;
        Thread caller = ReplyToCurrentCaller(self, frame->Arg1, frame->Arg2, frame->Arg3, frame->Arg4, frame->Arg5, default);

        PendingMessage next = TakeNext(port);
        if (next != null)
        {
            self.IpcFrame = frame;
            Deliver(self, next);
            if (caller != null)
                Scheduler.Wake(caller);
            error = SyscallError.None;
        }
        else if (port.IsClosed)
        {
            if (caller != null)
                Scheduler.Wake(caller);
            error = SyscallError.PeerClosed;
        }
        else
        {
            // Wait, switching straight back to the caller we just answered.
            error = WaitForMessage(self, port, frame, 0, -1, caller);
        }
        Cpu.RestoreInterrupts(state);
        return Error(error);
    }

    /// <summary>PortReplyEx: replies with the IpcMessage at <paramref name="userReply"/> (short part and buffer).</summary>
    public static long ReplyEx(Process process, ulong userReply)
    {
        IpcMessage reply;
        if (!process.AddressSpace.CopyFromUser(&reply, userReply, (ulong)sizeof(IpcMessage)))
            return Error(SyscallError.BadAddress);
        if (reply.BufferLength > IpcMessage.MaxCopyBytes)
            return Error(SyscallError.InvalidArgument);
        if (!process.AddressSpace.IsReadable(reply.BufferAddress, reply.BufferLength))
            return Error(SyscallError.BadAddress);
        // Copied once, straight into the caller, while we hold the CPU.
        Payload bytes = Payload.InUserMemory(process.AddressSpace, reply.BufferAddress, reply.BufferLength);

        ulong state = Cpu.DisableInterruptsSaving();
        Thread self = Scheduler.Current;
        SyscallError error = SyscallError.None;
        if (self.IpcServing == null)
            error = SyscallError.InvalidArgument;
        else
        {
            Thread caller = ReplyToCurrentCaller(self, reply.Tag, reply.Word0, reply.Word1, reply.Word2, reply.Word3, bytes);
            if (caller != null)
                Scheduler.Wake(caller);
        }
        Cpu.RestoreInterrupts(state);
        return Error(error);
    }

    // Answers the call `self` is serving, if any; returns the caller to wake (null if none or gone).
    private static Thread ReplyToCurrentCaller(Thread self, ulong tag, ulong word0, ulong word1, ulong word2, ulong word3, Payload bytes)
    {
        PendingMessage served = self.IpcServing;
        if (served == null)
            return null;
        self.IpcServing = null;
        RevokeGrant(served);
        Thread caller = served.Caller;
        if (caller == null || caller.HasExited || caller.IpcCalling != served)
            return null; // the caller died or gave up: the reply has nobody to go to

        if (caller.IpcReplyMessage != 0)
        {
            IpcMessage reply = default;
            reply.Tag = tag;
            reply.Word0 = word0;
            reply.Word1 = word1;
            reply.Word2 = word2;
            reply.Word3 = word3;
            caller.IpcStatus = WriteToUser(caller, caller.IpcReplyMessage, &reply, bytes);
        }
        else
        {
            SyscallFrame* frame = caller.IpcFrame;
            frame->Arg1 = tag;
            frame->Arg2 = word0;
            frame->Arg3 = word1;
            frame->Arg4 = word2;
            frame->Arg5 = word3;
            caller.IpcStatus = SyscallError.None;
        }
        caller.IpcDelivered = true;
        return caller;
    }

    // ---- waiting and delivery ----

    private static SyscallError WaitForMessage(Thread self, Port port, SyscallFrame* frame, ulong userMessage, long timeoutMs, Thread handOffTo)
    {
        self.IpcFrame = frame;
        self.IpcUserMessage = userMessage;
        self.IpcDelivered = false;
        self.IpcStatus = SyscallError.None;
        self.IpcWaitPort = port;
        port.AddReceiver(self);

        if (handOffTo != null)
            Scheduler.HandOff(handOffTo, blockCurrent: true);
        else
            Wait(timeoutMs, Deadline(timeoutMs));

        if (!self.IpcDelivered)
        {
            port.Forget(self);
            self.IpcWaitPort = null;
            return port.IsClosed ? SyscallError.PeerClosed : SyscallError.TimedOut;
        }
        return self.IpcStatus;
    }

    /// <summary>Gives a message to a receiver that asked for it (into its registers or its memory).</summary>
    private static void Deliver(Thread receiver, PendingMessage message)
    {
        receiver.IpcWaitPort = null;
        receiver.IpcDelivered = true;
        receiver.IpcStatus = SyscallError.None;
        if (message.Caller != null)
            receiver.IpcServing = message;

        if (receiver.IpcFrame != null)
        {
            // Register receivers get the short part; a handle moved with the message is closed.
            SyscallFrame* frame = receiver.IpcFrame;
            frame->Arg1 = message.Tag;
            frame->Arg2 = message.Word0;
            frame->Arg3 = message.Word1;
            frame->Arg4 = message.Word2;
            frame->Arg5 = message.Word3;
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
            received.GrantedAddress = MapGrant(receiver.Process.AddressSpace, message);
        // A caller that died while its message waited in the queue has no memory left to copy from.
        Payload bytes = message.Caller != null && message.Caller.HasExited ? default : message.Bytes;
        receiver.IpcStatus = WriteToUser(receiver, receiver.IpcUserMessage, &received, bytes);
    }

    // Writes a received message into `thread`'s memory; bytes go into the buffer it named in its own message.
    private static SyscallError WriteToUser(Thread thread, ulong userMessage, IpcMessage* message, Payload bytes)
    {
        UserAddressSpace space = thread.Process.AddressSpace;
        IpcMessage mine;
        if (!space.CopyFromUser(&mine, userMessage, (ulong)sizeof(IpcMessage)))
            return SyscallError.BadAddress;
        ulong copied = bytes.Length < mine.BufferLength ? bytes.Length : mine.BufferLength;
        if (!bytes.CopyTo(space, mine.BufferAddress, copied))
            return SyscallError.BadAddress;
        message->BufferAddress = mine.BufferAddress;
        message->BufferLength = copied;
        return space.CopyToUser(userMessage, message, (ulong)sizeof(IpcMessage)) ? SyscallError.None : SyscallError.BadAddress;
    }

    private static PendingMessage TakeNext(Port port)
    {
        if (port.PendingNotifications != 0)
        {
            PendingMessage notification = PendingMessage.Short(IpcMessage.NotificationTag, port.PendingNotifications, 0, 0, 0);
            port.PendingNotifications = 0;
            return notification;
        }
        PendingMessage message = port.Dequeue();
        if (message != null && port.BlockedSenders != null)
        {
            // Room in the queue now: let one blocked sender try again.
            Thread sender = port.BlockedSenders;
            port.BlockedSenders = sender.IpcNext;
            sender.IpcNext = null;
            Scheduler.Wake(sender);
        }
        return message;
    }

    // ---- building messages from user memory ----

    private static SyscallError ReadMessage(Process process, ulong userMessage, bool isCall, out PendingMessage message)
    {
        message = null;
        IpcMessage copy;
        if (!process.AddressSpace.CopyFromUser(&copy, userMessage, (ulong)sizeof(IpcMessage)))
            return SyscallError.BadAddress;
        var built = PendingMessage.Short(copy.Tag, copy.Word0, copy.Word1, copy.Word2, copy.Word3);

        if (copy.BufferLength > IpcMessage.MaxCopyBytes)
            return SyscallError.InvalidArgument;
        if (isCall)
        {
            // A call: the caller waits, so its bytes stay where they are until delivery.
            if (!process.AddressSpace.IsReadable(copy.BufferAddress, copy.BufferLength))
                return SyscallError.BadAddress;
            built.Bytes = Payload.InUserMemory(process.AddressSpace, copy.BufferAddress, copy.BufferLength);
        }
        else if (copy.BufferLength > 0)
        {
            byte[] buffered = new byte[copy.BufferLength];
            fixed (byte* destination = buffered)
            {
                if (!process.AddressSpace.CopyFromUser(destination, copy.BufferAddress, copy.BufferLength))
                    return SyscallError.BadAddress;
            }
            built.Bytes = Payload.InKernel(buffered);
        }

        if (copy.GrantLength > 0)
        {
            if (!isCall || (copy.GrantAddress & (UserAddressSpace.PageSize - 1)) != 0
                || (copy.GrantLength & (UserAddressSpace.PageSize - 1)) != 0 || copy.GrantLength / UserAddressSpace.PageSize > MaxGrantPages)
                return SyscallError.InvalidArgument;
            built.GrantSpace = process.AddressSpace;
            built.GrantAddress = copy.GrantAddress;
            built.GrantPages = copy.GrantLength / UserAddressSpace.PageSize;
            built.GrantWritable = (copy.Flags & IpcFlags.GrantWritable) != 0;
            // Check (and fault in) every page now, so a bad range is the sender's error.
            for (ulong page = 0; page < built.GrantPages; page++)
            {
                if (process.AddressSpace.FrameForLending(copy.GrantAddress + page * UserAddressSpace.PageSize, built.GrantWritable) == 0)
                    return SyscallError.BadAddress;
            }
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

    // ---- grants ----

    private static ulong MapGrant(UserAddressSpace receiver, PendingMessage message)
    {
        ulong start = receiver.ReserveBorrowed(message.GrantPages);
        if (start == 0)
            return 0;
        for (ulong page = 0; page < message.GrantPages; page++)
        {
            ulong frame = message.GrantSpace.FrameForLending(message.GrantAddress + page * UserAddressSpace.PageSize, message.GrantWritable);
            if (frame == 0 || !receiver.MapBorrowed(start + page * UserAddressSpace.PageSize, frame, message.GrantWritable))
            {
                receiver.UnmapBorrowed(start, page);
                return 0;
            }
        }
        message.GrantSpace = receiver; // from now on: where the pages are borrowed, to revoke them
        message.GrantAddress = start;
        message.GrantWritable = false;
        message.GrantMapped = true;
        return start;
    }

    /// <summary>Unmaps a call's granted pages from the server (at the reply, or when either side dies).</summary>
    private static void RevokeGrant(PendingMessage message)
    {
        if (!message.GrantMapped)
            return;
        message.GrantSpace.UnmapBorrowed(message.GrantAddress, message.GrantPages);
        message.GrantMapped = false;
        message.GrantPages = 0;
    }

    // ---- handles moved in messages ----

    private static void ReturnTransferredHandle(Process sender, PendingMessage message)
    {
        if (message.TransferredPort == null)
            return;
        if (sender.Handles.Add(message.TransferredPort, message.TransferredRights) == 0)
            AfterHandleRemoved(message.TransferredPort, message.TransferredRights);
        message.TransferredPort = null;
    }

    private static void DropTransferredHandle(PendingMessage message)
    {
        if (message.TransferredPort == null)
            return;
        AfterHandleRemoved(message.TransferredPort, message.TransferredRights);
        message.TransferredPort = null;
    }

    /// <summary>After a handle went away: the last receive handle closes the port.</summary>
    private static void AfterHandleRemoved(Port port, HandleRights rights)
    {
        if ((rights & HandleRights.Receive) != 0 && port.ReceiveHandles == 0)
            ClosePort(port);
    }

    /// <summary>Nobody can receive any more: every waiting sender and queued caller fails with PeerClosed.</summary>
    private static void ClosePort(Port port)
    {
        if (port.IsClosed)
            return;
        port.IsClosed = true;
        port.PendingNotifications = 0;
        PendingMessage queued;
        while ((queued = port.Dequeue()) != null)
        {
            DropTransferredHandle(queued);
            FailCaller(queued);
        }
        while (port.BlockedSenders != null)
        {
            Thread sender = port.BlockedSenders;
            port.BlockedSenders = sender.IpcNext;
            sender.IpcNext = null;
            Scheduler.Wake(sender);
        }
        while (port.Receivers != null)
            Scheduler.Wake(port.TakeReceiver());
        NameRegistry.Forget(port);
    }

    private static void FailCaller(PendingMessage message)
    {
        Thread caller = message.Caller;
        RevokeGrant(message);
        if (caller == null || caller.HasExited || caller.IpcCalling != message)
            return;
        caller.IpcStatus = SyscallError.PeerClosed;
        caller.IpcDelivered = false;
        Scheduler.Wake(caller);
    }

    /// <summary>
    /// A process is ending: calls its threads were serving fail (PeerClosed), grants
    /// its threads lent or borrowed are revoked, waits are cancelled, handles closed.
    /// </summary>
    public static void ReleaseProcess(Process process)
    {
        ulong state = Cpu.DisableInterruptsSaving();
        for (int i = 0; i < process.ThreadCount; i++)
        {
            Thread thread = process.GetThread(i);
            if (thread.IpcServing != null)
            {
                FailCaller(thread.IpcServing);
                thread.IpcServing = null;
            }
            if (thread.IpcCalling != null)
                RevokeGrant(thread.IpcCalling);
            if (thread.IpcWaitPort != null)
            {
                thread.IpcWaitPort.Forget(thread);
                thread.IpcWaitPort = null;
            }
            if (thread.IpcSending != null)
            {
                // Blocked on a full queue with a handle in the message: close it, do not lose it.
                DropTransferredHandle(thread.IpcSending);
                thread.IpcSending = null;
            }
        }
        for (int i = 0; i < HandleTable<Port>.Capacity; i++)
        {
            if (process.Handles.GetPort(i) != null && process.Handles.Detach(i + 1, out Port port, out HandleRights rights))
                AfterHandleRemoved(port, rights);
        }
        IrqBindings.ReleaseProcess(process);
        Cpu.RestoreInterrupts(state);
    }

    // ---- helpers ----

    private static ulong Deadline(long timeoutMs) =>
        timeoutMs > 0 ? SystemClock.Ticks + (ulong)timeoutMs * SystemClock.TicksPerSecond / 1000 + 1 : 0;

    private static void Wait(long timeoutMs, ulong deadline)
    {
        if (timeoutMs < 0)
        {
            Scheduler.Block();
            return;
        }
        ulong now = SystemClock.Ticks;
        if (deadline > now)
            Scheduler.Sleep((deadline - now) * 1000 / SystemClock.TicksPerSecond);
    }

}
