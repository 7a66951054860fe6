using System.Collections.Generic;
using CosmosHybrid.Scheduling;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Scheduling;

/// <summary>
/// Walks every structure of a <see cref="RunQueue"/> and checks that each managed
/// thread is in exactly one place, consistent with its state, and that the counts,
/// the bitmap, the list links and the heap order all agree. Messages are built only
/// on failure: the simulations call this after every step.
/// </summary>
internal static class RunQueueInvariants
{
    private static void Require(bool condition, string what, SchedulerNode node = null)
    {
        if (!condition)
            Assert.Fail(node == null ? what : what + ": " + node);
    }

    public static void AssertValid(RunQueue queue, IEnumerable<SchedulerNode> allThreads)
    {
        SchedulerPolicy policy = queue.Policy;
        var placed = new HashSet<SchedulerNode>(ReferenceEqualityComparer.Instance);

        // Ready lists.
        int ready = 0;
        for (int level = 0; level < policy.LevelCount; level++)
        {
            SchedulerNode previous = null;
            for (SchedulerNode node = queue.FirstReady(level); node != null; node = RunQueue.NextReady(node))
            {
                Require(placed.Add(node), "in two places", node);
                Require(node.State == SchedulerState.Ready, "not ready but in a ready list", node);
                Require(node.Owner == queue, "in a ready list of a queue that does not own it", node);
                Require(node.EffectivePriority == level, "in the list of level " + level, node);
                Require(node.ReadyPrevious == previous, "broken back link", node);
                Require(previous == null || node.ReadySince >= previous.ReadySince, "list not ordered by waiting time", node);
                previous = node;
                ready++;
            }
            bool bit = (queue.NonEmptyLevels & (1u << level)) != 0;
            Require(bit == (queue.FirstReady(level) != null), "bitmap bit " + level + " wrong");
        }
        if (policy.LevelCount < 32)
            Require(queue.NonEmptyLevels >> policy.LevelCount == 0, "bitmap bits above the levels");
        Require(queue.ReadyCount == ready, "ReadyCount " + queue.ReadyCount + ", lists hold " + ready);

        // Sleep heap.
        int sleeping = 0;
        SchedulerNode root = queue.SleepRoot;
        if (root != null)
        {
            Require(root.SleepPrevious == null && root.SleepSibling == null, "heap root has a parent or sibling", root);
            var stack = new Stack<SchedulerNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                SchedulerNode parent = stack.Pop();
                Require(placed.Add(parent), "in two places", parent);
                Require(parent.State == SchedulerState.Sleeping, "not sleeping but in the sleep heap", parent);
                Require(parent.Owner == queue, "in the heap of a queue that does not own it", parent);
                sleeping++;
                SchedulerNode previous = parent;
                for (SchedulerNode child = parent.SleepChild; child != null; child = child.SleepSibling)
                {
                    Require(child.SleepPrevious == previous, "broken heap back link", child);
                    Require(child.WakeTick > parent.WakeTick || (child.WakeTick == parent.WakeTick && child.SleepSequence > parent.SleepSequence),
                        "heap order", child);
                    stack.Push(child);
                    previous = child;
                }
            }
        }
        Require(queue.SleepingCount == sleeping, "SleepingCount " + queue.SleepingCount + ", heap holds " + sleeping);

        // The CPU.
        int running = 0;
        SchedulerNode current = queue.Current;
        if (current != null)
        {
            Require(current.State == SchedulerState.Running, "current is not running", current);
            Require(current.ReadyNext == null && current.ReadyPrevious == null, "running thread linked in a list", current);
            if (current != queue.Idle)
            {
                Require(placed.Add(current), "running and queued", current);
                Require(current.EffectivePriority == current.BasePriority, "a running thread keeps its boost", current);
                running = 1;
            }
        }
        Require(!placed.Contains(queue.Idle), "idle is queued");
        Require(queue.Idle.State == (current == queue.Idle ? SchedulerState.Running : SchedulerState.Ready), "idle state", queue.Idle);

        // Everything else.
        int blocked = 0;
        foreach (SchedulerNode node in allThreads)
        {
            if (node == queue.Idle)
                continue;
            switch (node.State)
            {
                case SchedulerState.Blocked:
                    Require(node.Owner == queue, "blocked but not owned", node);
                    Require(placed.Add(node), "blocked and queued", node);
                    blocked++;
                    break;
                case SchedulerState.Detached:
                    Require(node.Owner == null, "detached but owned", node);
                    Require(!placed.Contains(node), "detached but queued", node);
                    break;
                default:
                    Require(placed.Contains(node), "in its state's structure", node);
                    break;
            }
            if (node.State != SchedulerState.Detached)
            {
                Require(node.BasePriority >= 0 && node.BasePriority <= policy.LowestPriority, "base priority out of range", node);
                int highest = policy.AgingCeiling > node.BasePriority ? node.BasePriority : policy.AgingCeiling;
                Require(node.EffectivePriority >= highest && node.EffectivePriority <= node.BasePriority,
                    "aging only lifts, and not above the ceiling", node);
            }
        }
        Require(queue.BlockedCount == blocked, "BlockedCount " + queue.BlockedCount + ", found " + blocked);
        Require(queue.ThreadCount == ready + sleeping + blocked + running, "ThreadCount " + queue.ThreadCount + " is not the sum of the places");
    }
}
