using CosmosHybrid.Scheduling;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>
/// The run-queue policy compiled by ilc and run in the kernel (no threads are
/// switched: the nodes are plain objects). Mirrors the main host-test cases.
/// </summary>
internal static class RunQueueTests
{
    public static void Run()
    {
        RoundRobinAndPriorities();
        SleepAndWake();
        NoStarvation();
        RemoveFromEveryState();
    }

    private static ulong Step(RunQueue queue, ulong now)
    {
        if (queue.Tick(now))
            queue.Schedule(now);
        return now;
    }

    private static void RoundRobinAndPriorities()
    {
        Begin("scheduler: round robin and priorities");
        var idle = new SchedulerNode(0, 0);
        var queue = new RunQueue(new SchedulerPolicy(8, 2, 0, 0), idle);
        var a = new SchedulerNode(1, 3);
        var b = new SchedulerNode(2, 3);
        var low = new SchedulerNode(3, 6);
        queue.Add(a, 0);
        queue.Add(b, 0);
        queue.Add(low, 0);
        Check(queue.Schedule(0) == a, "first come first served");
        int[] expected = { 1, 1, 2, 2, 1, 1, 2, 2 };
        bool order = true;
        for (int i = 0; i < expected.Length; i++)
        {
            order &= queue.Current.Id == expected[i];
            Step(queue, (ulong)i + 1);
        }
        Check(order, "a a b b a a b b");
        Check(low.CpuTicks == 0, "lower priority waits (aging off)");
        SchedulerNode before = queue.Current;
        SchedulerNode after = queue.Yield(10);
        Check(after != before && after.BasePriority == 3, "yield passes the CPU to the other level-3 thread");
    }

    private static void SleepAndWake()
    {
        Begin("scheduler: sleep and wake");
        var idle = new SchedulerNode(0, 0);
        var queue = new RunQueue(SchedulerPolicy.Default, idle);
        var sleeper = new SchedulerNode(1, 2);
        queue.Add(sleeper, 0);
        queue.Schedule(0);
        queue.Sleep(5);
        Check(queue.Schedule(0) == idle, "idle while the only thread sleeps");
        bool early = false;
        for (ulong now = 1; now < 5; now++)
        {
            Step(queue, now);
            early |= sleeper.State != SchedulerState.Sleeping;
        }
        Check(!early, "not woken before tick 5");
        Step(queue, 5);
        Check(queue.Current == sleeper, "woken and running at tick 5");
        queue.Block();
        queue.Schedule(5);
        Check(queue.Wake(sleeper, 6) && queue.NeedsReschedule, "blocked thread woken");
    }

    private static void NoStarvation()
    {
        Begin("scheduler: aging prevents starvation");
        var policy = new SchedulerPolicy(8, 10, 20, 0);
        var queue = new RunQueue(policy, new SchedulerNode(0, 0));
        var high1 = new SchedulerNode(1, 0);
        var high2 = new SchedulerNode(2, 0);
        var low = new SchedulerNode(3, 7);
        queue.Add(high1, 0);
        queue.Add(high2, 0);
        queue.Add(low, 0);
        queue.Schedule(0);
        ulong bound = 7 * 20 + 2 * 10;
        ulong lastRan = 0;
        ulong longest = 0;
        for (ulong now = 1; now <= 5000; now++)
        {
            Step(queue, now);
            if (queue.Current == low)
            {
                if (now - lastRan > longest)
                    longest = now - lastRan;
                lastRan = now;
            }
        }
        Check(low.CpuTicks > 0, "low priority thread ran");
        Check(longest <= bound + 10, "longest gap " + longest.ToString() + " within the bound");
    }

    private static void RemoveFromEveryState()
    {
        Begin("scheduler: remove from every state");
        var queue = new RunQueue(SchedulerPolicy.Default, new SchedulerNode(0, 0));
        var nodes = new SchedulerNode[4];
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new SchedulerNode(i + 1, 4);
            queue.Add(nodes[i], 0);
        }
        queue.Schedule(0);
        queue.Sleep(100);
        queue.Schedule(0);
        queue.Block();
        queue.Schedule(0);
        Equal(4, queue.ThreadCount, "threads");
        Equal(1, queue.SleepingCount, "sleeping");
        Equal(1, queue.BlockedCount, "blocked");
        Equal(1, queue.ReadyCount, "ready");
        bool removed = true;
        for (int i = 0; i < nodes.Length; i++)
            removed &= queue.Remove(nodes[i]) && nodes[i].State == SchedulerState.Detached;
        Check(removed, "each removed");
        Equal(0, queue.ThreadCount + queue.SleepingCount + queue.BlockedCount + queue.ReadyCount, "nothing left");
        Check(queue.Schedule(1) == queue.Idle, "idle");
    }
}
