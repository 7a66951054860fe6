using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Ipc;
using CosmosHybrid.Processes;
using CosmosHybrid.Security;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// The message-port system calls: each decodes its registers, looks its handles up and
/// copies its message out of user memory (checking every address), then calls the engine
/// (<see cref="PortEngine{TSeam}"/>) with interrupts off. Results are 0 or a handle, or a
/// negated <see cref="SyscallError"/>.
/// </summary>
internal static unsafe class IpcSyscalls
{
    private static PortEngine<KernelIpcSeam> Ports => KernelPorts.Engine;

    /// <summary>PortCreate() → a handle with every right.</summary>
    internal static long PortCreate(SyscallFrame* frame, Process process) => Ports.CreatePort(process.Handles);

    /// <summary>HandleClose(handle).</summary>
    internal static long HandleClose(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
            return Error(Ports.Close(process.Handles, (long)frame->Arg0));
    }

    /// <summary>HandleDuplicate(handle, rights) → a second handle with at most those rights.</summary>
    internal static long HandleDuplicate(SyscallFrame* frame, Process process) =>
        Ports.Duplicate(process.Handles, (long)frame->Arg0, (HandleRights)frame->Arg1);

    /// <summary>PortSend(handle, IpcMessage*, timeoutMs).</summary>
    internal static long PortSend(SyscallFrame* frame, Process process)
    {
        SyscallError error = process.Handles.LookupPort((long)frame->Arg0, HandleRights.Send, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        IpcWaiter self = KernelPorts.CurrentWaiter;
        error = ReadMessage(self, process, frame->Arg1, isCall: false, out PendingMessage message);
        if (error != SyscallError.None)
            return Error(error);
        using (InterruptsOff.Enter())
            return Error(Ports.Send(self, port, message, (long)frame->Arg2));
    }

    /// <summary>PortReceive(handle, IpcMessage*, timeoutMs): the message names the buffer (and its capacity) for the bytes.</summary>
    internal static long PortReceive(SyscallFrame* frame, Process process)
    {
        SyscallError error = process.Handles.LookupPort((long)frame->Arg0, HandleRights.Receive, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        ulong userMessage = frame->Arg1;
        IpcMessage probe;
        if (!process.AddressSpace.CopyFromUser(&probe, userMessage, (ulong)sizeof(IpcMessage)))
            return Error(SyscallError.BadAddress);
        IpcWaiter self = KernelPorts.CurrentWaiter;
        using (InterruptsOff.Enter())
            return Error(Ports.Receive(self, port, userMessage, (long)frame->Arg2));
    }

    // ReturnsWithInterruptsOff: the register calls (PortCall, PortReplyWait) turn interrupts off for the
    // engine and leave them off: the dispatcher turns them off after every handler anyway, until SYSRET,
    // so turning them on in between would only cost the instructions (the IPC fast path's).

    /// <summary>PortCall(handle, message registers): the fast path; on success the registers hold the reply.</summary>
    internal static long PortCall(SyscallFrame* frame, Process process)
    {
        SyscallError error = process.Handles.LookupPort((long)frame->Arg0, HandleRights.Send, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        ref ShortMessage registers = ref SyscallFrame.MessageOf(frame);
        if (registers.Tag == IpcMessage.NotificationTag)
            return Error(SyscallError.InvalidArgument);   // see ReadMessage
        IpcWaiter self = KernelPorts.CurrentWaiter;
        Cpu.DisableInterrupts();   // off to SYSRET: see ReturnsWithInterruptsOff
        error = Ports.Call(self, port, registers);
        if (error == SyscallError.None)
            registers = self.Registers;
        return Error(error);
    }

    /// <summary>
    /// PortReplyWait(handle, message registers): replies with the registers to the call
    /// being served (if any); on success they hold the next message.
    /// </summary>
    internal static long PortReplyWait(SyscallFrame* frame, Process process)
    {
        SyscallError error = process.Handles.LookupPort((long)frame->Arg0, HandleRights.Receive, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        ref ShortMessage registers = ref SyscallFrame.MessageOf(frame);
        IpcWaiter self = KernelPorts.CurrentWaiter;
        Cpu.DisableInterrupts();   // off to SYSRET: see ReturnsWithInterruptsOff
        error = Ports.ReplyWait(self, port, registers);
        if (error == SyscallError.None)
            registers = self.Registers;
        return Error(error);
    }

    /// <summary>PortCallEx(handle, IpcMessage* request, IpcMessage* reply): the request may carry a buffer, a grant or a handle.</summary>
    internal static long PortCallEx(SyscallFrame* frame, Process process)
    {
        SyscallError error = process.Handles.LookupPort((long)frame->Arg0, HandleRights.Send, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        ulong reply = frame->Arg2;
        IpcMessage replyProbe;
        if (!process.AddressSpace.CopyFromUser(&replyProbe, reply, (ulong)sizeof(IpcMessage)))
            return Error(SyscallError.BadAddress);
        IpcWaiter self = KernelPorts.CurrentWaiter;
        error = ReadMessage(self, process, frame->Arg1, isCall: true, out PendingMessage message);
        if (error != SyscallError.None)
            return Error(error);
        using (InterruptsOff.Enter())
            return Error(Ports.CallEx(self, port, message, reply));
    }

    /// <summary>PortReplyEx(IpcMessage* reply): answers the call being served with a short part and a buffer.</summary>
    internal static long PortReplyEx(SyscallFrame* frame, Process process)
    {
        IpcMessage reply;
        if (!process.AddressSpace.CopyFromUser(&reply, frame->Arg0, (ulong)sizeof(IpcMessage)))
            return Error(SyscallError.BadAddress);
        if (MessageShape.IsBufferTooLong(reply.BufferLength))
            return Error(SyscallError.InvalidArgument);
        if (!process.AddressSpace.IsReadable(reply.BufferAddress, reply.BufferLength))
            return Error(SyscallError.BadAddress);
        IpcWaiter self = KernelPorts.CurrentWaiter;
        // Copied once, straight into the caller, while we hold the CPU.
        Payload bytes = Payload.InMemoryOf(self, reply.BufferAddress, reply.BufferLength);
        using (InterruptsOff.Enter())
            return Error(Ports.ReplyEx(self, MessageShape.ShortPartOf(reply), bytes));
    }

    /// <summary>PortCallerProcess() → the process id of the caller whose call this thread serves, or NotFound.</summary>
    internal static long PortCallerProcess(SyscallFrame* frame, Process process)
    {
        IpcWaiter self = KernelPorts.CurrentWaiter;
        using (InterruptsOff.Enter())
        {
            Process caller = self.Serving?.Caller?.Thread.Process;
            return caller == null ? Error(SyscallError.NotFound) : caller.Id;
        }
    }

    /// <summary>PortNotify(handle, bits): sets notification bits on the port.</summary>
    internal static long PortNotify(SyscallFrame* frame, Process process)
    {
        SyscallError error = process.Handles.LookupPort((long)frame->Arg0, HandleRights.Send, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        using (InterruptsOff.Enter())
            return Error(Ports.Notify(port, frame->Arg1));
    }

    /// <summary>
    /// NameRegister(name, length, handle, reservation): the handle needs the send right; a
    /// reserved name also needs its reservation's handle (0 = none presented), else Denied.
    /// </summary>
    internal static long NameRegister(SyscallFrame* frame, Process process)
    {
        if (!ReadName(process, frame->Arg0, (long)frame->Arg1, out string name, out SyscallError error))
            return Error(error);
        using (InterruptsOff.Enter())
        {
            error = process.Handles.LookupPort((long)frame->Arg2, HandleRights.Send, out Port port, out _);
            if (error == SyscallError.None)
                error = NameReservations.CheckRegister(process.Handles, name, (long)frame->Arg3);
            if (error == SyscallError.None)
                error = Ports.Register(name, port);
            return Error(error);
        }
    }

    /// <summary>NameLookup(name, length) → a send handle (with the transfer right) to the registered port.</summary>
    internal static long NameLookup(SyscallFrame* frame, Process process)
    {
        if (!ReadName(process, frame->Arg0, (long)frame->Arg1, out string name, out SyscallError error))
            return Error(error);
        return Ports.Lookup(process.Handles, name);
    }

    // ---- decoding user memory ----

    // The notification tag is the kernel's: a receiver takes a message with it for merged notification
    // bits and drops the rest. Sent by a client it would pass as one while carrying words, bytes, a
    // handle the receiver never closes (it thinks there is none) or a call it never answers. So
    // senders may not use it (raising bits is PortNotify's job).
    /// <summary>Builds the message at <paramref name="userMessage"/>: where a message is copied out of user memory.</summary>
    private static SyscallError ReadMessage(IpcWaiter self, Process process, ulong userMessage, bool isCall, out PendingMessage message)
    {
        message = null;
        UserAddressSpace space = process.AddressSpace;
        IpcMessage copy;
        if (!space.CopyFromUser(&copy, userMessage, (ulong)sizeof(IpcMessage)))
            return SyscallError.BadAddress;
        if (copy.Tag == IpcMessage.NotificationTag)
            return SyscallError.InvalidArgument;   // the kernel's tag (see above)
        var built = new PendingMessage { ShortPart = MessageShape.ShortPartOf(copy) };

        if (MessageShape.IsBufferTooLong(copy.BufferLength))
            return SyscallError.InvalidArgument;
        if (isCall)
        {
            // A call: the caller waits, so its bytes stay where they are until delivery.
            if (!space.IsReadable(copy.BufferAddress, copy.BufferLength))
                return SyscallError.BadAddress;
            built.Bytes = Payload.InMemoryOf(self, copy.BufferAddress, copy.BufferLength);
        }
        else if (copy.BufferLength > 0)
        {
            Memory.FrameAllocator frames = Memory.KernelPages.Frames;
            if (!Memory.UserMemoryReserve.MayBuffer(frames.FreeFrames, frames.UsableFrames, copy.BufferLength))
                return SyscallError.OutOfMemory;
            byte[] buffered = new byte[copy.BufferLength];
            fixed (byte* destination = buffered)
            {
                if (!space.CopyFromUser(destination, copy.BufferAddress, copy.BufferLength))
                    return SyscallError.BadAddress;
            }
            built.Bytes = Payload.InKernel(buffered);
        }

        if (copy.GrantLength > 0)
        {
            if (!MessageShape.IsValidGrant(copy, isCall))
                return SyscallError.InvalidArgument;
            built.GrantAddress = copy.GrantAddress;
            built.GrantPages = copy.GrantLength / UserAddressSpace.PageSize;
            built.GrantWritable = (copy.Flags & IpcFlags.GrantWritable) != 0;
            // Check (and fault in) every page now, so a bad range is the sender's error.
            for (ulong page = 0; page < built.GrantPages; page++)
            {
                if (space.FrameForLending(copy.GrantAddress + page * UserAddressSpace.PageSize, built.GrantWritable) == 0)
                    return SyscallError.BadAddress;
            }
        }

        if (copy.Handle != 0)
        {
            SyscallError error = Ports.TakeTransferredHandle(process.Handles, copy.Handle, built);
            if (error != SyscallError.None)
                return error;
        }
        message = built;
        return SyscallError.None;
    }

    // A port name: 1..32 bytes.
    internal static bool ReadName(Process process, ulong address, long length, out string name, out SyscallError error)
    {
        error = UserMemory.ReadString(process, address, length, NameRegistry.MaxNameLength, out name);
        return error == SyscallError.None;
    }
}
