using System.Collections.Generic;
using System.Linq;
using CosmosHybrid.Scheduling;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Scheduling;

/// <summary>The anti-starvation policy: aging lifts a waiting thread, and the documented bound holds.</summary>
public class AgingTests
{
    private static void Check(RunQueue queue, IEnumerable<SchedulerNode> threads) => RunQueueInvariants.AssertValid(queue, threads);

    [Test]
    public void AWaitingThreadRisesOneLevelPerIntervalAndDropsBackWhenItRuns()
    {
        var policy = new SchedulerPolicy(8, 10, 5, 0);
        var idle = new TestThread("idle", 0);
        var queue = new RunQueue(policy, idle);
        var high = new TestThread("high", 0);
        var low = new TestThread("low", 6);
        var all = new List<SchedulerNode> { idle, high, low };
        queue.Add(high, 0);
        queue.Add(low, 0);
        Assert.That(queue.Schedule(0), Is.SameAs(high));

        // Without the CPU, low rises a level every 5 ticks: 6 → 0 at tick 30.
        for (ulong now = 1; now <= 30; now++)
        {
            if (queue.Tick(now))
                queue.Schedule(now);
            Check(queue, all);
            if (low.State == SchedulerState.Running)
                break;
            Assert.That(low.EffectivePriority, Is.EqualTo(6 - (int)(now / 5)), "tick " + now);
        }

        // At level 0 it queues behind high, which gets the rest of its slice: high's
        // 10-tick slices end at ticks 10, 20, 30, ... and at tick 30 low is level 0.
        Assert.That(low.State, Is.EqualTo(SchedulerState.Running));
        Assert.That(low.EffectivePriority, Is.EqualTo(6), "back to its base priority once it runs");
        Assert.That(low.CpuTicks, Is.Zero);
    }

    [Test]
    public void AgingStopsAtTheCeiling()
    {
        var policy = new SchedulerPolicy(8, 10, 2, 3);
        var idle = new TestThread("idle", 0);
        var queue = new RunQueue(policy, idle);
        var high = new TestThread("high", 1);
        var low = new TestThread("low", 7);
        queue.Add(high, 0);
        queue.Add(low, 0);
        queue.Schedule(0);
        for (ulong now = 1; now <= 1000; now++)
        {
            if (queue.Tick(now))
                queue.Schedule(now);
            Assert.That(low.State, Is.EqualTo(SchedulerState.Ready), "level 1 always outranks the ceiling, level 3");
            Assert.That(low.EffectivePriority, Is.GreaterThanOrEqualTo(3));
        }
        Assert.That(low.EffectivePriority, Is.EqualTo(3));
        Check(queue, new SchedulerNode[] { idle, high, low });
    }

    [Test]
    public void AgingOffMeansStrictPriorities()
    {
        var queue = new RunQueue(new SchedulerPolicy(8, 10, 0, 0), new TestThread("idle", 0));
        var high = new TestThread("high", 2);
        var low = new TestThread("low", 3);
        queue.Add(high, 0);
        queue.Add(low, 0);
        queue.Schedule(0);
        for (ulong now = 1; now <= 5000; now++)
        {
            if (queue.Tick(now))
                queue.Schedule(now);
        }
        Assert.That(low.CpuTicks, Is.Zero);
        Assert.That(low.EffectivePriority, Is.EqualTo(3));
    }

    /// <summary>
    /// The bound of the policy's documentation: with N other threads always runnable at
    /// the top level, a thread of base priority b runs within (b − C)·K + N·S ticks of
    /// becoming ready, every time.
    /// </summary>
    [TestCase(1, 7, 10, 20)]
    [TestCase(3, 7, 10, 20)]
    [TestCase(8, 7, 4, 3)]
    [TestCase(2, 1, 5, 1)]
    [TestCase(5, 4, 1, 50)]
    public void ALowPriorityThreadIsNeverStarvedByBusyHighPriorityThreads(int highCount, int lowPriority, int slice, int interval)
    {
        var policy = new SchedulerPolicy(8, slice, interval, 0);
        var idle = new TestThread("idle", 0);
        var queue = new RunQueue(policy, idle);
        var all = new List<SchedulerNode> { idle };
        for (int i = 0; i < highCount; i++)
        {
            var high = new TestThread("high" + i, 0);
            queue.Add(high, 0);
            all.Add(high);
        }
        var low = new TestThread("low", lowPriority);
        queue.Add(low, 0);
        all.Add(low);
        queue.Schedule(0);

        ulong bound = (ulong)(lowPriority * interval + highCount * slice);
        ulong readySince = 0;
        ulong longestWait = 0;
        int runs = 0;
        const ulong Ticks = 20000;
        for (ulong now = 1; now <= Ticks; now++)
        {
            bool wasRunning = low.State == SchedulerState.Running;
            if (queue.Tick(now))
                queue.Schedule(now);
            if (!wasRunning && low.State == SchedulerState.Running)
            {
                longestWait = System.Math.Max(longestWait, now - readySince);
                runs++;
            }
            if (wasRunning && low.State != SchedulerState.Running)
                readySince = now;
            if (now % 97 == 0)
                Check(queue, all);
        }
        Assert.That(longestWait, Is.LessThanOrEqualTo(bound), "longest wait for the CPU");
        Assert.That(runs, Is.GreaterThanOrEqualTo((int)(Ticks / (bound + (ulong)slice)) - 1), "runs regularly");
        Assert.That(all.OfType<TestThread>().Where(t => t.Name.StartsWith("high")).All(t => t.CpuTicks > 0), "the busy threads share the CPU too");
    }

    [Test]
    public void ThreadsAtEveryLevelAllMakeProgress()
    {
        var queue = new RunQueue(SchedulerPolicy.Default, new TestThread("idle", 0));
        var threads = Enumerable.Range(0, 24).Select(i => new TestThread("t" + i, i % 8)).ToList();
        foreach (TestThread t in threads)
            queue.Add(t, 0);
        queue.Schedule(0);
        for (ulong now = 1; now <= 20000; now++)
        {
            if (queue.Tick(now))
                queue.Schedule(now);
        }
        Assert.That(threads.All(t => t.CpuTicks > 0), string.Join(", ", threads.Select(t => t.Name + ":" + t.CpuTicks)));
        // Priority still matters: the level-0 threads get more than the level-7 ones.
        ulong top = (ulong)threads.Where(t => t.BasePriority == 0).Sum(t => (long)t.CpuTicks);
        ulong bottom = (ulong)threads.Where(t => t.BasePriority == 7).Sum(t => (long)t.CpuTicks);
        Assert.That(top, Is.GreaterThan(bottom));
    }
}
