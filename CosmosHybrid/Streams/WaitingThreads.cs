using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Streams;

/// <summary>
/// Threads waiting for one event of a stream (bytes to read, room to write), linked through
/// <see cref="Thread.WaitNext"/>. Every waiter is woken at once and looks again; a killed
/// thread left in the list is harmless (waking it does nothing). Use with interrupts off.
/// </summary>
internal struct WaitingThreads
{
    private Thread _first;

    /// <summary>Blocks the current thread until <see cref="WakeAll"/>.</summary>
    public void Wait()
    {
        Thread self = Scheduler.Current;
        self.WaitNext = _first;
        _first = self;
        Scheduler.Block();
    }

    public void WakeAll()
    {
        while (_first != null)
        {
            Thread waiter = _first;
            _first = waiter.WaitNext;
            waiter.WaitNext = null;
            Scheduler.Wake(waiter);
        }
    }
}
