using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CosmosHybrid.Handles;
using CosmosHybrid.Ipc;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// The host harness's kernel: the OS kernel's message-port engine (<c>CosmosHybrid/Ipc</c>,
/// compiled in) with per-process handle tables and a name registry, all in-process, so
/// ring-3 service code written against <c>IMessagePorts</c> runs unchanged on .NET threads.
/// README.md lists where the host differs.
/// </summary>
/// <remarks>
/// One lock guards all kernel state, as the single CPU's interrupt flag does in the OS;
/// blocking is a condition wait on it. Each kernel is independent (its own processes,
/// ports and names), so tests can use one each. Disposing it kills every process.
/// </remarks>
/// <example>
/// <code>
/// using var kernel = new InProcessKernel();
/// HostProcess echo = kernel.Start("echo", process =>
/// {
///     long port = process.CreatePort();
///     process.Register(EchoService.ShortPortName, port);
///     return EchoService.ServeShort(process, port);
/// });
/// </code>
/// </example>
public sealed class InProcessKernel : IDisposable
{
    /// <summary>Handles a process can hold.</summary>
    public const int HandleCapacity = HandleTable.DefaultLimit;

    /// <summary>Messages a port queues before senders wait or fail with QueueFull.</summary>
    public const int QueueCapacity = Port.QueueCapacity;

    /// <summary>The exit status of a killed process (as the OS's Kill system call sets it).</summary>
    public const long KilledStatus = -9;

    private static readonly TimeSpan s_disposeJoinBudget = TimeSpan.FromSeconds(5);

    private readonly object _sync = new object();
    private readonly List<HostProcess> _processes = new List<HostProcess>();
    private readonly List<Thread> _threads = new List<Thread>();
    private int _lastProcessId;
    private bool _disposed;

    internal object SyncRoot => _sync;

    /// <summary>The kernel's own message-port engine, run here on .NET threads.</summary>
    internal PortEngine<HostIpcSeam> Ports { get; } = new PortEngine<HostIpcSeam>();

    internal HostMemory Memory { get; } = new HostMemory();

    /// <summary>A new process with no threads yet: any .NET thread may act in it, and <see cref="HostProcess.StartThread"/> adds threads.</summary>
    public HostProcess CreateProcess(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var process = new HostProcess(this, ++_lastProcessId, name);
            _processes.Add(process);
            return process;
        }
    }

    /// <summary>
    /// A new process whose main thread runs <paramref name="main"/> (a service's entry
    /// point). When it returns, the process exits with that status: its other threads
    /// stop and its handles close, as when a ring-3 program's Main returns.
    /// </summary>
    public HostProcess Start(string name, Func<HostProcess, long> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        HostProcess process = CreateProcess(name);
        StartThread(process, main, isMain: true);
        return process;
    }

    /// <summary>
    /// Ends <paramref name="process"/> with <see cref="KilledStatus"/>: calls its threads
    /// were serving fail with PeerClosed, its waits end and its handles close (the last
    /// receive handle of a port closes the port). Its threads stop at their next port
    /// operation. False when it had already ended.
    /// </summary>
    public bool Kill(HostProcess process) => Terminate(process, KilledStatus, ProcessState.Killed);

    /// <summary>Kills every process, waits a little for their threads, then frees <see cref="HostProcess.MapMemory"/> memory.</summary>
    public void Dispose()
    {
        HostProcess[] processes;
        Thread[] threads;
        lock (_sync)
        {
            if (_disposed)
                return;
            _disposed = true;
            processes = _processes.ToArray();
            threads = _threads.ToArray();
        }
        foreach (HostProcess process in processes)
            Terminate(process, KilledStatus, ProcessState.Killed);

        // A thread busy outside port operations cannot be stopped; its memory is then left allocated.
        var budget = Stopwatch.StartNew();
        bool allEnded = true;
        foreach (Thread thread in threads)
        {
            TimeSpan left = s_disposeJoinBudget - budget.Elapsed;
            allEnded &= thread.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        if (allEnded)
            Memory.FreeAll();
    }

    internal Task<long> StartThread(HostProcess process, Func<HostProcess, long> entry, bool isMain)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var completion = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => RunThread(process, entry, isMain, completion))
        {
            IsBackground = true,
            Name = process.Name + (isMain ? " (main)" : " (thread)"),
        };
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (process.State != ProcessState.Running)
            {
                completion.SetCanceled();
                return completion.Task;
            }
            _threads.Add(thread);
        }
        thread.Start();
        return completion.Task;
    }

    private void RunThread(HostProcess process, Func<HostProcess, long> entry, bool isMain, TaskCompletionSource<long> completion)
    {
        HostThread self = process.Current;
        long result = 0;
        Exception failure = null;
        bool terminated = false;
        try
        {
            result = entry(process);
        }
        catch (ThreadTerminatedException)
        {
            terminated = true;
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        lock (_sync)
            self.HasEnded = true;
        if (failure != null)
            Terminate(process, KilledStatus, ProcessState.Killed); // like a fault in ring 3
        else if (isMain && !terminated)
            Terminate(process, result, ProcessState.Exited);

        if (failure != null)
            completion.TrySetException(failure);
        else if (terminated)
            completion.TrySetCanceled();
        else
            completion.TrySetResult(result);
    }

    private bool Terminate(HostProcess process, long status, ProcessState how)
    {
        ArgumentNullException.ThrowIfNull(process);
        lock (_sync)
        {
            if (!process.End(status, how))
                return false;
            ReleasePorts(process);
        }
        process.SignalExited();
        return true;
    }

    /// <summary>
    /// The kernel's steps when a process ends (kernel lock held): each thread's IPC state is
    /// released, then its handles are closed. Its blocked threads wake, see the ended
    /// process and unwind with <see cref="ThreadTerminatedException"/>.
    /// </summary>
    private void ReleasePorts(HostProcess process)
    {
        foreach (HostThread thread in process.Threads)
        {
            Ports.ReleaseThread(thread.Waiter);
            thread.Wake();
        }
        Ports.CloseAllHandles(process.Handles);
    }
}
