namespace CosmosHybrid.Scheduling;

/// <summary>
/// One thread's place in the <see cref="FutexQueue"/>: which word it waits on (an address
/// in its owner's address space) and whether a waker took it. Each thread has at most one,
/// made at its first wait and reused, so waiting allocates nothing after that.
/// </summary>
public sealed class FutexWaiter
{
    public FutexWaiter(object sleeper) => Sleeper = sleeper;

    /// <summary>The thread that waits (the kernel's <c>Thread</c>; anything in host tests).</summary>
    public object Sleeper { get; }

    /// <summary>Whose address space <see cref="Address"/> is in: the process, or null for kernel memory.</summary>
    public object Owner { get; internal set; }

    public ulong Address { get; internal set; }

    /// <summary>In the queue, waiting.</summary>
    public bool IsQueued { get; internal set; }

    /// <summary>Taken by a wake (not by a time-out or a kill).</summary>
    public bool WasWoken { get; internal set; }

    internal FutexWaiter Next;
    internal FutexWaiter Previous;
}
