using CosmosHybrid.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Ipc;
using CosmosHybrid.Processes;
using static CosmosHybrid.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>The message-port system calls: ports and handles, messages, notifications, interrupt lines and names.</summary>
internal static unsafe class IpcSyscalls
{
    internal static long PortCreate(SyscallFrame* frame, Process process) => IpcOperations.CreatePort(process);

    internal static long HandleClose(SyscallFrame* frame, Process process) => IpcOperations.Close(process, (long)frame->Arg0);

    internal static long HandleDuplicate(SyscallFrame* frame, Process process) =>
        IpcOperations.Duplicate(process, (long)frame->Arg0, (HandleRights)frame->Arg1);

    internal static long PortSend(SyscallFrame* frame, Process process) =>
        IpcOperations.Send(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2);

    internal static long PortReceive(SyscallFrame* frame, Process process) =>
        IpcOperations.Receive(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2);

    internal static long PortCall(SyscallFrame* frame, Process process) => IpcOperations.Call(process, (long)frame->Arg0, frame);

    internal static long PortReplyWait(SyscallFrame* frame, Process process) => IpcOperations.ReplyWait(process, (long)frame->Arg0, frame);

    internal static long PortCallEx(SyscallFrame* frame, Process process) =>
        IpcOperations.CallEx(process, (long)frame->Arg0, frame->Arg1, frame->Arg2);

    internal static long PortReplyEx(SyscallFrame* frame, Process process) => IpcOperations.ReplyEx(process, frame->Arg0);

    internal static long PortNotify(SyscallFrame* frame, Process process) => IpcOperations.Notify(process, (long)frame->Arg0, frame->Arg1);

    internal static long IrqBind(SyscallFrame* frame, Process process)
    {
        long irq = (long)frame->Arg0;
        SyscallError error = process.Handles.Lookup((long)frame->Arg1, HandleRights.Receive, out Port port, out _);
        if (error == SyscallError.None)
            error = irq < 0 || irq > 15 ? SyscallError.InvalidArgument : IrqBindings.Bind(process, (int)irq, port, (int)frame->Arg2);
        return Error(error);
    }

    internal static long IrqAcknowledge(SyscallFrame* frame, Process process) => Error(IrqBindings.Acknowledge(process, (int)frame->Arg0));

    internal static long NameRegister(SyscallFrame* frame, Process process)
    {
        SyscallError error = UserMemory.ReadString(process, frame->Arg0, (long)frame->Arg1, NameRegistry.MaxNameLength, out string name);
        if (error != SyscallError.None)
            return Error(error);
        error = process.Handles.Lookup((long)frame->Arg2, HandleRights.Send, out Port port, out _);
        if (error != SyscallError.None)
            return Error(error);
        return NameRegistry.Register(name, port) ? 0 : Error(SyscallError.Exists);
    }

    internal static long NameLookup(SyscallFrame* frame, Process process)
    {
        SyscallError error = UserMemory.ReadString(process, frame->Arg0, (long)frame->Arg1, NameRegistry.MaxNameLength, out string name);
        if (error != SyscallError.None)
            return Error(error);
        Port port = NameRegistry.Lookup(name);
        if (port == null)
            return Error(SyscallError.NotFound);
        long handle = process.Handles.Add(port, HandleRights.Send | HandleRights.Transfer);
        return handle == 0 ? Error(SyscallError.TooManyHandles) : handle;
    }
}
