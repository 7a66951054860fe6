using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Threading;

/// <summary>
/// The lock under <see cref="Monitor"/> and <see cref="Lock"/>: a state word that holds the
/// owner's managed thread id (0: free) and a "contended" bit, and a recursion count beside it.
/// Taking a free lock is one compare-and-swap, releasing an uncontended one one exchange: no
/// system call. A thread that finds it taken spins briefly, then marks it contended and sleeps
/// on the state word (<see cref="RuntimeHost.WaitOnAddress"/>); the releaser of a contended lock
/// wakes one sleeper (a futex mutex as in Drepper's "Futexes Are Tricky", with an owner).
/// </summary>
internal static unsafe class ThinLock
{
    public const int ContendedBit = unchecked((int)0x8000_0000);
    public const int OwnerMask = 0x7FFF_FFFF;
    // One CPU: the owner cannot run while we spin, so spin only a little (it may be about to release).
    private const int SpinLimit = 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(int* state, int* recursion)
    {
        int self = Thread.CurrentManagedThreadIdFast;
        if (Interlocked.CompareExchange(ref *state, self, 0) != 0)
            EnterSlow(state, recursion, self, Timeout.Infinite);
    }

    /// <summary>Takes the lock within <paramref name="timeoutMs"/> (-1: no limit); false when it could not.</summary>
    public static bool TryEnter(int* state, int* recursion, int timeoutMs)
    {
        int self = Thread.CurrentManagedThreadIdFast;
        return Interlocked.CompareExchange(ref *state, self, 0) == 0 || EnterSlow(state, recursion, self, timeoutMs);
    }

    public static bool IsHeldByCurrentThread(int* state) => (Volatile.Read(ref *state) & OwnerMask) == Thread.CurrentManagedThreadIdFast;

    /// <summary>
    /// Releases the lock. The fast path is the uncontended, unrecursed release: state and recursion
    /// together (<paramref name="recursion"/> is the int after <paramref name="state"/>) are exactly our
    /// id, with no contended bit and a zero count, and one 8-byte compare-and-swap clears them. Everything
    /// else (recursion, sleepers, a non-owner) is <see cref="ExitSlow"/>. Ids are never 0, so a free
    /// lock never matches.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(int* state, int* recursion)
    {
        long self = (uint)Thread.CurrentManagedThreadIdFast;
        if (Interlocked.CompareExchange(ref *(long*)state, 0, self) != self)
            ExitSlow(state, recursion, (int)self);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ExitSlow(int* state, int* recursion, int self)
    {
        int s = *state;
        if ((s & OwnerMask) != self)
            throw new SynchronizationLockException();
        if (*recursion != 0)
        {
            (*recursion)--;
            return;
        }
        if ((Interlocked.Exchange(ref *state, 0) & ContendedBit) != 0)
            RuntimeHost.WakeAddress(state, 1);
    }

    /// <summary>Releases the lock whatever its recursion (Monitor.Wait); returns the recursion to restore.</summary>
    public static int ExitFully(int* state, int* recursion)
    {
        int saved = *recursion;
        *recursion = 0;
        if ((Interlocked.Exchange(ref *state, 0) & ContendedBit) != 0)
            RuntimeHost.WakeAddress(state, 1);
        return saved;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool EnterSlow(int* state, int* recursion, int self, int timeoutMs)
    {
        if ((Volatile.Read(ref *state) & OwnerMask) == self)
        {
            (*recursion)++;
            return true;
        }
        for (int spin = 0; spin < SpinLimit; spin++)
        {
            if (*state == 0 && Interlocked.CompareExchange(ref *state, self, 0) == 0)
                return true;
            Thread.SpinWait(8);
        }
        if (timeoutMs == 0)
            return false;
        long deadline = timeoutMs > 0 ? RuntimeHost.MonotonicMilliseconds() + timeoutMs : 0;
        while (true)
        {
            int s = Volatile.Read(ref *state);
            if ((s & OwnerMask) == 0)
            {
                // Free: take it marked contended, since others may still sleep on the word.
                if (Interlocked.CompareExchange(ref *state, self | ContendedBit, s) == s)
                    return true;
                continue;
            }
            if ((s & ContendedBit) == 0 && Interlocked.CompareExchange(ref *state, s | ContendedBit, s) != s)
                continue;
            int wait = Timeout.Remaining(deadline, timeoutMs);
            if (wait == 0)
                return false;
            RuntimeHost.WaitOnAddress(state, s | ContendedBit, wait);
        }
    }
}
