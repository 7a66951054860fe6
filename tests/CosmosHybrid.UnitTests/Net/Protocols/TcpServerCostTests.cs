using System;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>
/// What a busy server's connections cost: no window update for the first bytes read, buffers
/// given back in TIME-WAIT and reused, and a table that looks at its connections only when a
/// timer is due (thousands wait in TIME-WAIT after a request-per-connection load).
/// </summary>
public class TcpServerCostTests
{
    private const uint PeerIss = 5_000_000;
    private static TcpSettings Plain() => new TcpSettings { UseTimestamps = false, UseWindowScale = false, TimeWaitMs = 60_000 };

    private static byte[] Segment(uint seq, uint ack, byte flags, byte[] payload = null, ushort port = 50000)
    {
        var options = TcpOptions.None;
        if ((flags & TcpFlags.Syn) != 0)
            options.Mss = 1000;
        var buffer = new byte[1200];
        int length = TcpSegment.Write(buffer, TcpPeer.Remote, TcpPeer.Local, port, 80, seq, ack, flags, 65535, options, payload ?? Array.Empty<byte>());
        return buffer.AsSpan(0, length).ToArray();
    }

    private static void Deliver(TcpEndpointTable table, byte[] segment, long now)
    {
        var reset = new byte[64];
        table.Receive(TcpPeer.Remote, TcpPeer.Local, segment, now, reset, out _);
    }

    /// <summary>A listener on port 80 and one accepted connection (the peer's port <paramref name="port"/>) with a request read.</summary>
    private static TcpConnection AcceptWithRequest(TcpEndpointTable table, TcpListenQueue listener, TcpPeer peer, ushort port, long now)
    {
        Deliver(table, Segment(PeerIss, 0, TcpFlags.Syn, port: port), now);
        uint iss = peer.Last.Seq;
        Deliver(table, Segment(PeerIss + 1, iss + 1, TcpFlags.Ack | TcpFlags.Psh, TcpPeer.Bytes(52), port), now);
        TcpConnection connection = listener.Accept();
        Assert.That(connection, Is.Not.Null);
        Assert.That(connection.Receive(new byte[100], now), Is.EqualTo(52));
        return connection;
    }

    [Test]
    public void ReadingTheFirstRequestSendsNoWindowUpdate()
    {
        var peer = new TcpPeer();
        var table = new TcpEndpointTable(peer, peer.Statistics, 1);
        var listener = new TcpListenQueue(TcpPeer.Local, 80, 4, peer.Statistics, Plain());
        table.Listen(listener);
        AcceptWithRequest(table, listener, peer, 50000, 10);
        Assert.That(peer.Sent.Count, Is.EqualTo(1), "only the SYN-ACK: 52 bytes read is no reason to announce the window");
        Assert.That(peer.Last.Has(TcpFlags.Syn), Is.True);
    }

    [Test]
    public void TimeWaitGivesTheBuffersBackAndTheNextConnectionTakesThem()
    {
        var peer = new TcpPeer();
        var table = new TcpEndpointTable(peer, peer.Statistics, 1);
        var listener = new TcpListenQueue(TcpPeer.Local, 80, 4, peer.Statistics, Plain());
        table.Listen(listener);
        TcpConnection connection = AcceptWithRequest(table, listener, peer, 50000, 10);
        connection.Send(TcpPeer.Bytes(300), 11);
        connection.Close(11);
        uint fin = peer.Last.Seq + (uint)peer.Last.Payload.Length;
        Assert.That(peer.Last.Has(TcpFlags.Fin), Is.True);
        Deliver(table, Segment(PeerIss + 53, fin + 1, TcpFlags.Ack, port: 50000), 12);
        Assert.That(connection.State, Is.EqualTo(TcpState.FinWait2));
        Assert.That(table.Buffers.Count, Is.EqualTo(0));
        Deliver(table, Segment(PeerIss + 53, fin + 1, TcpFlags.Fin | TcpFlags.Ack, port: 50000), 13);
        Assert.That(connection.State, Is.EqualTo(TcpState.TimeWait));
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 54), "the FIN is acknowledged");
        Assert.That(peer.Last.Window, Is.GreaterThan(0), "with the window as it was");
        Assert.That(table.Buffers.Count, Is.EqualTo(2), "send and receive buffers back in the pool");
        Assert.That(connection.SendQueued, Is.EqualTo(0));
        Assert.That(connection.ReceiveFinished, Is.True);

        peer.Take();
        Deliver(table, Segment(PeerIss + 53, fin + 1, TcpFlags.Fin | TcpFlags.Ack, port: 50000), 500);
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 54), "a repeated FIN is still acknowledged in TIME-WAIT");

        // The next connection (another port) takes both from the pool and works as before.
        TcpConnection next = AcceptWithRequest(table, listener, peer, 50001, 600);
        Assert.That(table.Buffers.Count, Is.EqualTo(0));
        Assert.That(next.Send(TcpPeer.Bytes(2000), 601), Is.EqualTo(2000));
        Assert.That(next.SendQueued, Is.EqualTo(2000));
    }

    [Test]
    public void UnreadDataKeepsItsBufferUntilTheProgramReadsIt()
    {
        var peer = new TcpPeer();
        var pool = new TcpBufferPool();
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, 1000, 0, peer, peer.Statistics,
                                               Plain(), pool);
        var options = TcpOptions.None;
        options.Mss = 1000;
        peer.Deliver(connection, PeerIss, 1001, TcpFlags.Syn | TcpFlags.Ack, 1, options: options);
        connection.Close(2);
        peer.Deliver(connection, PeerIss + 1, 1002, TcpFlags.Ack, 3);
        peer.Deliver(connection, PeerIss + 1, 1002, TcpFlags.Fin | TcpFlags.Ack, 4, payload: TcpPeer.Bytes(10, 3));
        Assert.That(connection.State, Is.EqualTo(TcpState.TimeWait));
        Assert.That(pool.Count, Is.EqualTo(1), "only the send buffer: 10 bytes wait to be read");
        var read = new byte[20];
        Assert.That(connection.Receive(read, 5), Is.EqualTo(10));
        Assert.That(read.AsSpan(0, 10).ToArray(), Is.EqualTo(TcpPeer.Bytes(10, 3)));
        Assert.That(pool.Count, Is.EqualTo(2));
        Assert.That(connection.Receive(read, 6), Is.EqualTo(0));
        Assert.That(connection.ReceiveFinished, Is.True);
    }

    [Test]
    public void PollLooksAtTheConnectionsOnlyWhenATimerIsDue()
    {
        var peer = new TcpPeer();
        var table = new TcpEndpointTable(peer, peer.Statistics, 1);
        TcpConnection connection = table.Connect(TcpPeer.Local, 40000, TcpPeer.Remote, 80, 0, Plain());
        Assert.That(table.Poll(1), Is.EqualTo(1000), "the SYN's retransmission");
        long walks = table.Walks;
        for (long t = 2; t < 1000; t++)
            Assert.That(table.Poll(t), Is.EqualTo(1000));
        Assert.That(table.Walks, Is.EqualTo(walks), "nothing due: no walk");
        peer.Take();
        table.Poll(1000);
        Assert.That(peer.Sent.Count, Is.EqualTo(1), "the SYN again, on time");
        Assert.That(peer.Last.Has(TcpFlags.Syn), Is.True);

        // Established, then data from the program: its retransmission timer is learnt without a walk.
        var options = TcpOptions.None;
        options.Mss = 1000;
        var buffer = new byte[100];
        int length = TcpSegment.Write(buffer, TcpPeer.Remote, TcpPeer.Local, 80, 40000, PeerIss, peer.Last.Seq + 1, TcpFlags.Syn | TcpFlags.Ack, 65535,
                                      options, default);
        table.Receive(TcpPeer.Remote, TcpPeer.Local, buffer.AsSpan(0, length), 1100, new byte[64], out _);
        Assert.That(connection.State, Is.EqualTo(TcpState.Established));
        connection.Send(TcpPeer.Bytes(100), 1200);
        long due = connection.NextDeadline;
        Assert.That(due, Is.LessThan(long.MaxValue));
        Assert.That(table.Poll(1201), Is.LessThanOrEqualTo(due), "an earlier deadline may be stale (a wasted walk), never a later one");
        peer.Take();
        table.Poll(due - 1);
        Assert.That(peer.Sent, Is.Empty);
        Assert.That(table.Poll(due - 1), Is.EqualTo(due));
        table.Poll(due);
        Assert.That(peer.Sent.Count, Is.EqualTo(1), "retransmitted at its time-out");
        Assert.That(peer.Last.Payload.Length, Is.EqualTo(100));

        // Closed by the program: gone from the table at the next poll.
        connection.Abort(due + 1);
        Assert.That(table.ConnectionCount, Is.EqualTo(1));
        table.Poll(due + 1);
        Assert.That(table.ConnectionCount, Is.EqualTo(0));
    }

    [Test]
    public void PoolHandsBackOnlyBuffersOfTheSizeAsked()
    {
        var pool = new TcpBufferPool(capacity: 2);
        byte[] a = new byte[100], b = new byte[200], c = new byte[100];
        pool.Return(a);
        pool.Return(b);
        pool.Return(c);
        Assert.That(pool.Count, Is.EqualTo(2), "full: the third is dropped");
        Assert.That(pool.Rent(200), Is.SameAs(b));
        Assert.That(pool.Rent(100), Is.SameAs(a));
        Assert.That(pool.Rent(100), Is.Not.SameAs(a).And.Length.EqualTo(100), "empty: a new one");
        pool.Return(Array.Empty<byte>());
        Assert.That(pool.Count, Is.EqualTo(0));
    }
}
