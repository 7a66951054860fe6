using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CosmosHybrid.Abi;
using CosmosHybrid.Services.Ipc;

using CosmosHybrid.Ipc;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// A simulated ring-3 process: a handle table and the threads acting in it. It is the
/// <see cref="IMessagePorts"/> a service is given, exactly as <c>SyscallPorts</c> is in
/// the OS. Any .NET thread may act in a process: each gets its own kernel-side thread
/// context (the per-thread "serving" state) the first time it calls a port operation,
/// and threads of a process share its handle table.
/// </summary>
/// <remarks>
/// Addresses in an <see cref="IpcMessage"/> are raw pointers into the caller's memory
/// (pinned arrays, <see cref="MapMemory"/> or native memory): every simulated process
/// shares the host's single address space.
/// </remarks>
public sealed unsafe class HostProcess : IMessagePorts
{
    private readonly ThreadLocal<HostThread> _current;
    private readonly List<HostThread> _threads = new List<HostThread>();
    private readonly TaskCompletionSource<long> _exited = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

    internal HostProcess(InProcessKernel kernel, int id, string name)
    {
        Kernel = kernel;
        Id = id;
        Name = name;
        _current = new ThreadLocal<HostThread>(AddThread);
    }

    /// <summary>The process id (1, 2, ... per kernel).</summary>
    public int Id { get; }

    public string Name { get; }

    /// <summary>Running until the process is killed or its main thread returns.</summary>
    public ProcessState State { get; private set; } = ProcessState.Running;

    /// <summary>The exit status once ended: what the main thread returned, or -9 when killed.</summary>
    public long ExitStatus { get; private set; }

    /// <summary>Completes with <see cref="ExitStatus"/> when the process ends (its handles are closed by then).</summary>
    public Task<long> Exited => _exited.Task;

    /// <summary>Open handles.</summary>
    public int HandleCount
    {
        get
        {
            lock (Kernel.SyncRoot)
                return Handles.Count;
        }
    }

    internal InProcessKernel Kernel { get; }

    internal HandleTable<Port> Handles { get; } = new HandleTable<Port>();

    /// <summary>The calling .NET thread's context in this process (created on first use).</summary>
    internal HostThread Current => _current.Value;

    /// <summary>Every thread context the process has had (kernel lock held to enumerate).</summary>
    internal IReadOnlyList<HostThread> Threads => _threads;

    private PortOperations Ports => Kernel.Ports;

    /// <summary>
    /// Runs <paramref name="entry"/> on a new thread of this process (a background .NET
    /// thread). The task completes with what it returns; it is canceled if the process
    /// ends while the thread is in a port operation, and faults if the entry throws
    /// (which, like a fault in ring 3, kills the process).
    /// </summary>
    public Task<long> StartThread(Func<HostProcess, long> entry) => Kernel.StartThread(this, entry, isMain: false);

    /// <summary>
    /// Page-aligned, zero-filled memory of <paramref name="pages"/> 4 KiB pages, like the
    /// MapMemory system call. It stays valid until the kernel is disposed.
    /// </summary>
    public ulong MapMemory(long pages) => Kernel.Memory.Allocate(pages);

    // ---- IMessagePorts ----

    /// <inheritdoc/>
    public long CreatePort() => Ports.CreatePort(Current);

    /// <inheritdoc/>
    public long Close(long handle) => Ports.Close(Current, handle);

    /// <inheritdoc/>
    public long Duplicate(long handle, HandleRights rights) => Ports.Duplicate(Current, handle, rights);

    /// <inheritdoc/>
    public long Send(long handle, ref IpcMessage message, long timeoutMs)
    {
        fixed (IpcMessage* pointer = &message)
            return Ports.Send(Current, handle, pointer, timeoutMs);
    }

    /// <inheritdoc/>
    public long Receive(long handle, ref IpcMessage message, long timeoutMs)
    {
        fixed (IpcMessage* pointer = &message)
            return Ports.Receive(Current, handle, pointer, timeoutMs);
    }

    /// <inheritdoc/>
    public long Call(long handle, ref ShortMessage message)
    {
        fixed (ShortMessage* pointer = &message)
            return Ports.Call(Current, handle, pointer);
    }

    /// <inheritdoc/>
    public long ReplyWait(long handle, ref ShortMessage message)
    {
        fixed (ShortMessage* pointer = &message)
            return Ports.ReplyWait(Current, handle, pointer);
    }

    /// <inheritdoc/>
    public long CallEx(long handle, ref IpcMessage request, ref IpcMessage reply)
    {
        fixed (IpcMessage* requestPointer = &request)
        fixed (IpcMessage* replyPointer = &reply)
            return Ports.CallEx(Current, handle, requestPointer, replyPointer);
    }

    /// <inheritdoc/>
    public long ReplyEx(ref IpcMessage reply)
    {
        fixed (IpcMessage* pointer = &reply)
            return Ports.ReplyEx(Current, pointer);
    }

    /// <inheritdoc/>
    public long Notify(long handle, ulong bits) => Ports.Notify(Current, handle, bits);

    /// <inheritdoc/>
    public long Register(string name, long handle) => Ports.Register(Current, name, handle);

    /// <inheritdoc/>
    public long Lookup(string name) => Ports.Lookup(Current, name);

    public override string ToString() => Name + " (" + Id + ", " + State + ")";

    // ---- lifetime (called by InProcessKernel) ----

    /// <summary>Marks the process ended (kernel lock held); the caller then releases its ports.</summary>
    internal bool End(long status, ProcessState how)
    {
        if (State != ProcessState.Running)
            return false;
        State = how;
        ExitStatus = status;
        return true;
    }

    internal void SignalExited() => _exited.TrySetResult(ExitStatus);

    private HostThread AddThread()
    {
        var thread = new HostThread(this);
        lock (Kernel.SyncRoot)
            _threads.Add(thread);
        return thread;
    }
}
