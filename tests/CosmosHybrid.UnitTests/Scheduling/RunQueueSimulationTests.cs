using System;
using System.Collections.Generic;
using System.Linq;
using CosmosHybrid.Scheduling;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Scheduling;

/// <summary>
/// Long random runs: threads are added, killed, sleep, block, get woken, yield and
/// change priority while the clock ticks. After every step all invariants are
/// checked, and each scheduling decision is compared with what the policy says.
/// </summary>
public class RunQueueSimulationTests
{
    [TestCase(1, 8, 10, 20, 0, 40)]
    [TestCase(2, 8, 3, 5, 0, 200)]
    [TestCase(3, 4, 1, 1, 1, 16)]
    [TestCase(4, 32, 7, 0, 0, 100)]
    [TestCase(5, 1, 2, 3, 0, 10)]
    public void RandomOperationsKeepEveryThreadInExactlyOnePlace(int seed, int levels, int slice, int interval, int ceiling, int maxThreads)
    {
        var random = new Random(seed);
        var policy = new SchedulerPolicy(levels, slice, interval, ceiling);
        var idle = new TestThread("idle", 0);
        var queue = new RunQueue(policy, idle);
        var all = new List<SchedulerNode> { idle };
        int nextId = 1;
        ulong now = 0;
        int steps = 30000;
        int removed = 0;

        for (int step = 0; step < steps; step++)
        {
            List<SchedulerNode> managed = all.Where(t => t != idle).ToList(); // removed threads leave `all`
            SchedulerNode current = queue.Current;
            bool someoneRuns = current != null && current != idle;
            int action = random.Next(100);
            string what;

            if (action < 35)
            {
                what = "tick";
                now++;
                var dueBefore = all.Where(t => t.State == SchedulerState.Sleeping && t.WakeTick <= now).ToList();
                var notDue = all.Where(t => t.State == SchedulerState.Sleeping && t.WakeTick > now).ToList();
                bool reschedule = queue.Tick(now);
                if (!dueBefore.All(t => t.State == SchedulerState.Ready))
                    Assert.Fail("a due sleeper did not wake at tick " + now);
                if (!notDue.All(t => t.State == SchedulerState.Sleeping))
                    Assert.Fail("a sleeper woke before its tick " + now);
                if (reschedule)
                    ScheduleAndCheckPick(queue, now);
            }
            else if (action < 45 && managed.Count < maxThreads)
            {
                what = "add";
                var thread = new TestThread("t" + nextId, random.Next(-1, levels + 1), nextId);
                nextId++;
                all.Add(thread);
                Assert.That(queue.Add(thread, now), Is.True);
            }
            else if (action < 55)
            {
                what = "schedule";
                ScheduleAndCheckPick(queue, now);
            }
            else if (action < 63 && someoneRuns)
            {
                what = "sleep";
                Assert.That(queue.Sleep(now + (ulong)random.Next(0, 30)), Is.True);
                ScheduleAndCheckPick(queue, now);
            }
            else if (action < 70 && someoneRuns)
            {
                what = "block";
                Assert.That(queue.Block(), Is.True);
                ScheduleAndCheckPick(queue, now);
            }
            else if (action < 80 && managed.Count > 0)
            {
                SchedulerNode target = managed[random.Next(managed.Count)];
                what = "wake " + target;
                bool waiting = target.State is SchedulerState.Sleeping or SchedulerState.Blocked;
                Assert.That(queue.Wake(target, now), Is.EqualTo(waiting));
                if (waiting)
                    Assert.That(target.State, Is.EqualTo(SchedulerState.Ready));
            }
            else if (action < 87 && managed.Count > 0)
            {
                SchedulerNode target = managed[random.Next(managed.Count)];
                what = "remove " + target;
                Assert.That(queue.Remove(target), Is.True);
                Assert.That(queue.Remove(target), Is.False);
                if (random.Next(4) == 0)
                {
                    what += " and re-add";
                    Assert.That(queue.Add(target, now), Is.True);
                }
                else
                {
                    // Checked once more as detached, then forgotten, so `all` stays small.
                    RunQueueInvariants.AssertValid(queue, all);
                    all.Remove(target);
                    removed++;
                }
            }
            else if (action < 92 && managed.Count > 0)
            {
                SchedulerNode target = managed[random.Next(managed.Count)];
                what = "priority " + target;
                Assert.That(queue.SetPriority(target, random.Next(-2, levels + 2), now), Is.True);
            }
            else if (action < 97 && someoneRuns)
            {
                what = "yield";
                ScheduleAndCheckPick(queue, now, yield: true);
            }
            else
            {
                what = "idle check";
                if (queue.ReadyCount == 0 && (queue.Current == null || queue.Current == idle))
                    Assert.That(queue.Schedule(now), Is.SameAs(idle));
            }

            try
            {
                RunQueueInvariants.AssertValid(queue, all);
            }
            catch (AssertionException)
            {
                TestContext.Out.WriteLine("after step " + step + ": " + what);
                throw;
            }
        }
        Assert.That(removed, Is.GreaterThan(100), "threads were killed in every state");
        Assert.That(nextId, Is.GreaterThan(maxThreads), "threads came and went");
        Assert.That(idle.Dispatches, Is.GreaterThan(0), "the CPU went idle at times");
    }

    /// <summary>Schedule, and check the pick is a thread of the best effective priority that was ready (or idle if none).</summary>
    private static void ScheduleAndCheckPick(RunQueue queue, ulong now, bool yield = false)
    {
        SchedulerNode previous = queue.Current;
        int best = queue.HighestReadyPriority;
        if (previous != null && previous != queue.Idle && (best < 0 || previous.BasePriority < best))
            best = previous.BasePriority;
        SchedulerNode head = best < 0 ? null : queue.FirstReady(best);

        SchedulerNode next = yield ? queue.Yield(now) : queue.Schedule(now);

        if (best < 0)
        {
            Assert.That(next, Is.SameAs(queue.Idle), "idle only when nothing is ready");
            return;
        }
        Assert.That(next, Is.Not.SameAs(queue.Idle), "a ready thread is preferred to idle");
        // The head of the best level, or the running thread if it alone is that good
        // (it goes to the back of its level, so it is picked only if it is alone there).
        Assert.That(next, Is.SameAs(head ?? previous));
        Assert.That(next.State, Is.EqualTo(SchedulerState.Running));
        Assert.That(next.SliceRemaining, Is.EqualTo(queue.Policy.TimeSliceTicks));
        Assert.That(queue.NeedsReschedule, Is.False);
    }
}
