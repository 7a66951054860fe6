namespace Internal.Runtime;

/// <summary>
/// What System.Threading needs of the program it is linked into: threads, a word of the
/// running thread's own, and the blocking half of locks (wait and wake on an address,
/// futex-style). The kernel supplies them over kernel threads, ring 3 over system calls;
/// everything above (Monitor, Thread, events, semaphores) is the same code in both rings.
/// </summary>
internal static unsafe partial class RuntimeHost
{
    /// <summary>
    /// Two words that belong to the running thread (zero when it starts, unless
    /// <see cref="StartThread"/> said otherwise): the runtime keeps the managed thread id in the
    /// first and its Thread record in the second. Reading them makes no system call.
    /// </summary>
    internal static partial nint* CurrentThreadData();

    /// <summary>
    /// Starts a thread that runs <paramref name="entry"/> with its first data word set to
    /// <paramref name="data0"/>; false when the system refuses (no memory, the thread quota).
    /// </summary>
    internal static partial bool StartThread(delegate*<void> entry, nint data0);

    /// <summary>
    /// Sleeps while <c>*address == expected</c>, until <see cref="WakeAddress"/> on it or
    /// <paramref name="timeoutMs"/> (-1: no limit). False only when the time-out ran out; true
    /// may also mean the word changed before the wait or a spurious wake: callers check again.
    /// </summary>
    internal static partial bool WaitOnAddress(int* address, int expected, int timeoutMs);

    /// <summary>Wakes up to <paramref name="count"/> threads waiting on <paramref name="address"/>.</summary>
    internal static partial void WakeAddress(int* address, int count);

    /// <summary>Sleeps the running thread at least <paramref name="milliseconds"/> (0: yields).</summary>
    internal static partial void SleepThread(int milliseconds);

    /// <summary>Milliseconds since boot: the clock time-outs are measured on.</summary>
    internal static partial long MonotonicMilliseconds();
}
