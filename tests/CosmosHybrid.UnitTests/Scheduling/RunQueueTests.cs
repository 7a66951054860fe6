using System.Collections.Generic;
using System.Linq;
using CosmosHybrid.Scheduling;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Scheduling;

public class RunQueueTests
{
    private static readonly SchedulerPolicy NoAging = new(8, 3, 0, 0);

    private TestThread _idle;
    private RunQueue _queue;
    private List<SchedulerNode> _threads;
    private ulong _now;

    private void Create(SchedulerPolicy policy)
    {
        _idle = new TestThread("idle", 0);
        _queue = new RunQueue(policy, _idle);
        _threads = new List<SchedulerNode> { _idle };
        _now = 0;
    }

    [SetUp]
    public void CreateDefault() => Create(NoAging);

    private TestThread Add(string name, int priority)
    {
        var thread = new TestThread(name, priority, _threads.Count);
        Assert.That(_queue.Add(thread, _now), Is.True);
        _threads.Add(thread);
        Check();
        return thread;
    }

    private void Check() => RunQueueInvariants.AssertValid(_queue, _threads);

    /// <summary>What the kernel's timer interrupt does: tick, and switch if asked to.</summary>
    private SchedulerNode TickAndSwitch()
    {
        _now++;
        if (_queue.Tick(_now))
            _queue.Schedule(_now);
        Check();
        return _queue.Current;
    }

    /// <summary>Names of the threads that ran in each of the next <paramref name="ticks"/> ticks.</summary>
    private string Run(int ticks)
    {
        var names = new List<string>();
        for (int i = 0; i < ticks; i++)
        {
            names.Add(((TestThread)_queue.Current).Name);
            TickAndSwitch();
        }
        return string.Join(" ", names);
    }

    [Test]
    public void TheIdleThreadRunsFirstAndWhenNothingElseCan()
    {
        Assert.That(_queue.Current, Is.SameAs(_idle));
        Assert.That(_idle.State, Is.EqualTo(SchedulerState.Running));
        Assert.That(_queue.Schedule(_now), Is.SameAs(_idle));
        Assert.That(_queue.Tick(1), Is.False, "idle with nothing ready keeps running");
        Assert.That(_idle.CpuTicks, Is.EqualTo(1UL));
        Check();
    }

    [Test]
    public void AThreadBecomingReadyDisplacesIdle()
    {
        TestThread a = Add("a", 7);
        Assert.That(_queue.NeedsReschedule, Is.True, "even the lowest priority outranks idle");
        Assert.That(_queue.Schedule(_now), Is.SameAs(a));
        Assert.That(a.State, Is.EqualTo(SchedulerState.Running));
        Assert.That(_idle.State, Is.EqualTo(SchedulerState.Ready));
        Assert.That(_queue.NeedsReschedule, Is.False);
        Check();
    }

    [Test]
    public void ThreadsOfOneLevelTakeTurnsEachForASlice()
    {
        Add("a", 3);
        Add("b", 3);
        Add("c", 3);
        _queue.Schedule(_now);

        Assert.That(Run(12), Is.EqualTo("a a a b b b c c c a a a"));
    }

    [Test]
    public void AThreadAloneKeepsItsSliceRenewed()
    {
        TestThread a = Add("a", 3);
        Add("low", 5);
        _queue.Schedule(_now);
        for (int i = 0; i < 50; i++)
        {
            _now++;
            Assert.That(_queue.Tick(_now), Is.False, "a lower-priority thread never takes the CPU without aging");
        }
        Assert.That(a.CpuTicks, Is.EqualTo(50UL));
        Assert.That(a.Dispatches, Is.EqualTo(1UL));
    }

    [Test]
    public void TheHighestPriorityRunsFirstWhateverTheOrderOfArrival()
    {
        Add("low", 6);
        Add("mid", 3);
        TestThread high = Add("high", 0);
        Add("mid2", 3);

        Assert.That(_queue.Schedule(_now), Is.SameAs(high));
        Assert.That(Run(9), Is.EqualTo("high high high high high high high high high"));

        _queue.Remove(high);
        _queue.Schedule(_now);
        Assert.That(Run(12), Is.EqualTo("mid mid mid mid2 mid2 mid2 mid mid mid mid2 mid2 mid2"));
    }

    [Test]
    public void AHigherPriorityThreadPreemptsAtOnceAnEqualOneWaitsForTheSlice()
    {
        TestThread a = Add("a", 4);
        _queue.Schedule(_now);

        Add("b", 4);
        Assert.That(_queue.NeedsReschedule, Is.False, "same priority: wait for the slice");

        Add("c", 2);
        Assert.That(_queue.NeedsReschedule, Is.True, "higher priority: preempt");
        Assert.That(_queue.Schedule(_now).Name(), Is.EqualTo("c"));
        Assert.That(a.State, Is.EqualTo(SchedulerState.Ready));
        Check();
    }

    [Test]
    public void YieldGoesToTheBackOfTheLevel()
    {
        TestThread a = Add("a", 2);
        TestThread b = Add("b", 2);
        Add("low", 5);
        _queue.Schedule(_now);

        Assert.That(_queue.Yield(_now), Is.SameAs(b));
        Assert.That(_queue.Yield(_now), Is.SameAs(a));
        _queue.Remove(b);
        Assert.That(_queue.Yield(_now), Is.SameAs(a), "yield never hands the CPU to a lower priority");
        Check();
    }

    [Test]
    public void YieldStartsAFreshSlice()
    {
        Add("a", 2);
        Add("b", 2);
        _queue.Schedule(_now);
        Run(2);
        _queue.Yield(_now);

        Assert.That(Run(7), Is.EqualTo("b b b a a a b"));
    }

    [Test]
    public void ASleeperWakesAtItsTickAndNotBefore()
    {
        TestThread a = Add("a", 3);
        TestThread busy = Add("busy", 5);
        _queue.Schedule(_now);
        Assert.That(_queue.Sleep(10), Is.True);
        Assert.That(_queue.Current, Is.Null);
        Assert.That(_queue.NeedsReschedule, Is.True);
        Assert.That(_queue.Schedule(_now), Is.SameAs(busy));
        Check();

        Assert.That(_queue.TryGetNextWakeTick(out ulong wake), Is.True);
        Assert.That(wake, Is.EqualTo(10UL));
        for (_now = 1; _now < 10; _now++)
        {
            Assert.That(_queue.Tick(_now), Is.False, "tick " + _now);
            Assert.That(a.State, Is.EqualTo(SchedulerState.Sleeping), "tick " + _now);
        }
        Assert.That(_queue.Tick(10), Is.True, "woken at tick 10, and it outranks the running thread");
        Assert.That(a.State, Is.EqualTo(SchedulerState.Ready));
        Assert.That(_queue.Schedule(10), Is.SameAs(a));
        Assert.That(_queue.TryGetNextWakeTick(out _), Is.False);
        Check();
    }

    [Test]
    public void SleepersWakeInTickOrderAndTiesInArrivalOrder()
    {
        int[] wakeTicks = { 7, 3, 9, 3, 1, 7, 20, 3 };
        var threads = wakeTicks.Select((t, i) => Add("s" + i, 4)).ToList();
        for (int i = 0; i < threads.Count; i++)
        {
            Assert.That(_queue.Schedule(_now), Is.SameAs(threads[i]));
            _queue.Sleep((ulong)wakeTicks[i]);
        }
        Assert.That(_queue.Schedule(_now), Is.SameAs(_idle));

        var order = new List<string>();
        for (_now = 1; _now <= 20; _now++)
        {
            _queue.Tick(_now);
            for (SchedulerNode n = _queue.FirstReady(4); n != null; n = RunQueue.NextReady(n))
            {
                if (!order.Contains(((TestThread)n).Name))
                {
                    order.Add(((TestThread)n).Name);
                    Assert.That(n.WakeTick, Is.EqualTo(_now), n + " woke at tick " + _now);
                }
            }
            Check();
        }
        Assert.That(string.Join(" ", order), Is.EqualTo("s4 s1 s3 s7 s0 s5 s2 s6"));
    }

    [Test]
    public void ASleepInThePastEndsAtTheNextTick()
    {
        _now = 100;
        TestThread a = Add("a", 4);
        _queue.Schedule(_now);
        _queue.Sleep(50);
        _queue.Schedule(_now);

        Assert.That(a.State, Is.EqualTo(SchedulerState.Sleeping));
        Assert.That(_queue.Tick(101), Is.True);
        Assert.That(a.State, Is.EqualTo(SchedulerState.Ready));
    }

    [Test]
    public void ABlockedThreadRunsOnlyAfterWake()
    {
        TestThread a = Add("a", 1);
        TestThread b = Add("b", 4);
        _queue.Schedule(_now);
        Assert.That(_queue.Block(), Is.True);
        Assert.That(_queue.BlockedCount, Is.EqualTo(1));
        Assert.That(_queue.Schedule(_now), Is.SameAs(b));
        Check();

        for (int i = 0; i < 100; i++)
            Assert.That(TickAndSwitch(), Is.SameAs(b));
        Assert.That(_queue.Wake(b, _now), Is.False, "b is not waiting");
        Assert.That(_queue.Wake(a, _now), Is.True);
        Assert.That(_queue.NeedsReschedule, Is.True);
        Assert.That(_queue.Schedule(_now), Is.SameAs(a));
        Assert.That(_queue.BlockedCount, Is.Zero);
        Check();
    }

    [Test]
    public void WakeCutsASleepShortAndTheOldWakeTickIsForgotten()
    {
        TestThread a = Add("a", 4);
        _queue.Schedule(_now);
        _queue.Sleep(10);
        _queue.Schedule(_now);

        _now = 2;
        Assert.That(_queue.Wake(a, _now), Is.True);
        Assert.That(_queue.SleepingCount, Is.Zero);
        Assert.That(_queue.Schedule(_now), Is.SameAs(a));
        _queue.Sleep(30);
        _queue.Schedule(_now);
        for (_now = 3; _now < 30; _now++)
        {
            _queue.Tick(_now);
            Assert.That(a.State, Is.EqualTo(SchedulerState.Sleeping), "tick " + _now);
        }
        _queue.Tick(30);
        Assert.That(a.State, Is.EqualTo(SchedulerState.Ready));
    }

    [Test]
    public void RemoveWorksFromEveryState()
    {
        TestThread ready = Add("ready", 4);
        TestThread sleeping = Add("sleeping", 2);
        TestThread blocked = Add("blocked", 2);
        TestThread running = Add("running", 1);

        Assert.That(_queue.Schedule(_now), Is.SameAs(running));
        _queue.Yield(_now); // still running: the only level-1 thread
        Assert.That(_queue.SetPriority(running, 3, _now), Is.True);
        Assert.That(_queue.Schedule(_now), Is.SameAs(sleeping));
        _queue.Sleep(5);
        Assert.That(_queue.Schedule(_now), Is.SameAs(blocked));
        _queue.Block();
        Assert.That(_queue.Schedule(_now), Is.SameAs(running));
        Assert.That(_queue.ThreadCount, Is.EqualTo(4));
        Check();

        foreach (TestThread t in new[] { ready, sleeping, blocked, running })
        {
            SchedulerState before = t.State;
            Assert.That(_queue.Remove(t), Is.True, before.ToString());
            Assert.That(t.State, Is.EqualTo(SchedulerState.Detached));
            Assert.That(_queue.Remove(t), Is.False, "twice");
            Check();
        }
        Assert.That(_queue.Current, Is.Null);
        Assert.That(_queue.ThreadCount, Is.Zero);
        Assert.That(_queue.ReadyCount + _queue.SleepingCount + _queue.BlockedCount, Is.Zero);

        for (_now = 1; _now < 10; _now++)
            _queue.Tick(_now);
        Assert.That(sleeping.State, Is.EqualTo(SchedulerState.Detached), "a removed sleeper never wakes");
        Assert.That(_queue.Schedule(_now), Is.SameAs(_idle));

        Assert.That(_queue.Add(sleeping, _now), Is.True, "a removed thread can be added again");
        Assert.That(_queue.Schedule(_now), Is.SameAs(sleeping));
        Check();
    }

    [Test]
    public void RefusesWhatMakesNoSense()
    {
        TestThread a = Add("a", 4);
        Assert.That(_queue.Add(a, _now), Is.False, "already added");
        Assert.That(_queue.Add(_idle, _now), Is.False, "idle");
        Assert.That(_queue.Add(null, _now), Is.False);
        Assert.That(_queue.Remove(_idle), Is.False);
        Assert.That(_queue.Wake(_idle, _now), Is.False);
        Assert.That(_queue.SetPriority(_idle, 0, _now), Is.False);
        Assert.That(_queue.Sleep(5), Is.False, "idle cannot sleep");
        Assert.That(_queue.Block(), Is.False, "idle cannot block");

        var other = new RunQueue(NoAging, new TestThread("idle2", 0));
        var foreign = new TestThread("foreign", 3);
        other.Add(foreign, 0);
        Assert.That(_queue.Remove(foreign), Is.False);
        Assert.That(_queue.Wake(foreign, _now), Is.False);
        Assert.That(_queue.Add(foreign, _now), Is.False, "owned by another queue");

        _queue.Schedule(_now);
        _queue.Block();
        Assert.That(_queue.Sleep(5), Is.False, "nothing running");
        Assert.That(_queue.Block(), Is.False, "nothing running");
        Assert.That(_queue.Tick(1), Is.True, "nothing running: reschedule");
        Check();
    }

    [Test]
    public void PrioritiesAreClampedToTheLevels()
    {
        TestThread tooLow = Add("tooLow", 99);
        TestThread negative = Add("negative", -5);
        Assert.That(tooLow.BasePriority, Is.EqualTo(7));
        Assert.That(negative.BasePriority, Is.EqualTo(0));
        _queue.SetPriority(negative, 1000, _now);
        Assert.That(negative.BasePriority, Is.EqualTo(7));
        Check();
    }

    [Test]
    public void SetPriorityMovesAReadyThreadAndCanPreempt()
    {
        TestThread a = Add("a", 3);
        TestThread b = Add("b", 5);
        _queue.Schedule(_now);
        Assert.That(_queue.SetPriority(b, 1, _now), Is.True);
        Assert.That(b.EffectivePriority, Is.EqualTo(1));
        Assert.That(_queue.NeedsReschedule, Is.True);
        Assert.That(_queue.Schedule(_now), Is.SameAs(b));

        _queue.SetPriority(b, 6, _now);
        Assert.That(_queue.NeedsReschedule, Is.True, "the running thread dropped below a ready one");
        Assert.That(_queue.Schedule(_now), Is.SameAs(a));
        Check();
    }

    [Test]
    public void IdleGivesWayWhenASleeperWakes()
    {
        TestThread a = Add("a", 7);
        _queue.Schedule(_now);
        _queue.Sleep(3);
        Assert.That(_queue.Schedule(_now), Is.SameAs(_idle));
        Assert.That(TickAndSwitch(), Is.SameAs(_idle));
        Assert.That(TickAndSwitch(), Is.SameAs(_idle));
        Assert.That(TickAndSwitch(), Is.SameAs(a), "tick 3");
        Assert.That(_idle.CpuTicks, Is.EqualTo(3UL));
    }

    [Test]
    public void CpuTimeIsChargedToTheRunningThread()
    {
        TestThread a = Add("a", 2);
        TestThread b = Add("b", 2);
        _queue.Schedule(_now);
        Run(30);
        Assert.That(a.CpuTicks, Is.EqualTo(15UL));
        Assert.That(b.CpuTicks, Is.EqualTo(15UL));
        Assert.That(a.Dispatches, Is.EqualTo(6UL), "at ticks 0, 6, 12, 18, 24 and 30");
    }
}

internal static class SchedulerNodeNames
{
    public static string Name(this SchedulerNode node) => ((TestThread)node).Name;
}
