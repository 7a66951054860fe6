using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Ipc;

/// <summary>
/// The message-port engine: ports and their queues, sends and receives with time-outs,
/// calls and replies (the fast path: <c>PortEngine.FastPath.cs</c>), notifications,
/// grant bookkeeping, handles moved in messages, and teardown. The kernel and Ring3Host
/// compile the same engine; <typeparamref name="TSeam"/> is what differs (blocking,
/// waking, the direct hand-off, other processes' memory).
/// </summary>
/// <remarks>
/// Callers decode first (handles to ports, user memory to <see cref="PendingMessage"/>s:
/// <c>Syscalls/IpcSyscalls.cs</c> in the kernel, <c>HostProcess</c> on the host) and then
/// call the engine with its lock held: interrupts off in the kernel (the single CPU's
/// lock), the kernel lock's monitor on the host. Results are <see cref="SyscallError"/>s,
/// or a handle where one is made.
/// </remarks>
internal sealed partial class PortEngine<TSeam> where TSeam : struct, IIpcSeam
{
    // The message a pending notification is delivered as: taken and delivered at once under
    // the lock, never kept, so one object serves (no allocation in interrupt handlers).
    private readonly PendingMessage _notification = new PendingMessage();

    // The seam carries no state: its methods are called on a default instance, which the
    // compiler specializes for the struct (direct calls, no interface dispatch).
    private static TSeam Seam => default;

    public NameRegistry Names { get; } = new NameRegistry();

    // ---- handles ----

    /// <summary>A new port; the handle has every right.</summary>
    public long CreatePort(HandleTable handles)
    {
        long handle = handles.Add(new Port(), HandleRights.All);
        return handle == 0 ? Error(SyscallError.TooManyHandles) : handle;
    }

    /// <summary>A second handle to the same object (of any kind) with the rights of both <paramref name="rights"/> and the original.</summary>
    public long Duplicate(HandleTable handles, long handle, HandleRights rights)
    {
        SyscallError error = handles.Lookup(handle, HandleRights.None, out KernelObject target, out HandleRights held);
        if (error != SyscallError.None)
            return Error(error);
        long duplicate = handles.Add(target, held & rights);
        return duplicate == 0 ? Error(SyscallError.TooManyHandles) : duplicate;
    }

    /// <summary>Closes a handle to an object of any kind.</summary>
    public SyscallError Close(HandleTable handles, long handle)
    {
        if (!handles.Detach(handle, out KernelObject target, out HandleRights rights))
            return SyscallError.BadHandle;
        AfterHandleClosed(target, rights);
        return SyscallError.None;
    }

    // ---- names ----

    public SyscallError Register(string name, Port port) =>
        Names.Register(name, port) ? SyscallError.None : SyscallError.Exists;

    /// <summary>A send handle to the port registered as <paramref name="name"/>.</summary>
    public long Lookup(HandleTable handles, string name)
    {
        Port port = Names.Lookup(name);
        if (port == null)
            return Error(SyscallError.NotFound);
        long handle = handles.Add(port, HandleRights.Send | HandleRights.Transfer);
        return handle == 0 ? Error(SyscallError.TooManyHandles) : handle;
    }
}
