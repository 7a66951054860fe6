using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Scheduling;

/// <summary>
/// Wait and wake on a 32-bit word, futex-style: the blocking half of every lock, event and
/// semaphore of the runtime, in ring 3 (FutexWait/FutexWake) and for kernel threads alike.
/// A waiter sleeps only if the word still holds what it expects, checked with interrupts off,
/// which on one CPU is atomic against the waker. Words are keyed by (process, address), so two
/// processes never wake each other; kernel words by (null, address).
/// </summary>
internal static unsafe class KernelFutex
{
    /// <summary>The word did not hold the expected value: no wait (a positive, non-error result).</summary>
    public const long ValueChanged = 1;

    // Made at the first wait (not by a static initializer: see KernelRuntimeHost.CurrentThreadId).
    private static FutexQueue s_queue;

    /// <summary>
    /// Waits while the word at <paramref name="address"/> holds <paramref name="expected"/>, at most
    /// <paramref name="timeoutMs"/> (-1: for ever). 0 when woken, <see cref="ValueChanged"/>, or an
    /// error: BadAddress, InvalidArgument (not 4-byte aligned), TimedOut.
    /// </summary>
    public static long Wait(Process process, ulong address, int expected, long timeoutMs)
    {
        if ((address & 3) != 0)
            return Error(SyscallError.InvalidArgument);
        Thread self = Scheduler.Current;
        FutexWaiter waiter = self.FutexWaiter ??= new FutexWaiter(self);
        using (InterruptsOff.Enter())
        {
            int value;
            if (process == null)
                value = *(int*)address;
            else if (!process.AddressSpace.CopyFromUser(&value, address, sizeof(int)))
                return Error(SyscallError.BadAddress);
            if (value != expected)
                return ValueChanged;
            if (timeoutMs == 0)
                return Error(SyscallError.TimedOut);

            FutexQueue queue = s_queue ??= new FutexQueue();
            queue.Enqueue(waiter, process, address);
            if (timeoutMs < 0)
                Scheduler.Block();
            else
                Scheduler.Sleep((ulong)timeoutMs);
            if (waiter.WasWoken)
                return 0;
            queue.Remove(waiter);
            // Not taken by a wake: the time-out ran out (an endless wait only ends by a wake, or by a kill).
            return timeoutMs < 0 ? 0 : Error(SyscallError.TimedOut);
        }
    }

    /// <summary>Wakes up to <paramref name="count"/> waiters on the word; returns how many it woke.</summary>
    public static long Wake(Process process, ulong address, int count)
    {
        if ((address & 3) != 0 || count < 0)
            return Error(SyscallError.InvalidArgument);
        if (process != null && (address < UserAddressSpace.UserStart || address >= UserAddressSpace.UserEnd))
            return Error(SyscallError.BadAddress);
        using (InterruptsOff.Enter())
            return s_queue == null ? 0 : s_queue.Wake(process, address, count, &WakeThread);
    }

    /// <summary>The process has ended: its waiters leave the queue (its threads never run again).</summary>
    public static void ReleaseProcess(Process process)
    {
        using (InterruptsOff.Enter())
            s_queue?.RemoveOwner(process);
    }

    private static void WakeThread(FutexWaiter waiter) => Scheduler.Wake((Thread)waiter.Sleeper);
}
