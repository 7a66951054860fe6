using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Scheduling;

/// <summary>
/// A lock a thread may hold while it blocks (for a device that runs one command at a
/// time, the file system, the console): a thread that finds it taken sleeps until the
/// holder releases it. A holder is not killed until it releases the lock (its kill is
/// deferred), so a lock is never left held by a thread that is gone.
/// Interrupts are off only while the lock's own fields change, which on one CPU is
/// what makes that change atomic.
/// </summary>
internal sealed class KernelMutex
{
    private bool _held;
    private Thread _holder;
    private Thread _waiters;

    /// <summary>True while a thread holds the lock (a test that means something with interrupts off: then nobody takes or leaves it).</summary>
    public bool IsHeld => _held;

    /// <summary>True while the running thread holds the lock (it would wait for itself in <see cref="Acquire"/>).</summary>
    public bool IsHeldByCurrentThread => _held && _holder == Scheduler.Current;

    public void Acquire()
    {
        ulong flags = Cpu.DisableInterruptsSaving();
        Scheduler.DeferKillsInterruptsOff(); // in the same interrupts-off section as the lock's fields: one cli, not two
        while (_held)
        {
            Thread self = Scheduler.Current;
            self.WaitNext = _waiters;
            _waiters = self;
            Scheduler.Block();
        }
        _held = true;
        _holder = Scheduler.Current;
        Restore(flags);
    }

    /// <summary>Acquires the lock for a <c>using</c> scope that releases it.</summary>
    public KernelMutexHold Hold()
    {
        Acquire();
        return new KernelMutexHold(this);
    }

    public void Release()
    {
        ulong flags = Cpu.DisableInterruptsSaving();
        _held = false;
        _holder = null;
        // Wake them all; the first to run takes the lock and the others queue up again.
        while (_waiters != null)
        {
            Thread waiter = _waiters;
            _waiters = waiter.WaitNext;
            waiter.WaitNext = null;
            Scheduler.Wake(waiter);
        }
        Scheduler.AllowKillsInterruptsOff(); // a kill deferred meanwhile ends the thread here, the lock already free
        Restore(flags);
    }

    private static void Restore(ulong flags)
    {
        Cpu.RestoreInterrupts(flags);
    }
}
