using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Threading;

/// <summary>
/// Locks on any object, as .NET's Monitor and the C# <c>lock</c> statement: re-entrant, held by a
/// thread, with Wait/Pulse condition signalling. The lock is the object's <see cref="SyncWords"/>
/// word run by <see cref="ThinLock"/>: taking it uncontended makes no system call, and Enter and
/// Exit inline into their caller down to one compare-and-swap each (the rest is out of line).
/// </summary>
public static unsafe class Monitor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(object obj)
    {
        int* state = SyncWords.Of(obj);
        ThinLock.Enter(state, state + 1);
    }

    /// <summary>The form the C# <c>lock</c> statement uses: <paramref name="lockTaken"/> says whether to exit in its <c>finally</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(object obj, ref bool lockTaken)
    {
        if (lockTaken)
            ThrowLockTakenSet();
        Enter(obj);
        lockTaken = true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLockTakenSet() =>
        throw new ArgumentException("The lockTaken argument must be initialized to false before calling this method.", "lockTaken");

    public static bool TryEnter(object obj) => TryEnter(obj, 0);

    public static bool TryEnter(object obj, int millisecondsTimeout)
    {
        Timeout.Validate(millisecondsTimeout);
        int* state = SyncWords.Of(obj);
        return ThinLock.TryEnter(state, state + 1, millisecondsTimeout);
    }

    public static void TryEnter(object obj, ref bool lockTaken) => TryEnter(obj, 0, ref lockTaken);

    public static void TryEnter(object obj, int millisecondsTimeout, ref bool lockTaken)
    {
        if (lockTaken)
            ThrowLockTakenSet();
        lockTaken = TryEnter(obj, millisecondsTimeout);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(object obj)
    {
        int* state = SyncWords.Of(obj);
        ThinLock.Exit(state, state + 1);
    }

    public static bool IsEntered(object obj) => ThinLock.IsHeldByCurrentThread(SyncWords.Of(obj));

    public static bool Wait(object obj) => Wait(obj, Timeout.Infinite);

    /// <summary>
    /// Releases the lock, waits for a <see cref="Pulse"/> (or the time-out), and takes the lock
    /// back with its recursion; true when pulsed.
    /// </summary>
    public static bool Wait(object obj, int millisecondsTimeout)
    {
        Timeout.Validate(millisecondsTimeout);
        int* state = SyncWords.Of(obj);
        if (!ThinLock.IsHeldByCurrentThread(state))
            throw new SynchronizationLockException();

        MonitorWaiter waiter = Thread.CurrentThread.MonitorWaiter;
        MonitorWaitQueue.Add(waiter, obj);
        int recursion = ThinLock.ExitFully(state, state + 1);

        long deadline = millisecondsTimeout > 0 ? RuntimeHost.MonotonicMilliseconds() + millisecondsTimeout : 0;
        fixed (int* signaled = &waiter.Signaled)
        {
            while (Volatile.Read(ref *signaled) == 0)
            {
                int wait = Timeout.Remaining(deadline, millisecondsTimeout);
                if (wait == 0)
                    break;
                RuntimeHost.WaitOnAddress(signaled, 0, wait);
            }
        }
        bool pulsed = MonitorWaitQueue.Leave(waiter);

        ThinLock.Enter(state, state + 1);
        state[1] = recursion;
        return pulsed;
    }

    /// <summary>Wakes the longest-waiting thread in <see cref="Wait(object)"/> on <paramref name="obj"/>; it runs once the lock is free.</summary>
    public static void Pulse(object obj)
    {
        if (!ThinLock.IsHeldByCurrentThread(SyncWords.Of(obj)))
            throw new SynchronizationLockException();
        MonitorWaitQueue.Signal(obj, all: false);
    }

    public static void PulseAll(object obj)
    {
        if (!ThinLock.IsHeldByCurrentThread(SyncWords.Of(obj)))
            throw new SynchronizationLockException();
        MonitorWaitQueue.Signal(obj, all: true);
    }
}
