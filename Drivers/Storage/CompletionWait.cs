using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// How a storage driver's thread waits for its DMA command (AHCI port, IDE bus master):
/// with interrupts off between its checks, it sleeps in short slices, and the controller's
/// interrupt handler cuts a slice short with <see cref="Wake"/>. The handler cannot run
/// between the check and the sleep, so no completion is missed, and a lost or unrouted
/// interrupt costs at most a slice, never a hang.
/// </summary>
internal sealed class CompletionWait
{
    /// <summary>A slice when the controller's interrupt is routed: only a lost interrupt waits it out.</summary>
    public const ulong InterruptSliceMilliseconds = 10;

    /// <summary>A slice when nothing will wake the thread: the poll interval.</summary>
    public const ulong PollSliceMilliseconds = 1;

    // Set and cleared by the waiting thread with interrupts off; taken by the handler (interrupts off).
    private Thread _waiter;

    /// <summary>Sleeps up to <paramref name="milliseconds"/>, or until <see cref="Wake"/>. Call with interrupts off.</summary>
    public void Sleep(ulong milliseconds)
    {
        _waiter = Scheduler.Current;
        Scheduler.Sleep(milliseconds);
        _waiter = null;
    }

    /// <summary>Wakes the waiting thread, if any (from the interrupt handler).</summary>
    public void Wake()
    {
        Thread waiter = _waiter;
        if (waiter != null)
        {
            _waiter = null;
            Scheduler.Wake(waiter);
        }
    }
}
