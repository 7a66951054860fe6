using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CosmosHybrid.Handles;
using CosmosHybrid.Ipc;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Ipc;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// A simulated ring-3 process: a handle table and the threads acting in it. It is the
/// <see cref="IMessagePorts"/> a service is given, exactly as <c>SyscallPorts</c> is in
/// the OS. Any .NET thread may act in a process: each gets its own kernel-side thread
/// context (its <c>IpcWaiter</c>, as a kernel thread has) the first time it calls a port operation,
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

    internal HandleTable Handles { get; } = new HandleTable();

    /// <summary>The calling .NET thread's context in this process (created on first use).</summary>
    internal HostThread Current => _current.Value;

    /// <summary>Every thread context the process has had (kernel lock held to enumerate).</summary>
    internal IReadOnlyList<HostThread> Threads => _threads;

    private PortEngine<HostIpcSeam> Ports => Kernel.Ports;

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

    // ---- IMessagePorts: what the kernel's IpcSyscalls decode, then the same engine ----

    /// <inheritdoc/>
    public long CreatePort()
    {
        lock (Kernel.SyncRoot)
        {
            EnterOperation();
            return Ports.CreatePort(Handles);
        }
    }

    /// <inheritdoc/>
    public long Close(long handle)
    {
        lock (Kernel.SyncRoot)
        {
            EnterOperation();
            return Error(Ports.Close(Handles, handle));
        }
    }

    /// <inheritdoc/>
    public long Duplicate(long handle, HandleRights rights)
    {
        lock (Kernel.SyncRoot)
        {
            EnterOperation();
            return Ports.Duplicate(Handles, handle, rights);
        }
    }

    /// <inheritdoc/>
    public long Send(long handle, ref IpcMessage message, long timeoutMs)
    {
        lock (Kernel.SyncRoot)
        {
            IpcWaiter self = EnterOperation();
            SyscallError error = Handles.LookupPort(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            error = ReadMessage(self, message, isCall: false, out PendingMessage pending);
            if (error != SyscallError.None)
                return Error(error);
            return Error(Ports.Send(self, port, pending, timeoutMs));
        }
    }

    /// <inheritdoc/>
    public long Receive(long handle, ref IpcMessage message, long timeoutMs)
    {
        lock (Kernel.SyncRoot)
        {
            IpcWaiter self = EnterOperation();
            SyscallError error = Handles.LookupPort(handle, HandleRights.Receive, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            fixed (IpcMessage* pointer = &message)
                return Error(Ports.Receive(self, port, (ulong)pointer, timeoutMs));
        }
    }

    /// <inheritdoc/>
    public long Call(long handle, ref ShortMessage message)
    {
        lock (Kernel.SyncRoot)
        {
            IpcWaiter self = EnterOperation();
            SyscallError error = Handles.LookupPort(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            error = Ports.Call(self, port, message);
            if (error == SyscallError.None)
                message = self.Registers;
            return Error(error);
        }
    }

    /// <inheritdoc/>
    public long ReplyWait(long handle, ref ShortMessage message)
    {
        lock (Kernel.SyncRoot)
        {
            IpcWaiter self = EnterOperation();
            SyscallError error = Handles.LookupPort(handle, HandleRights.Receive, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            error = Ports.ReplyWait(self, port, message);
            if (error == SyscallError.None)
                message = self.Registers;
            return Error(error);
        }
    }

    /// <inheritdoc/>
    public long CallEx(long handle, ref IpcMessage request, ref IpcMessage reply)
    {
        lock (Kernel.SyncRoot)
        {
            IpcWaiter self = EnterOperation();
            SyscallError error = Handles.LookupPort(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            error = ReadMessage(self, request, isCall: true, out PendingMessage pending);
            if (error != SyscallError.None)
                return Error(error);
            fixed (IpcMessage* replyPointer = &reply)
                return Error(Ports.CallEx(self, port, pending, (ulong)replyPointer));
        }
    }

    /// <inheritdoc/>
    public long CallerProcess()
    {
        lock (Kernel.SyncRoot)
        {
            HostProcess caller = EnterOperation().Serving?.Caller?.Thread.Process;
            return caller == null ? Error(SyscallError.NotFound) : caller.Id;
        }
    }

    /// <inheritdoc/>
    public long ReplyEx(ref IpcMessage reply)
    {
        lock (Kernel.SyncRoot)
        {
            IpcWaiter self = EnterOperation();
            if (MessageShape.IsBufferTooLong(reply.BufferLength))
                return Error(SyscallError.InvalidArgument);
            if (reply.BufferLength > 0 && reply.BufferAddress == 0)
                return Error(SyscallError.BadAddress);
            Payload bytes = Payload.InMemoryOf(self, reply.BufferAddress, reply.BufferLength);
            return Error(Ports.ReplyEx(self, MessageShape.ShortPartOf(reply), bytes));
        }
    }

    /// <inheritdoc/>
    public long Notify(long handle, ulong bits)
    {
        lock (Kernel.SyncRoot)
        {
            EnterOperation();
            SyscallError error = Handles.LookupPort(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            return Error(Ports.Notify(port, bits));
        }
    }

    /// <inheritdoc/>
    public long Register(string name, long handle)
    {
        lock (Kernel.SyncRoot)
        {
            EnterOperation();
            if (!TryNormalizeName(name, out string text))
                return Error(SyscallError.InvalidArgument);
            SyscallError error = Handles.LookupPort(handle, HandleRights.Send, out Port port, out _);
            if (error != SyscallError.None)
                return Error(error);
            return Error(Ports.Register(text, port));
        }
    }

    /// <inheritdoc/>
    public long Lookup(string name)
    {
        lock (Kernel.SyncRoot)
        {
            EnterOperation();
            if (!TryNormalizeName(name, out string text))
                return Error(SyscallError.InvalidArgument);
            return Ports.Lookup(Handles, text);
        }
    }

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

    // ---- decoding (the kernel's IpcSyscalls does the same with user memory) ----

    /// <summary>The calling thread's waiter, once its process is known to be running (kernel lock held).</summary>
    private IpcWaiter EnterOperation()
    {
        HostThread self = Current;
        self.ThrowIfTerminated();
        return self.Waiter;
    }

    /// <summary>
    /// Builds a message as the kernel does from user memory, in the same order with the
    /// same errors; the only bad address the host can tell is 0.
    /// </summary>
    private SyscallError ReadMessage(IpcWaiter self, in IpcMessage message, bool isCall, out PendingMessage pending)
    {
        pending = null;
        var built = new PendingMessage { ShortPart = MessageShape.ShortPartOf(message) };

        if (MessageShape.IsBufferTooLong(message.BufferLength))
            return SyscallError.InvalidArgument;
        if (message.BufferLength > 0)
        {
            if (message.BufferAddress == 0)
                return SyscallError.BadAddress;
            // A call's bytes stay in the waiting caller's memory until delivery; a send's are copied now.
            built.Bytes = isCall
                ? Payload.InMemoryOf(self, message.BufferAddress, message.BufferLength)
                : Payload.InKernel(new ReadOnlySpan<byte>((void*)message.BufferAddress, (int)message.BufferLength).ToArray());
        }

        if (message.GrantLength > 0)
        {
            if (!MessageShape.IsValidGrant(message, isCall))
                return SyscallError.InvalidArgument;
            if (message.GrantAddress == 0)
                return SyscallError.BadAddress;
            built.GrantAddress = message.GrantAddress;
            built.GrantPages = message.GrantLength / MessageShape.PageSize;
            built.GrantWritable = (message.Flags & IpcFlags.GrantWritable) != 0;
        }

        if (message.Handle != 0)
        {
            SyscallError error = Ports.TakeTransferredHandle(Handles, message.Handle, built);
            if (error != SyscallError.None)
                return error;
        }
        pending = built;
        return SyscallError.None;
    }

    /// <summary>
    /// The name as the kernel sees it: ring-3 code passes one byte per character, with
    /// non-ASCII characters sent as '?' (SyscallPorts), and 1..32 bytes are accepted.
    /// </summary>
    private static bool TryNormalizeName(string name, out string text)
    {
        text = null;
        if (name == null || name.Length == 0 || name.Length > NameRegistry.MaxNameLength)
            return false;
        var characters = new char[name.Length];
        for (int i = 0; i < name.Length; i++)
            characters[i] = name[i] < 128 ? name[i] : '?';
        text = new string(characters);
        return true;
    }

    private HostThread AddThread()
    {
        var thread = new HostThread(this);
        lock (Kernel.SyncRoot)
            _threads.Add(thread);
        return thread;
    }
}
