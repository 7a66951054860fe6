using System.Collections.Generic;
using CosmosHybrid.Scheduling;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Scheduling;

public unsafe class FutexQueueTests
{
    private static readonly List<FutexWaiter> s_woken = new();

    private static void Record(FutexWaiter waiter) => s_woken.Add(waiter);

    [SetUp]
    public void Clear() => s_woken.Clear();

    private static int Wake(FutexQueue queue, object owner, ulong address, int count) => queue.Wake(owner, address, count, &Record);

    [Test]
    public void WakeTakesTheOldestWaitersOfThatWordOnly()
    {
        var queue = new FutexQueue();
        var owner = new object();
        var first = new FutexWaiter("first");
        var second = new FutexWaiter("second");
        var third = new FutexWaiter("third");
        var elsewhere = new FutexWaiter("elsewhere");
        queue.Enqueue(first, owner, 0x1000);
        queue.Enqueue(elsewhere, owner, 0x2000);
        queue.Enqueue(second, owner, 0x1000);
        queue.Enqueue(third, owner, 0x1000);

        Assert.That(Wake(queue, owner, 0x1000, 2), Is.EqualTo(2));
        Assert.That(s_woken, Is.EqualTo(new[] { first, second }));
        Assert.That(first.WasWoken && second.WasWoken && !first.IsQueued, Is.True);
        Assert.That(third.IsQueued && !third.WasWoken, Is.True);
        Assert.That(elsewhere.IsQueued, Is.True);
        Assert.That(queue.Count, Is.EqualTo(2));
    }

    [Test]
    public void TheSameAddressInAnotherProcessIsAnotherWord()
    {
        var queue = new FutexQueue();
        var processA = new object();
        var processB = new object();
        var inA = new FutexWaiter("a");
        var inB = new FutexWaiter("b");
        var inKernel = new FutexWaiter("kernel");
        queue.Enqueue(inA, processA, 0x4000);
        queue.Enqueue(inB, processB, 0x4000);
        queue.Enqueue(inKernel, null, 0x4000);

        Assert.That(Wake(queue, processB, 0x4000, int.MaxValue), Is.EqualTo(1));
        Assert.That(s_woken, Is.EqualTo(new[] { inB }));
        Assert.That(Wake(queue, null, 0x4000, int.MaxValue), Is.EqualTo(1));
        Assert.That(s_woken, Is.EqualTo(new[] { inB, inKernel }));
        Assert.That(inA.IsQueued, Is.True);
    }

    [Test]
    public void ATimedOutWaiterLeavesAndIsNotWoken()
    {
        var queue = new FutexQueue();
        var owner = new object();
        var timedOut = new FutexWaiter("timed out");
        var waiting = new FutexWaiter("waiting");
        queue.Enqueue(timedOut, owner, 0x1000);
        queue.Enqueue(waiting, owner, 0x1000);

        queue.Remove(timedOut);
        queue.Remove(timedOut);   // twice: nothing happens
        Assert.That(timedOut.IsQueued || timedOut.WasWoken, Is.False);
        Assert.That(Wake(queue, owner, 0x1000, 1), Is.EqualTo(1));
        Assert.That(s_woken, Is.EqualTo(new[] { waiting }));
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public void AnEndedProcessLeavesNoWaiters()
    {
        var queue = new FutexQueue();
        var dying = new object();
        var living = new object();
        var waiters = new List<FutexWaiter>();
        for (int i = 0; i < 200; i++)
        {
            var waiter = new FutexWaiter(i);
            waiters.Add(waiter);
            queue.Enqueue(waiter, i % 2 == 0 ? dying : living, 0x10_0000 + (ulong)i * 4);
        }

        Assert.That(queue.RemoveOwner(dying), Is.EqualTo(100));
        Assert.That(queue.Count, Is.EqualTo(100));
        for (int i = 0; i < 200; i++)
            Assert.That(waiters[i].IsQueued, Is.EqualTo(i % 2 == 1));
        Assert.That(Wake(queue, dying, 0x10_0000, int.MaxValue), Is.Zero);
        Assert.That(Wake(queue, living, 0x10_0000 + 4, int.MaxValue), Is.EqualTo(1));
    }

    [Test]
    public void AReusedWaiterQueuesAgainInOrder()
    {
        var queue = new FutexQueue();
        var owner = new object();
        var a = new FutexWaiter("a");
        var b = new FutexWaiter("b");
        queue.Enqueue(a, owner, 0x1000);
        Wake(queue, owner, 0x1000, 1);
        queue.Enqueue(b, owner, 0x1000);
        queue.Enqueue(a, owner, 0x1000);
        Assert.That(a.WasWoken, Is.False, "a new wait starts unwoken");
        s_woken.Clear();
        Assert.That(Wake(queue, owner, 0x1000, 5), Is.EqualTo(2));
        Assert.That(s_woken, Is.EqualTo(new[] { b, a }));
    }

    [Test]
    public void WordsThatShareABucketStayApart()
    {
        var queue = new FutexQueue();
        var owner = new object();
        // 64 buckets of (address >> 2) ^ (address >> 12): these collide often.
        var waiters = new List<FutexWaiter>();
        for (ulong i = 0; i < 300; i++)
        {
            var waiter = new FutexWaiter(i);
            waiters.Add(waiter);
            queue.Enqueue(waiter, owner, i * 256);
        }
        for (ulong i = 0; i < 300; i += 3)
            Assert.That(Wake(queue, owner, i * 256, int.MaxValue), Is.EqualTo(1), $"word {i}");
        Assert.That(queue.Count, Is.EqualTo(200));
    }
}
