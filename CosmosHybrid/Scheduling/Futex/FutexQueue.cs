using System.Runtime.CompilerServices;

namespace CosmosHybrid.Scheduling;

/// <summary>
/// The threads waiting on user (or kernel) words, futex-style: a waiter is filed under
/// (owner, address) and a wake takes the longest-waiting ones of exactly that key, first
/// come first woken. Buckets of doubly linked lists, so a waiter that times out or whose
/// process dies leaves in O(1). Pure bookkeeping, tested on the host: blocking, the clock
/// and reading the word are the caller's (<c>KernelFutex</c>), which holds the lock
/// (interrupts off) around every call. Allocates nothing.
/// </summary>
public sealed unsafe class FutexQueue
{
    private const int BucketCount = 64;   // a power of two

    private readonly FutexWaiter[] _heads = new FutexWaiter[BucketCount];
    private readonly FutexWaiter[] _tails = new FutexWaiter[BucketCount];
    private int _count;

    /// <summary>How many threads wait, on any word.</summary>
    public int Count => _count;

    /// <summary>Files <paramref name="waiter"/> (not queued) at the end of the (owner, address) line.</summary>
    public void Enqueue(FutexWaiter waiter, object owner, ulong address)
    {
        waiter.Owner = owner;
        waiter.Address = address;
        waiter.WasWoken = false;
        waiter.IsQueued = true;
        waiter.Next = null;
        int bucket = BucketOf(address);
        FutexWaiter tail = _tails[bucket];
        waiter.Previous = tail;
        if (tail == null)
            _heads[bucket] = waiter;
        else
            tail.Next = waiter;
        _tails[bucket] = waiter;
        _count++;
    }

    /// <summary>
    /// Takes up to <paramref name="count"/> waiters of (owner, address), oldest first, marks them
    /// woken and hands each to <paramref name="wake"/>; returns how many it took.
    /// </summary>
    public int Wake(object owner, ulong address, int count, delegate*<FutexWaiter, void> wake)
    {
        int woken = 0;
        FutexWaiter waiter = _heads[BucketOf(address)];
        while (waiter != null && woken < count)
        {
            FutexWaiter next = waiter.Next;
            if (waiter.Address == address && waiter.Owner == owner)
            {
                Unlink(waiter);
                waiter.WasWoken = true;
                woken++;
                wake(waiter);
            }
            waiter = next;
        }
        return woken;
    }

    /// <summary>Takes <paramref name="waiter"/> out if it is still queued (its time-out ran out).</summary>
    public void Remove(FutexWaiter waiter)
    {
        if (waiter.IsQueued)
            Unlink(waiter);
    }

    /// <summary>Forgets every waiter of <paramref name="owner"/> (its process ended); returns how many.</summary>
    public int RemoveOwner(object owner)
    {
        int removed = 0;
        for (int bucket = 0; bucket < BucketCount; bucket++)
        {
            FutexWaiter waiter = _heads[bucket];
            while (waiter != null)
            {
                FutexWaiter next = waiter.Next;
                if (waiter.Owner == owner)
                {
                    Unlink(waiter);
                    removed++;
                }
                waiter = next;
            }
        }
        return removed;
    }

    private void Unlink(FutexWaiter waiter)
    {
        int bucket = BucketOf(waiter.Address);
        if (waiter.Previous == null)
            _heads[bucket] = waiter.Next;
        else
            waiter.Previous.Next = waiter.Next;
        if (waiter.Next == null)
            _tails[bucket] = waiter.Previous;
        else
            waiter.Next.Previous = waiter.Previous;
        waiter.Next = null;
        waiter.Previous = null;
        waiter.IsQueued = false;
        _count--;
    }

    // Words are 4-byte aligned; mixing in the page number spreads words at the same page offset.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int BucketOf(ulong address) => (int)((address >> 2) ^ (address >> 12)) & (BucketCount - 1);
}
