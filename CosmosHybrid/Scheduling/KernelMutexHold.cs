namespace CosmosHybrid.Scheduling;

/// <summary>
/// A held <see cref="KernelMutex"/>, released when the scope ends:
/// <c>using (mutex.Hold()) { ... }</c>, so an early return cannot leave the lock held.
/// </summary>
internal readonly ref struct KernelMutexHold
{
    private readonly KernelMutex _mutex;

    internal KernelMutexHold(KernelMutex mutex) => _mutex = mutex;

    public void Dispose() => _mutex.Release();
}
