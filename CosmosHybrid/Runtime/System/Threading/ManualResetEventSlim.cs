using Internal.Runtime;

namespace System.Threading;

/// <summary>
/// An event that stays set until reset, as .NET's: <see cref="Wait()"/> returns at once while it
/// is set and otherwise sleeps on the state word. Set makes a system call only when someone waits.
/// </summary>
public unsafe class ManualResetEventSlim : IDisposable
{
    private int _isSet;
    private int _waiters;
    private bool _disposed;

    public ManualResetEventSlim() : this(false)
    {
    }

    public ManualResetEventSlim(bool initialState) => _isSet = initialState ? 1 : 0;

    public ManualResetEventSlim(bool initialState, int spinCount) : this(initialState)
    {
        if (spinCount < 0 || spinCount > 2047)
            throw new ArgumentOutOfRangeException(nameof(spinCount));
        SpinCount = spinCount;
    }

    public bool IsSet => Volatile.Read(ref _isSet) != 0;

    public int SpinCount { get; } = 35;

    public void Set()
    {
        // A full fence between the store and the read of _waiters (a plain store could pass the read on SMP).
        Interlocked.Exchange(ref _isSet, 1);
        if (Volatile.Read(ref _waiters) != 0)
        {
            fixed (int* isSet = &_isSet)
                RuntimeHost.WakeAddress(isSet, int.MaxValue);
        }
    }

    public void Reset()
    {
        ThrowIfDisposed();
        Volatile.Write(ref _isSet, 0);
    }

    public void Wait() => Wait(Timeout.Infinite);

    public bool Wait(int millisecondsTimeout)
    {
        ThrowIfDisposed();
        Timeout.Validate(millisecondsTimeout);
        if (IsSet)
            return true;
        long deadline = millisecondsTimeout > 0 ? RuntimeHost.MonotonicMilliseconds() + millisecondsTimeout : 0;
        Interlocked.Increment(ref _waiters);
        fixed (int* isSet = &_isSet)
        {
            while (Volatile.Read(ref *isSet) == 0)
            {
                int wait = Timeout.Remaining(deadline, millisecondsTimeout);
                if (wait == 0)
                    break;
                RuntimeHost.WaitOnAddress(isSet, 0, wait);
            }
        }
        Interlocked.Decrement(ref _waiters);
        return IsSet;
    }

    public void Dispose()
    {
        Dispose(true);
    }

    protected virtual void Dispose(bool disposing) => _disposed = true;

    private void ThrowIfDisposed()
    {
        if (_disposed)
            throw new ObjectDisposedException(nameof(ManualResetEventSlim));
    }
}
