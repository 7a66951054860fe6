using System.Collections.Generic;
using CosmosHybrid.Scheduling;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Scheduling;

/// <summary>The IPC fast path: a direct switch to a waiting thread, with the time slice donated.</summary>
public class HandOffTests
{
    private TestThread _idle;
    private RunQueue _queue;
    private List<SchedulerNode> _threads;

    private TestThread Add(string name, int priority)
    {
        var thread = new TestThread(name, priority, _threads.Count);
        Assert.That(_queue.Add(thread, 0), Is.True);
        _threads.Add(thread);
        return thread;
    }

    [SetUp]
    public void Create()
    {
        _idle = new TestThread("idle", 0);
        _queue = new RunQueue(new SchedulerPolicy(8, 10, 0, 0), _idle);
        _threads = new List<SchedulerNode> { _idle };
    }

    private (TestThread Client, TestThread Server) ClientRunningServerBlocked()
    {
        TestThread server = Add("server", 4);
        TestThread client = Add("client", 4);
        Assert.That(_queue.Schedule(1), Is.SameAs(server));
        Assert.That(_queue.Block(), Is.True);                 // server waits for a message
        Assert.That(_queue.Schedule(1), Is.SameAs(client));
        return (client, server);
    }

    [Test]
    public void CallBlocksTheClientAndRunsTheServerAtOnce()
    {
        var (client, server) = ClientRunningServerBlocked();
        _queue.Tick(2);
        _queue.Tick(3);                                       // client used 2 of its 10 ticks

        Assert.That(_queue.HandOff(server, blockCurrent: true, now: 3), Is.SameAs(server));

        Assert.That(_queue.Current, Is.SameAs(server));
        Assert.That(server.State, Is.EqualTo(SchedulerState.Running));
        Assert.That(client.State, Is.EqualTo(SchedulerState.Blocked));
        Assert.That(server.SliceRemaining, Is.EqualTo(8), "the rest of the client's slice");
        Assert.That(_queue.NeedsReschedule, Is.False);
        RunQueueInvariants.AssertValid(_queue, _threads);
    }

    [Test]
    public void ReplyHandsBackAndTheServerWaitsAgain()
    {
        var (client, server) = ClientRunningServerBlocked();
        _queue.HandOff(server, blockCurrent: true, now: 2);

        Assert.That(_queue.HandOff(client, blockCurrent: true, now: 3), Is.SameAs(client));

        Assert.That(client.State, Is.EqualTo(SchedulerState.Running));
        Assert.That(server.State, Is.EqualTo(SchedulerState.Blocked));
        RunQueueInvariants.AssertValid(_queue, _threads);
    }

    [Test]
    public void HandOffWithoutBlockingLeavesTheCallerReady()
    {
        var (client, server) = ClientRunningServerBlocked();

        _queue.HandOff(server, blockCurrent: false, now: 2);

        Assert.That(client.State, Is.EqualTo(SchedulerState.Ready));
        RunQueueInvariants.AssertValid(_queue, _threads);
    }

    [Test]
    public void ASleepingTargetIsTakenOffTheSleepList()
    {
        TestThread server = Add("server", 4);
        TestThread client = Add("client", 4);
        _queue.Schedule(1);
        _queue.Sleep(100);                                    // server waits with a time-out
        _queue.Schedule(1);

        Assert.That(_queue.HandOff(server, blockCurrent: true, now: 2), Is.SameAs(server));
        Assert.That(_queue.SleepingCount, Is.Zero);
        _queue.Tick(200);
        Assert.That(server.State, Is.EqualTo(SchedulerState.Running), "no stale wake-up later");
        RunQueueInvariants.AssertValid(_queue, _threads);
    }

    [Test]
    public void HandOffToAThreadThatIsNotWaitingIsRefused()
    {
        TestThread a = Add("a", 4);
        TestThread b = Add("b", 4);
        _queue.Schedule(1);                                   // a runs, b is ready

        Assert.That(_queue.HandOff(b, blockCurrent: true, now: 2), Is.Null);
        Assert.That(_queue.HandOff(_idle, blockCurrent: true, now: 2), Is.Null);
        Assert.That(_queue.Current, Is.SameAs(a));
        RunQueueInvariants.AssertValid(_queue, _threads);
    }

    [Test]
    public void AHigherPriorityReadyThreadStillPreemptsAfterTheHandOff()
    {
        var (client, server) = ClientRunningServerBlocked();
        TestThread urgent = Add("urgent", 0);                 // ready, higher than both

        _queue.HandOff(server, blockCurrent: true, now: 2);

        Assert.That(_queue.NeedsReschedule, Is.True);
        Assert.That(_queue.Schedule(2), Is.SameAs(urgent));
        RunQueueInvariants.AssertValid(_queue, _threads);
    }
}
