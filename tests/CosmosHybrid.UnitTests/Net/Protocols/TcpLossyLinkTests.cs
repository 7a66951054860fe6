using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>
/// Two of our connections joined by a simulated link with delay, loss, duplication and
/// reordering from a fixed seed: bulk data must arrive whole and in order, and both sides close.
/// </summary>
public class TcpLossyLinkTests
{
    private sealed class Link : ITcpOutput
    {
        private struct InFlight
        {
            public long DeliverAt;
            public long Order;
            public byte[] Bytes;
            public bool ToServer;
        }

        private readonly List<InFlight> _queue = new List<InFlight>();
        private readonly Random _random;
        private readonly double _loss;
        private readonly double _reorder;
        private readonly long _delay;
        private long _order;
        public TcpConnection Client;
        public TcpConnection Server;
        public TcpEndpointTable ServerTable;
        public long Now;
        public int Dropped;
        public int Segments;
        private readonly byte[] _segmentSpace = new byte[65535];

        public Span<byte> SegmentSpace => _segmentSpace;

        public Link(int seed, double loss, double reorder, long delay)
        {
            _random = new Random(seed);
            _loss = loss;
            _reorder = reorder;
            _delay = delay;
        }

        /// <summary>With offloads on: checksums and 16 KiB segments cut at the MSS by <see cref="NicSegmenter"/>, each piece lost or kept on its own.</summary>
        public TcpOffload Offload { get; set; }
        public int CutSegments;

        public void Transmit(TcpConnection connection, ReadOnlySpan<byte> segment, FrameOffload offload)
        {
            if (!offload.IsNone)
            {
                if (offload.SegmentPayload > 0)
                    CutSegments++;
                foreach (byte[] piece in NicSegmenter.Finish(segment, offload))
                {
                    Assert.That(piece.Length - TcpSegment.MinHeaderLength, Is.LessThanOrEqualTo(connection.Mss), "a piece longer than the MSS");
                    Transmit(connection, piece, default);
                }
                return;
            }
            Segments++;
            if (_random.NextDouble() < _loss)
            {
                Dropped++;
                return;
            }
            long delay = _delay + (_random.NextDouble() < _reorder ? _random.Next(1, 30) : 0);
            var item = new InFlight { DeliverAt = Now + delay, Order = _order++, Bytes = segment.ToArray(), ToServer = connection.LocalAddress == TcpPeer.Local };
            _queue.Add(item);
            if (_random.NextDouble() < _loss / 2)
                _queue.Add(new InFlight { DeliverAt = Now + delay + 3, Order = _order++, Bytes = item.Bytes, ToServer = item.ToServer });
        }

        public long NextArrival
        {
            get
            {
                long next = long.MaxValue;
                foreach (var item in _queue)
                    next = Math.Min(next, item.DeliverAt);
                return next;
            }
        }

        public void DeliverDue()
        {
            while (true)
            {
                int best = -1;
                for (int i = 0; i < _queue.Count; i++)
                {
                    if (_queue[i].DeliverAt <= Now && (best < 0 || _queue[i].DeliverAt < _queue[best].DeliverAt
                                                       || _queue[i].DeliverAt == _queue[best].DeliverAt && _queue[i].Order < _queue[best].Order))
                        best = i;
                }
                if (best < 0)
                    return;
                var item = _queue[best];
                _queue.RemoveAt(best);
                if (item.ToServer)
                {
                    ServerTable.Receive(TcpPeer.Local, TcpPeer.Remote, item.Bytes, Now, new byte[64], out _);
                }
                else
                {
                    Assert.That(TcpSegment.TryParse(item.Bytes, TcpPeer.Remote, TcpPeer.Local, out var segment), Is.EqualTo(ParseStatus.Ok));
                    Client.OnSegment(segment, Now);
                }
            }
        }
    }

    [TestCase(1, 0.0, 0.0, true)]
    [TestCase(2, 0.05, 0.1, true)]
    [TestCase(3, 0.10, 0.2, true)]
    [TestCase(4, 0.02, 0.5, true)]
    [TestCase(5, 0.05, 0.1, false)]
    [TestCase(6, 0.15, 0.3, false)]
    [TestCase(7, 0.05, 0.1, true)]
    [TestCase(8, 0.20, 0.0, true)]
    public void BulkTransferSurvivesLossAndReordering(int seed, double loss, double reorder, bool options)
        => BulkTransfer(seed, loss, reorder, options, offload: false);

    [TestCase(11, 0.0, 0.0, true)]
    [TestCase(12, 0.05, 0.1, true)]
    [TestCase(13, 0.10, 0.2, true)]
    [TestCase(14, 0.05, 0.1, false)]
    [TestCase(15, 0.20, 0.0, true)]
    public void BulkTransferWithTheNicCuttingSegmentsSurvivesLossAndReordering(int seed, double loss, double reorder, bool options)
        => BulkTransfer(seed, loss, reorder, options, offload: true);

    private static void BulkTransfer(int seed, double loss, double reorder, bool options, bool offload)
    {
        const int Size = 512 * 1024;
        var link = new Link(seed, loss, reorder, delay: 20);
        if (offload)
            link.Offload = new TcpOffload(true, 16 * 1024);
        var statistics = new NetStatistics();
        var settings = new TcpSettings
        {
            SendBufferSize = 32 * 1024, ReceiveBufferSize = 48 * 1024, UseTimestamps = options, UseWindowScale = options, UseSack = options,
        };
        link.ServerTable = new TcpEndpointTable(link, statistics, secret: 1234);
        var listener = new TcpListenQueue(Ipv4Address.Any, TcpPeer.RemotePort, 4, statistics, settings);
        link.ServerTable.Listen(listener);
        link.Client = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, 0xFFFF_F000u, 0, link,
                                            statistics, settings);

        var data = TcpPeer.Bytes(Size, seed);
        var received = new byte[Size + 16];
        int sent = 0, got = 0;
        bool clientClosed = false, serverClosed = false;
        var chunk = new byte[8192];
        for (int step = 0; step < 2_000_000; step++)
        {
            link.DeliverDue();
            link.Server ??= listener.Accept();
            if (link.Client.IsConnected && sent < Size)
            {
                int n = link.Client.Send(data.AsSpan(sent, Math.Min(8192, Size - sent)), link.Now);
                if (n > 0)
                    sent += n;
            }
            if (sent == Size && !clientClosed)
            {
                link.Client.Close(link.Now);
                clientClosed = true;
            }
            if (link.Server != null)
            {
                int n;
                while ((n = link.Server.Receive(chunk, link.Now)) > 0)
                {
                    Assert.That(got + n, Is.LessThanOrEqualTo(Size), "more bytes than were sent");
                    chunk.AsSpan(0, n).CopyTo(received.AsSpan(got));
                    got += n;
                }
                if (link.Server.ReceiveFinished && !serverClosed)
                {
                    link.Server.Close(link.Now);
                    serverClosed = true;
                }
            }
            if (serverClosed && link.Client.State == TcpState.TimeWait && link.Server.State == TcpState.Closed)
                break;
            Assert.That(link.Client.State, Is.Not.EqualTo(TcpState.Closed), "the client gave up: " + link.Client.Error);

            long next = Math.Min(link.NextArrival, Math.Min(link.Client.NextDeadline, link.ServerTable.Poll(link.Now)));
            if (next == long.MaxValue)
                Assert.Fail("stalled: nothing in flight and no timer (sent " + sent + ", received " + got + ")");
            link.Now = Math.Max(link.Now + 0, next);
            if (link.Client.NextDeadline <= link.Now)
                link.Client.OnTimer(link.Now);
        }
        Assert.That(got, Is.EqualTo(Size));
        Assert.That(received.AsSpan(0, Size).SequenceEqual(data), Is.True, "bytes intact and in order");
        Assert.That(link.Client.State, Is.EqualTo(TcpState.TimeWait));
        TestContext.Out.WriteLine("seed " + seed + ": " + link.Segments + " segments, " + link.Dropped + " dropped, "
                                  + link.Client.Retransmissions + " retransmissions (" + link.Client.FastRetransmissions + " fast), "
                                  + link.Now + " ms simulated");
        if (loss > 0)
            Assert.That(link.Client.Retransmissions, Is.GreaterThan(0));
        if (offload)
            Assert.That(link.CutSegments, Is.GreaterThan(0), "no segment was left to the NIC to cut");
    }
}
