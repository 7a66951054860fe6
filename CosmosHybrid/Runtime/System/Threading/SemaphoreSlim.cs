using Internal.Runtime;

namespace System.Threading;

/// <summary>
/// A counting semaphore, as .NET's (without the asynchronous waits): Wait takes one from the count
/// or sleeps on the count word until a Release; Release makes a system call only when someone waits.
/// </summary>
public unsafe class SemaphoreSlim : IDisposable
{
    private int _count;
    private readonly int _maxCount;
    private int _waiters;
    private bool _disposed;

    public SemaphoreSlim(int initialCount) : this(initialCount, int.MaxValue)
    {
    }

    public SemaphoreSlim(int initialCount, int maxCount)
    {
        if (initialCount < 0 || initialCount > maxCount)
            throw new ArgumentOutOfRangeException(nameof(initialCount), "The initialCount argument must be non-negative and less than or equal to the maximumCount.");
        if (maxCount <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxCount), "The maximumCount argument must be a positive number. If a maximum is not required, use the constructor without a maxCount parameter.");
        _count = initialCount;
        _maxCount = maxCount;
    }

    public int CurrentCount => Volatile.Read(ref _count);

    public void Wait() => Wait(Timeout.Infinite);

    public bool Wait(int millisecondsTimeout)
    {
        ThrowIfDisposed();
        Timeout.Validate(millisecondsTimeout);
        if (TryTake())
            return true;
        if (millisecondsTimeout == 0)
            return false;
        long deadline = millisecondsTimeout > 0 ? RuntimeHost.MonotonicMilliseconds() + millisecondsTimeout : 0;
        Interlocked.Increment(ref _waiters);
        bool taken = false;
        fixed (int* count = &_count)
        {
            while (!(taken = TryTake()))
            {
                int wait = Timeout.Remaining(deadline, millisecondsTimeout);
                if (wait == 0)
                    break;
                RuntimeHost.WaitOnAddress(count, 0, wait);
            }
        }
        Interlocked.Decrement(ref _waiters);
        return taken;
    }

    public int Release() => Release(1);

    /// <summary>Adds <paramref name="releaseCount"/> to the count; returns the count before.</summary>
    public int Release(int releaseCount)
    {
        ThrowIfDisposed();
        if (releaseCount < 1)
            throw new ArgumentOutOfRangeException(nameof(releaseCount), "The releaseCount argument must be greater than zero.");
        int previous;
        do
        {
            previous = Volatile.Read(ref _count);
            if (_maxCount - previous < releaseCount)
                throw new SemaphoreFullException();
        }
        while (Interlocked.CompareExchange(ref _count, previous + releaseCount, previous) != previous);
        if (Volatile.Read(ref _waiters) != 0)
        {
            fixed (int* count = &_count)
                RuntimeHost.WakeAddress(count, releaseCount);
        }
        return previous;
    }

    private bool TryTake()
    {
        int count;
        while ((count = Volatile.Read(ref _count)) > 0)
        {
            if (Interlocked.CompareExchange(ref _count, count - 1, count) == count)
                return true;
        }
        return false;
    }

    public void Dispose()
    {
        Dispose(true);
    }

    protected virtual void Dispose(bool disposing) => _disposed = true;

    private void ThrowIfDisposed()
    {
        if (_disposed)
            throw new ObjectDisposedException(nameof(SemaphoreSlim));
    }
}
