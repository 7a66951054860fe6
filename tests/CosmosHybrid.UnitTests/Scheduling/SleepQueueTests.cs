using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using CosmosHybrid.Scheduling;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Scheduling;

public class SleepQueueTests
{
    [Test]
    public void RandomInsertsRemovalsAndTakesMatchASortedModel()
    {
        var random = new Random(1234);
        var queue = new SleepQueue();
        var model = new List<(ulong Tick, ulong Sequence, SchedulerNode Node)>();
        var pool = Enumerable.Range(0, 300).Select(i => (SchedulerNode)new TestThread("n" + i, 0)).ToList();
        var inQueue = new HashSet<SchedulerNode>();

        for (int step = 0; step < 100000; step++)
        {
            int action = random.Next(10);
            if (action < 5 && inQueue.Count < pool.Count)
            {
                SchedulerNode node = pool.First(n => !inQueue.Contains(n));
                node.WakeTick = (ulong)random.Next(200); // many ties
                queue.Insert(node);
                inQueue.Add(node);
                model.Add((node.WakeTick, node.SleepSequence, node));
            }
            else if (action < 8 && inQueue.Count > 0)
            {
                model.Sort((a, b) => a.Tick != b.Tick ? a.Tick.CompareTo(b.Tick) : a.Sequence.CompareTo(b.Sequence));
                SchedulerNode taken = queue.TakeEarliest();
                Assert.That(taken, Is.SameAs(model[0].Node), "step " + step);
                model.RemoveAt(0);
                inQueue.Remove(taken);
            }
            else if (inQueue.Count > 0)
            {
                var victim = model[random.Next(model.Count)];
                queue.Remove(victim.Node);
                model.Remove(victim);
                inQueue.Remove(victim.Node);
            }
            Assert.That(queue.Count, Is.EqualTo(model.Count));
            if (model.Count == 0)
                Assert.That(queue.Earliest, Is.Null);
        }
    }

    [Test]
    public void TakingFromAnEmptyQueueGivesNull() => Assert.That(new SleepQueue().TakeEarliest(), Is.Null);

    [Test]
    public void LowestSetBitFindsTheHighestNonEmptyLevel()
    {
        for (int bit = 0; bit < 32; bit++)
        {
            Assert.That(PriorityBitmap.LowestSetBit(1u << bit), Is.EqualTo(bit));
            Assert.That(PriorityBitmap.LowestSetBit(0xFFFFFFFFu << bit), Is.EqualTo(bit));
        }
        var random = new Random(99);
        for (int i = 0; i < 100000; i++)
        {
            uint mask = (uint)random.Next() | (uint)random.Next(2) << 31;
            mask >>= random.Next(32);
            if (mask == 0)
                continue;
            Assert.That(PriorityBitmap.LowestSetBit(mask), Is.EqualTo(BitOperations.TrailingZeroCount(mask)));
        }
    }
}
