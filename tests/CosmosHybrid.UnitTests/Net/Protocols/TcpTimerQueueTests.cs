using System;
using System.Collections.Generic;
using System.Linq;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>
/// The table's timer queue: always hands out the connection with the earliest time, through adds,
/// moves either way and removals; and the table's Poll looks only at connections whose time came.
/// </summary>
public class TcpTimerQueueTests
{
    private static TcpConnection NewConnection(ushort port)
    {
        var peer = new TcpPeer();
        return TcpConnection.Connect(TcpPeer.Local, port, TcpPeer.Remote, 80, 1, 0, peer, peer.Statistics);
    }

    [Test]
    public void EarliestIsTheMinimumThroughAddsMovesAndRemovals()
    {
        var random = new Random(6298);
        var queue = new TcpTimerQueue();
        var times = new Dictionary<TcpConnection, long>();
        var all = Enumerable.Range(0, 300).Select(i => NewConnection((ushort)(10000 + i))).ToList();
        for (int step = 0; step < 5000; step++)
        {
            TcpConnection connection = all[random.Next(all.Count)];
            long at = random.Next(0, 100_000);
            if (!times.ContainsKey(connection))
            {
                queue.Add(connection, at);
                times[connection] = at;
            }
            else if (random.Next(4) == 0)
            {
                queue.Remove(connection);
                times.Remove(connection);
                Assert.That(queue.Contains(connection), Is.False);
            }
            else
            {
                queue.Move(connection, at);
                times[connection] = at;
            }
            Assert.That(queue.Count, Is.EqualTo(times.Count));
            if (times.Count == 0)
            {
                Assert.That(queue.EarliestAt, Is.EqualTo(long.MaxValue));
                continue;
            }
            Assert.That(queue.EarliestAt, Is.EqualTo(times.Values.Min()), $"step {step}");
            Assert.That(times[queue.Earliest], Is.EqualTo(queue.EarliestAt));
        }
        // Drained in order.
        long last = long.MinValue;
        while (queue.Count > 0)
        {
            TcpConnection first = queue.Earliest;
            Assert.That(first.QueuedAt, Is.GreaterThanOrEqualTo(last));
            last = first.QueuedAt;
            queue.Remove(first);
        }
    }

    [Test]
    public void PollRunsEachSynRetransmissionOnTimeAndLooksAtNoOtherConnection()
    {
        var peer = new TcpPeer();
        var table = new TcpEndpointTable(peer, peer.Statistics, 1);
        var settings = new TcpSettings { UseTimestamps = false, UseWindowScale = false };
        const int Count = 2000;
        // One SYN a millisecond: each is due for its retransmission InitialRtoMs later.
        for (int i = 0; i < Count; i++)
            table.Connect(TcpPeer.Local, (ushort)(20000 + i), TcpPeer.Remote, 80, i, settings);
        peer.Take();
        long rto = settings.InitialRtoMs;
        Assert.That(table.Poll(rto - 1), Is.EqualTo(rto), "the first connection's time, without a walk");
        long visits = table.Visits;
        for (int i = 0; i < Count; i++)
        {
            long next = table.Poll(rto + i);
            Assert.That(peer.Sent.Count, Is.EqualTo(1), $"exactly one SYN again at {rto + i}");
            Assert.That(peer.Last.Has(TcpFlags.Syn), Is.True);
            peer.Take();
            Assert.That(next, Is.EqualTo(i + 1 < Count ? rto + i + 1 : 3 * rto), "the next connection's time, or the first's backed-off one");
        }
        Assert.That(table.Visits - visits, Is.EqualTo(Count), "one connection looked at per retransmission, not every connection");
    }
}
