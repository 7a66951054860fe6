using System.Linq;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>
/// A connection over an output whose NIC finishes checksums and cuts segments (TSO): new data goes
/// in segments of many MSS, cut by <see cref="NicSegmenter"/> (as QEMU's e1000 does) into pieces
/// that each parse with a good checksum; what is lost is sent again one MSS at a time.
/// </summary>
public class TcpSegmentationOffloadTests
{
    private const uint Iss = 1000;
    private const uint PeerIss = 5_000_000;

    private static TcpConnection Established(TcpPeer peer, bool timestamps)
    {
        var settings = new TcpSettings { UseTimestamps = timestamps, UseSack = true, UseWindowScale = false };
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics, settings);
        var options = TcpOptions.None;
        options.Mss = 1000;
        options.SackPermitted = true;
        if (timestamps)
        {
            options.HasTimestamps = true;
            options.TimestampValue = 1;
            options.TimestampEcho = 0;
        }
        peer.Deliver(connection, PeerIss, Iss + 1, TcpFlags.Syn | TcpFlags.Ack, 10, 65535, options: options);
        Assert.That(connection.State, Is.EqualTo(TcpState.Established));
        peer.Take();
        peer.Handed.Clear();
        return connection;
    }

    [TestCase(false, 1000)]
    [TestCase(true, 988)]
    public void NewDataGoesInLongSegmentsThatTheNicCutsIntoWholeMssPieces(bool timestamps, int piece)
    {
        var peer = new TcpPeer { Offload = new TcpOffload(true, 65535 - 20) };
        var connection = Established(peer, timestamps);
        connection.Send(TcpPeer.Bytes(20_000), 100);
        // The initial window (4 MSS) goes as one segment for the NIC to cut.
        Assert.That(peer.Handed.Count, Is.EqualTo(1));
        Assert.That(peer.Handed[0].Length, Is.EqualTo(4 * piece));
        Assert.That(peer.Handed[0].SegmentPayload, Is.EqualTo(piece));
        var wire = peer.Take();
        Assert.That(wire.Select(s => s.Payload.Length), Is.EqualTo(new[] { piece, piece, piece, piece }));
        Assert.That(wire.Select(s => s.Seq), Is.EqualTo(new[] { Iss + 1, Iss + 1 + (uint)piece, Iss + 1 + 2u * (uint)piece, Iss + 1 + 3u * (uint)piece }));
        Assert.That(wire.Take(3).All(s => !s.Has(TcpFlags.Psh)), Is.True, "PSH on the last piece at most");
        var expected = TcpPeer.Bytes(20_000);
        for (int i = 0; i < 4; i++)
            Assert.That(wire[i].Payload, Is.EqualTo(expected.Skip(i * piece).Take(piece).ToArray()));

        // The ACK for all four grows the window (slow start): all it allows goes in one segment of whole pieces.
        peer.Handed.Clear();
        peer.Deliver(connection, PeerIss + 1, Iss + 1 + 4u * (uint)piece, TcpFlags.Ack, 150);
        Assert.That(peer.Handed.Count, Is.EqualTo(1));
        int pieces = peer.Handed[0].Length / piece;
        Assert.That(peer.Handed[0].Length % piece, Is.Zero);
        Assert.That(pieces, Is.GreaterThan(4));
        Assert.That(connection.CongestionWindow, Is.EqualTo((uint)(pieces * (timestamps ? piece + 12 : piece))), "the whole window in one segment");
        Assert.That(peer.Take().Count(s => s.Payload.Length > 0), Is.EqualTo(pieces));
    }

    [Test]
    public void ALostPieceIsSentAgainAloneAndCutAtTheMss()
    {
        var peer = new TcpPeer { Offload = new TcpOffload(true, 65535 - 20) };
        var connection = Established(peer, timestamps: false);
        connection.NoDelay = true;
        connection.Send(TcpPeer.Bytes(4000), 100);
        peer.Take();
        peer.Handed.Clear();
        uint s0 = Iss + 1;
        // The second piece is lost; the third and fourth arrive and are SACKed.
        var sack = TcpOptions.None;
        sack.AddSack(s0 + 2000, s0 + 4000);
        peer.Deliver(connection, PeerIss + 1, s0 + 1000, TcpFlags.Ack, 150);
        peer.Handed.Clear();
        peer.Take();
        for (int i = 0; i < 3; i++)
            peer.Deliver(connection, PeerIss + 1, s0 + 1000, TcpFlags.Ack, 151 + i, options: sack);
        var resent = peer.Take().Where(s => s.Payload.Length > 0).ToList();
        Assert.That(resent.Count, Is.EqualTo(1), "only the hole");
        Assert.That(resent[0].Seq, Is.EqualTo(s0 + 1000));
        Assert.That(resent[0].Payload.Length, Is.EqualTo(1000));
        Assert.That(peer.Handed.All(h => h.SegmentPayload == 0 && h.Length <= 1000), Is.True, "a retransmission is never left to the NIC to cut");
        peer.Deliver(connection, PeerIss + 1, s0 + 4000, TcpFlags.Ack, 170);
        Assert.That(connection.SendQueued, Is.EqualTo(0));
    }

    [Test]
    public void WithoutOffloadEverySegmentIsOneMssWithItsChecksum()
    {
        var peer = new TcpPeer();
        var connection = Established(peer, timestamps: false);
        connection.Send(TcpPeer.Bytes(4000), 100);
        Assert.That(peer.Handed, Is.Empty, "nothing left to a NIC that offers nothing");
        Assert.That(peer.Take().Select(s => s.Payload.Length), Is.EqualTo(new[] { 1000, 1000, 1000, 1000 }));
    }

    [Test]
    public void AnOutputThatFinishesOnlyChecksumsGetsOneMssAtATime()
    {
        var peer = new TcpPeer { Offload = new TcpOffload(true, 0) };
        var connection = Established(peer, timestamps: false);
        connection.Send(TcpPeer.Bytes(4000), 100);
        Assert.That(peer.Handed.Count, Is.EqualTo(4));
        Assert.That(peer.Handed.All(h => h.SegmentPayload == 0 && h.Length == 1000), Is.True);
        Assert.That(peer.Take().Count, Is.EqualTo(4), "each piece parsed with a good checksum");
    }
}
