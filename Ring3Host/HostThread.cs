using System;
using System.Diagnostics;
using System.Threading;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ipc;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// The kernel-side state of one .NET thread acting inside one <see cref="HostProcess"/>:
/// its <see cref="IpcWaiter"/> (as a kernel thread has one) and its blocking, which is a
/// condition wait on the kernel lock.
/// </summary>
/// <remarks>
/// The addresses in its waiter name memory of the thread's own stack frame, pinned for as
/// long as the thread is inside the port operation; the engine only writes through them
/// while the thread waits in that operation.
/// </remarks>
internal sealed class HostThread
{
    /// <summary>The deadline of a wait without a time-out.</summary>
    public const long Forever = long.MaxValue;

    // Monitor.Wait takes at most int.MaxValue - 1 ms; longer waits simply loop.
    private static readonly TimeSpan s_longestWait = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private bool _wakePending;

    public HostThread(HostProcess process)
    {
        Process = process;
        Waiter = new IpcWaiter(this);
    }

    public HostProcess Process { get; }

    /// <summary>The .NET thread this context belongs to has returned from its entry point.</summary>
    public bool HasEnded { get; set; }

    /// <summary>Neither this thread nor its process has ended: a reply can still reach it.</summary>
    public bool IsAlive => !HasEnded && Process.State == ProcessState.Running;

    /// <summary>Its IPC state, which the shared engine reads and writes with the kernel lock held.</summary>
    public IpcWaiter Waiter { get; }

    /// <summary>
    /// Waits (kernel lock held) until <see cref="Wake"/> or until <paramref name="deadline"/>
    /// (a <see cref="Stopwatch"/> timestamp, or <see cref="Forever"/>). Throws
    /// <see cref="ThreadTerminatedException"/> once the process has ended: like a killed
    /// thread in the OS, it never runs on inside the operation.
    /// </summary>
    public void Block(long deadline)
    {
        object sync = Process.Kernel.SyncRoot;
        Debug.Assert(Monitor.IsEntered(sync));
        _wakePending = false;
        while (true)
        {
            ThrowIfTerminated();
            if (_wakePending)
                break;
            if (deadline == Forever)
            {
                Monitor.Wait(sync);
                continue;
            }
            long remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
                break;
            TimeSpan wait = Stopwatch.GetElapsedTime(0, remaining) + TimeSpan.FromMilliseconds(1);
            Monitor.Wait(sync, wait < s_longestWait ? wait : s_longestWait);
        }
        _wakePending = false;
    }

    /// <summary>Makes a thread waiting in <see cref="Block"/> return (kernel lock held).</summary>
    public void Wake()
    {
        _wakePending = true;
        Monitor.PulseAll(Process.Kernel.SyncRoot);
    }

    /// <summary>Stops a thread of an ended process at its next port operation.</summary>
    public void ThrowIfTerminated()
    {
        if (Process.State != ProcessState.Running)
            throw new ThreadTerminatedException(Process);
    }
}
