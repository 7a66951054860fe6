using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Ipc;

namespace CosmosHybrid.Services.UserRuntime;

/// <summary>Message ports through system calls: the ring-3 implementation of <see cref="IMessagePorts"/>.</summary>
public sealed unsafe class SyscallPorts : IMessagePorts
{
    public static readonly SyscallPorts Instance = new SyscallPorts();

    // Register calls: the assembly stubs load the five message words into registers and store the reply back.
    [DllImport("*", EntryPoint = "user_port_call"), SuppressGCTransition]
    private static extern long PortCall(long handle, ShortMessage* message);

    [DllImport("*", EntryPoint = "user_port_reply_wait"), SuppressGCTransition]
    private static extern long PortReplyWait(long handle, ShortMessage* message);

    public long CreatePort() => SystemCall.Call(SyscallNumber.PortCreate);

    public long Close(long handle) => SystemCall.Call(SyscallNumber.HandleClose, handle);

    public long Duplicate(long handle, HandleRights rights) => SystemCall.Call(SyscallNumber.HandleDuplicate, handle, (long)rights);

    public long Send(long handle, ref IpcMessage message, long timeoutMs)
    {
        fixed (IpcMessage* pointer = &message)
            return SystemCall.Call(SyscallNumber.PortSend, handle, (long)pointer, timeoutMs);
    }

    public long Receive(long handle, ref IpcMessage message, long timeoutMs)
    {
        fixed (IpcMessage* pointer = &message)
            return SystemCall.Call(SyscallNumber.PortReceive, handle, (long)pointer, timeoutMs);
    }

    public long Call(long handle, ref ShortMessage message)
    {
        fixed (ShortMessage* pointer = &message)
            return PortCall(handle, pointer);
    }

    public long ReplyWait(long handle, ref ShortMessage message)
    {
        fixed (ShortMessage* pointer = &message)
            return PortReplyWait(handle, pointer);
    }

    public long CallEx(long handle, ref IpcMessage request, ref IpcMessage reply)
    {
        fixed (IpcMessage* requestPointer = &request)
        fixed (IpcMessage* replyPointer = &reply)
            return SystemCall.Call(SyscallNumber.PortCallEx, handle, (long)requestPointer, (long)replyPointer);
    }

    /// <summary>The id of the process whose call this thread serves (the one it received last and has not answered), or an error.</summary>
    public long CallerProcess() => SystemCall.Call(SyscallNumber.PortCallerProcess);

    public long ReplyEx(ref IpcMessage reply)
    {
        fixed (IpcMessage* pointer = &reply)
            return SystemCall.Call(SyscallNumber.PortReplyEx, (long)pointer);
    }

    public long Notify(long handle, ulong bits) => SystemCall.Call(SyscallNumber.PortNotify, handle, (long)bits);

    public long Register(string name, long handle) => Register(name, handle, 0);

    /// <summary>Registers a reserved name, presenting its <paramref name="reservation"/> handle (0 for an unreserved name).</summary>
    public long Register(string name, long handle, long reservation)
    {
        byte* bytes = stackalloc byte[name.Length];
        CopyName(name, bytes);
        return SystemCall.Call(SyscallNumber.NameRegister, (long)bytes, name.Length, handle, reservation);
    }

    /// <summary>Reserves a name (the <paramref name="authority"/> needs ReserveNames); returns the reservation handle.</summary>
    public long Reserve(long authority, string name)
    {
        byte* bytes = stackalloc byte[name.Length];
        CopyName(name, bytes);
        return SystemCall.Call(SyscallNumber.NameReserve, authority, (long)bytes, name.Length);
    }

    public long Lookup(string name)
    {
        byte* bytes = stackalloc byte[name.Length];
        CopyName(name, bytes);
        return SystemCall.Call(SyscallNumber.NameLookup, (long)bytes, name.Length);
    }

    private static void CopyName(string name, byte* bytes)
    {
        for (int i = 0; i < name.Length; i++)
            bytes[i] = name[i] < 128 ? (byte)name[i] : (byte)'?';
    }
}
