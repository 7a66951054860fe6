using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

public class TcpConnectionTests
{
    private const uint Iss = 1000;
    private const uint PeerIss = 5_000_000;

    private static TcpSettings Plain(bool timestamps = false, bool sack = true)
        => new TcpSettings { UseTimestamps = timestamps, UseSack = sack, UseWindowScale = false };

    private static TcpOptions SynOptions(ushort mss = 1000, bool sack = true)
    {
        var options = TcpOptions.None;
        options.Mss = mss;
        options.SackPermitted = sack;
        return options;
    }

    /// <summary>An established active connection; the peer's MSS is 1000 so segments are easy to count.</summary>
    private static TcpConnection Established(TcpPeer peer, TcpSettings settings = null, ushort window = 65535)
    {
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics,
                                               settings ?? Plain());
        peer.Deliver(connection, PeerIss, Iss + 1, TcpFlags.Syn | TcpFlags.Ack, 10, window, options: SynOptions());
        Assert.That(connection.State, Is.EqualTo(TcpState.Established));
        peer.Take();
        return connection;
    }

    [Test]
    public void ActiveOpenSendsSynWithOptionsAndCompletesTheHandshake()
    {
        var peer = new TcpPeer();
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics);
        var syn = peer.Last;
        Assert.That(syn.Flags, Is.EqualTo(TcpFlags.Syn));
        Assert.That(syn.Seq, Is.EqualTo(Iss));
        Assert.That(syn.Options.Mss, Is.EqualTo(1460));
        Assert.That(syn.Options.WindowScale, Is.EqualTo(1), "64 KiB buffer: shift 1");
        Assert.That(syn.Options.SackPermitted, Is.True);
        Assert.That(syn.Options.HasTimestamps, Is.True);
        Assert.That(connection.State, Is.EqualTo(TcpState.SynSent));

        var options = SynOptions(1200);
        options.WindowScale = 2;
        options.HasTimestamps = true;
        options.TimestampValue = 777;
        options.TimestampEcho = 0;
        peer.Deliver(connection, PeerIss, Iss + 1, TcpFlags.Syn | TcpFlags.Ack, 120, 1000, options: options);
        Assert.That(connection.State, Is.EqualTo(TcpState.Established));
        var ack = peer.Last;
        Assert.That(ack.Flags, Is.EqualTo(TcpFlags.Ack));
        Assert.That(ack.Seq, Is.EqualTo(Iss + 1));
        Assert.That(ack.Ack, Is.EqualTo(PeerIss + 1));
        Assert.That(ack.Options.TimestampEcho, Is.EqualTo(777u));
        Assert.That(ack.Window, Is.EqualTo(32768), "65536 >> 1");
        Assert.That(connection.Mss, Is.EqualTo(1200));
        Assert.That(connection.SendWindow, Is.EqualTo(1000u), "the SYN's window is not scaled");
        Assert.That(connection.SmoothedRttMs, Is.EqualTo(120), "RTT sampled from the SYN");
    }

    [Test]
    public void SynIsRetransmittedWithBackoffThenTimesOut()
    {
        var peer = new TcpPeer();
        var settings = new TcpSettings { SynRetries = 3 };
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics, settings);
        var times = new List<long>();
        for (long t = 0; t <= 20_000 && connection.State != TcpState.Closed; t += 10)
        {
            int before = peer.Sent.Count;
            if (connection.NextDeadline <= t)
                connection.OnTimer(t);
            if (peer.Sent.Count > before)
                times.Add(t);
        }
        Assert.That(times, Is.EqualTo(new long[] { 1000, 3000, 7000 }), "1 s, then doubling");
        Assert.That(peer.Sent.TrueForAll(s => s.Flags == TcpFlags.Syn && s.Seq == Iss), Is.True);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(connection.Error, Is.EqualTo(TcpError.TimedOut));
    }

    [Test]
    public void ResetAnsweringTheSynMeansRefused()
    {
        var peer = new TcpPeer();
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics);
        peer.Deliver(connection, 0, Iss + 5, TcpFlags.Rst | TcpFlags.Ack, 5);
        Assert.That(connection.State, Is.EqualTo(TcpState.SynSent), "unacceptable ACK: ignored");
        peer.Deliver(connection, 0, Iss + 1, TcpFlags.Rst | TcpFlags.Ack, 5);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(connection.Error, Is.EqualTo(TcpError.ConnectionRefused));
    }

    [Test]
    public void BadAckInSynSentIsAnsweredWithReset()
    {
        var peer = new TcpPeer();
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics);
        peer.Take();
        peer.Deliver(connection, PeerIss, Iss + 50, TcpFlags.Syn | TcpFlags.Ack, 5);
        Assert.That(peer.Last.Flags, Is.EqualTo(TcpFlags.Rst));
        Assert.That(peer.Last.Seq, Is.EqualTo(Iss + 50));
        Assert.That(connection.State, Is.EqualTo(TcpState.SynSent));
    }

    [Test]
    public void SimultaneousOpen()
    {
        var peer = new TcpPeer();
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics, Plain());
        peer.Take();
        peer.Deliver(connection, PeerIss, 0, TcpFlags.Syn, 5, options: SynOptions());
        Assert.That(connection.State, Is.EqualTo(TcpState.SynReceived));
        Assert.That(peer.Last.Flags, Is.EqualTo(TcpFlags.Syn | TcpFlags.Ack));
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 1));
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Syn | TcpFlags.Ack, 6);
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Ack, 7);
        Assert.That(connection.State, Is.EqualTo(TcpState.Established));
    }

    [Test]
    public void ListenerAcceptsWithinItsBacklog()
    {
        var peer = new TcpPeer();
        var listener = new TcpListenQueue(TcpPeer.Local, TcpPeer.LocalPort, backlog: 2, peer.Statistics, Plain());
        var buffer = new byte[100];
        var accepted = new List<TcpConnection>();
        for (int i = 0; i < 3; i++)
        {
            var options = SynOptions();
            int length = TcpSegment.Write(buffer, TcpPeer.Remote, TcpPeer.Local, (ushort)(3000 + i), TcpPeer.LocalPort, PeerIss, 0, TcpFlags.Syn,
                                          8192, options, default);
            TcpSegment.TryParse(buffer.AsSpan(0, length), TcpPeer.Remote, TcpPeer.Local, out var syn);
            var connection = listener.OnSyn(syn, TcpPeer.Local, TcpPeer.Remote, Iss, 0, peer);
            if (connection != null)
                accepted.Add(connection);
        }
        Assert.That(accepted.Count, Is.EqualTo(2));
        Assert.That(peer.Statistics.TcpSynDropped, Is.EqualTo(1));
        Assert.That(peer.Sent.Count, Is.EqualTo(2));
        Assert.That(peer.Last.Flags, Is.EqualTo(TcpFlags.Syn | TcpFlags.Ack));
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 1));
        Assert.That(listener.Accept(), Is.Null, "nothing established yet");

        peer.Deliver(accepted[0], PeerIss + 1, Iss + 1, TcpFlags.Ack, 10, payload: new byte[] { 1, 2, 3 });
        Assert.That(accepted[0].State, Is.EqualTo(TcpState.Established));
        Assert.That(accepted[0].Available, Is.EqualTo(3), "data on the handshake's ACK is kept");
        Assert.That(listener.Accept(), Is.SameAs(accepted[0]));

        peer.Deliver(accepted[1], PeerIss + 1, Iss + 1, TcpFlags.Rst, 11);
        Assert.That(accepted[1].State, Is.EqualTo(TcpState.Closed));
        Assert.That(listener.PendingCount, Is.EqualTo(0), "the reset one left the backlog");
    }

    [Test]
    public void SynAckIsRepeatedWhenThePeerRepeatsItsSyn()
    {
        var peer = new TcpPeer();
        var listener = new TcpListenQueue(TcpPeer.Local, TcpPeer.LocalPort, 4, peer.Statistics, Plain());
        var buffer = new byte[100];
        int length = TcpSegment.Write(buffer, TcpPeer.Remote, TcpPeer.Local, TcpPeer.RemotePort, TcpPeer.LocalPort, PeerIss, 0, TcpFlags.Syn,
                                      8192, SynOptions(), default);
        TcpSegment.TryParse(buffer.AsSpan(0, length), TcpPeer.Remote, TcpPeer.Local, out var syn);
        var connection = listener.OnSyn(syn, TcpPeer.Local, TcpPeer.Remote, Iss, 0, peer);
        peer.Take();
        connection.OnSegment(syn, 500);
        Assert.That(peer.Last.Flags, Is.EqualTo(TcpFlags.Syn | TcpFlags.Ack));
        connection.OnTimer(connection.NextDeadline);
        Assert.That(peer.Last.Flags, Is.EqualTo(TcpFlags.Syn | TcpFlags.Ack), "and on its own time-out");
    }

    [Test]
    public void DelayedAckWaitsFor40MsOrASecondSegment()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Ack | TcpFlags.Psh, 100, payload: TcpPeer.Bytes(500));
        Assert.That(peer.Sent, Is.Empty, "delayed");
        Assert.That(connection.NextDeadline, Is.EqualTo(140));
        connection.OnTimer(140);
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 501));
        peer.Take();

        peer.Deliver(connection, PeerIss + 501, Iss + 1, TcpFlags.Ack, 200, payload: TcpPeer.Bytes(1000));
        Assert.That(peer.Sent, Is.Empty);
        peer.Deliver(connection, PeerIss + 1501, Iss + 1, TcpFlags.Ack, 201, payload: TcpPeer.Bytes(1000));
        Assert.That(peer.Sent.Count, Is.EqualTo(1), "every second segment at once");
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 2501));
        var read = new byte[4000];
        Assert.That(connection.Receive(read, 202), Is.EqualTo(2500));
    }

    [Test]
    public void FullDataSegmentsLeaveSackBlocksToTheAcksSoTheyFitTheMss()
    {
        // Both directions carry data, timestamps are on and the peer's data has a hole: the SACK blocks
        // would take a full segment past the MSS (and IPv4 would drop it), so only the ACKs carry them.
        var peer = new TcpPeer();
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics,
                                               Plain(timestamps: true));
        var synAck = SynOptions();
        synAck.HasTimestamps = true;
        synAck.TimestampValue = 1;
        peer.Deliver(connection, PeerIss, Iss + 1, TcpFlags.Syn | TcpFlags.Ack, 10, options: synAck);
        peer.Take();
        var echo = TcpOptions.None;
        echo.HasTimestamps = true;
        echo.TimestampValue = 2;
        uint start = PeerIss + 1;
        peer.Deliver(connection, start + 1000, Iss + 1, TcpFlags.Ack, 20, payload: TcpPeer.Bytes(500), options: echo);
        peer.Deliver(connection, start + 3000, Iss + 1, TcpFlags.Ack, 21, payload: TcpPeer.Bytes(500), options: echo);
        Assert.That(peer.Last.Options.SackBlockCount, Is.EqualTo(2), "the duplicate ACK names both blocks");

        connection.Send(TcpPeer.Bytes(5000), 30);
        var sent = peer.Take();
        var data = sent.FindAll(s => s.Payload.Length > 0);
        Assert.That(data.Count, Is.GreaterThanOrEqualTo(2));
        Assert.That(data[0].Payload.Length, Is.EqualTo(1000 - 12), "full segments: the MSS less the timestamps");
        Assert.That(data[0].Options.SackBlockCount, Is.EqualTo(0));

        // A short segment (the tail Nagle lets go with nothing in flight) has room for the blocks.
        var tail = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics,
                                         Plain(timestamps: true));
        peer.Deliver(tail, PeerIss, Iss + 1, TcpFlags.Syn | TcpFlags.Ack, 10, options: synAck);
        peer.Deliver(tail, start + 1000, Iss + 1, TcpFlags.Ack, 20, payload: TcpPeer.Bytes(500), options: echo);
        peer.Take();
        tail.Send(TcpPeer.Bytes(100), 30);
        Assert.That(peer.Last.Payload.Length, Is.EqualTo(100));
        Assert.That(peer.Last.Options.SackBlockCount, Is.EqualTo(1));
    }

    [Test]
    public void OutOfOrderSegmentsAreReassembledAndSacked()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        var data = TcpPeer.Bytes(3000, seed: 5);
        uint start = PeerIss + 1;
        peer.Deliver(connection, start + 2000, Iss + 1, TcpFlags.Ack, 100, payload: data.AsSpan(2000).ToArray());
        var dup = peer.Last;
        Assert.That(dup.Ack, Is.EqualTo(start), "a duplicate ACK at once");
        Assert.That(dup.Options.SackBlockCount, Is.EqualTo(1));
        dup.Options.GetSack(0, out uint left, out uint right);
        Assert.That(left, Is.EqualTo(start + 2000));
        Assert.That(right, Is.EqualTo(start + 3000));

        peer.Deliver(connection, start + 1000, Iss + 1, TcpFlags.Ack, 101, payload: data.AsSpan(1000, 1000).ToArray());
        Assert.That(peer.Last.Options.SackBlockCount, Is.EqualTo(1), "adjacent blocks merge");
        peer.Last.Options.GetSack(0, out left, out right);
        Assert.That(left, Is.EqualTo(start + 1000));
        Assert.That(right, Is.EqualTo(start + 3000));
        Assert.That(connection.Available, Is.EqualTo(0));

        peer.Deliver(connection, start, Iss + 1, TcpFlags.Ack, 102, payload: data.AsSpan(0, 1000).ToArray());
        Assert.That(peer.Last.Ack, Is.EqualTo(start + 3000), "the hole filled: everything acknowledged at once");
        Assert.That(peer.Last.Options.SackBlockCount, Is.EqualTo(0));
        var read = new byte[4000];
        int n = connection.Receive(read, 103);
        Assert.That(n, Is.EqualTo(3000));
        Assert.That(read.AsSpan(0, n).SequenceEqual(data), Is.True);
    }

    [Test]
    public void OverlappingAndOldSegmentsAreTrimmed()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        var data = TcpPeer.Bytes(1500, seed: 9);
        uint start = PeerIss + 1;
        peer.Deliver(connection, start, Iss + 1, TcpFlags.Ack, 100, payload: data.AsSpan(0, 1000).ToArray());
        peer.Deliver(connection, start + 500, Iss + 1, TcpFlags.Ack, 101, payload: data.AsSpan(500, 1000).ToArray());
        peer.Deliver(connection, start, Iss + 1, TcpFlags.Ack, 102, payload: data.AsSpan(0, 1000).ToArray());
        var read = new byte[3000];
        int n = connection.Receive(read, 103);
        Assert.That(n, Is.EqualTo(1500));
        Assert.That(read.AsSpan(0, n).SequenceEqual(data), Is.True);
        Assert.That(peer.Last.Ack, Is.EqualTo(start + 1500), "the old copy is acknowledged again");
    }

    [Test]
    public void LostSegmentIsRetransmittedAtRtoWithBackoff()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        connection.Send(TcpPeer.Bytes(500), 100);
        var first = peer.Take();
        Assert.That(first.Count, Is.EqualTo(1));
        Assert.That(first[0].Payload.Length, Is.EqualTo(500));
        long rto = connection.RetransmissionTimeoutMs;
        Assert.That(connection.NextDeadline, Is.EqualTo(100 + rto));
        connection.OnTimer(100 + rto);
        var again = peer.Take();
        Assert.That(again.Count, Is.EqualTo(1));
        Assert.That(again[0].Seq, Is.EqualTo(first[0].Seq));
        Assert.That(again[0].Payload, Is.EqualTo(first[0].Payload));
        Assert.That(connection.RetransmissionTimeoutMs, Is.EqualTo(2 * rto), "backed off");
        Assert.That(connection.NextDeadline, Is.EqualTo(100 + 3 * rto));

        peer.Deliver(connection, PeerIss + 1, Iss + 501, TcpFlags.Ack, 100 + 3 * rto - 1);
        Assert.That(connection.SendQueued, Is.EqualTo(0));
        Assert.That(connection.NextDeadline, Is.EqualTo(long.MaxValue), "timer off when all is acknowledged");
        Assert.That(connection.RetransmissionTimeoutMs, Is.EqualTo(2 * rto), "Karn: no sample from a retransmission");
    }

    [Test]
    public void RtoFollowsRfc6298()
    {
        var peer = new TcpPeer();
        var connection = Established(peer, new TcpSettings { UseTimestamps = false, UseWindowScale = false, MinRtoMs = 200 });
        // The SYN-ACK came after 10 ms: SRTT 10, RTTVAR 5, RTO = max(200, 10 + 4*5).
        Assert.That(connection.SmoothedRttMs, Is.EqualTo(10));
        Assert.That(connection.RetransmissionTimeoutMs, Is.EqualTo(200));
        connection.Send(TcpPeer.Bytes(100), 1000);
        peer.Deliver(connection, PeerIss + 1, Iss + 101, TcpFlags.Ack, 1330);
        // R = 330: delta 320, SRTT 10 + 40 = 50, RTTVAR 3/4*5 + 320/4 = 83.75: RTO ~ 50 + 335 = 385.
        Assert.That(connection.SmoothedRttMs, Is.EqualTo(50));
        Assert.That(connection.RetransmissionTimeoutMs, Is.InRange(380, 390));
    }

    [Test]
    public void ThreeDuplicateAcksTriggerFastRetransmitAndNewRenoRecovery()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        connection.NoDelay = true;
        Assert.That(connection.CongestionWindow, Is.EqualTo(4000u), "RFC 5681 initial window for MSS 1000");
        connection.Send(TcpPeer.Bytes(4000), 100);
        var flight = peer.Take();
        Assert.That(flight.Count, Is.EqualTo(4));
        uint s0 = Iss + 1;
        peer.Deliver(connection, PeerIss + 1, s0 + 1000, TcpFlags.Ack, 150);
        peer.Take();
        for (int i = 0; i < 2; i++)
            peer.Deliver(connection, PeerIss + 1, s0 + 1000, TcpFlags.Ack, 151 + i);
        Assert.That(peer.Sent.Exists(s => s.Seq == s0 + 1000 && s.Payload.Length > 0), Is.False, "not after two");
        peer.Deliver(connection, PeerIss + 1, s0 + 1000, TcpFlags.Ack, 153);
        Assert.That(peer.Sent.Exists(s => s.Seq == s0 + 1000 && s.Payload.Length == 1000), Is.True, "third duplicate: resend");
        Assert.That(connection.FastRetransmissions, Is.EqualTo(1));
        peer.Take();

        // Partial ACK (segment 3 was lost too): NewReno resends it without waiting.
        peer.Deliver(connection, PeerIss + 1, s0 + 2000, TcpFlags.Ack, 160);
        Assert.That(peer.Sent.Exists(s => s.Seq == s0 + 2000 && s.Payload.Length == 1000), Is.True);
        peer.Deliver(connection, PeerIss + 1, s0 + 4000, TcpFlags.Ack, 170);
        Assert.That(connection.SendQueued, Is.EqualTo(0));
        Assert.That(connection.CongestionWindow, Is.LessThanOrEqualTo(2000u + 1000u), "deflated to ssthresh");
    }

    [Test]
    public void SackBlocksLetRecoveryFillEveryHoleWithoutWaiting()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        connection.NoDelay = true;
        connection.Send(TcpPeer.Bytes(4000), 100);
        peer.Take();
        uint s0 = Iss + 1;
        // Segments 2 and 3 are lost; 4 arrives and is SACKed on every duplicate ACK.
        var sack = TcpOptions.None;
        sack.AddSack(s0 + 3000, s0 + 4000);
        peer.Deliver(connection, PeerIss + 1, s0 + 1000, TcpFlags.Ack, 150);
        for (int i = 0; i < 3; i++)
            peer.Deliver(connection, PeerIss + 1, s0 + 1000, TcpFlags.Ack, 151 + i, options: sack);
        var first = peer.Take();
        Assert.That(first.Exists(s => s.Seq == s0 + 1000 && s.Payload.Length == 1000), Is.True, "fast retransmit of the first hole");
        peer.Deliver(connection, PeerIss + 1, s0 + 1000, TcpFlags.Ack, 154, options: sack);
        var second = peer.Take();
        Assert.That(second.Exists(s => s.Seq == s0 + 2000 && s.Payload.Length == 1000), Is.True,
                    "the second hole goes on the next duplicate ACK, before any partial ACK");
        Assert.That(second.Exists(s => s.Seq == s0 + 3000), Is.False, "SACKed data is not sent again");
        peer.Deliver(connection, PeerIss + 1, s0 + 4000, TcpFlags.Ack, 170);
        Assert.That(connection.SendQueued, Is.EqualTo(0));
    }

    [Test]
    public void LimitedTransmitSendsNewDataOnTheFirstTwoDuplicates()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        connection.Send(TcpPeer.Bytes(8000), 100);
        Assert.That(peer.Take().Count, Is.EqualTo(4), "cwnd: four segments");
        uint s0 = Iss + 1;
        peer.Deliver(connection, PeerIss + 1, s0, TcpFlags.Ack, 150);
        var first = peer.Take();
        Assert.That(first.Count, Is.EqualTo(1));
        Assert.That(first[0].Seq, Is.EqualTo(s0 + 4000), "new data, not a retransmission");
        peer.Deliver(connection, PeerIss + 1, s0, TcpFlags.Ack, 151);
        Assert.That(peer.Take()[0].Seq, Is.EqualTo(s0 + 5000));
    }

    [Test]
    public void NagleHoldsSmallSegmentsWhileDataIsInFlight()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        connection.Send(new byte[10], 100);
        connection.Send(new byte[10], 101);
        var sent = peer.Take();
        Assert.That(sent.Count, Is.EqualTo(1));
        peer.Deliver(connection, PeerIss + 1, Iss + 11, TcpFlags.Ack, 120);
        Assert.That(peer.Last.Payload.Length, Is.EqualTo(10), "sent once the first is acknowledged");

        var peer2 = new TcpPeer();
        var fast = Established(peer2);
        fast.NoDelay = true;
        fast.Send(new byte[10], 100);
        fast.Send(new byte[10], 101);
        Assert.That(peer2.Take().Count, Is.EqualTo(2), "no Nagle");
    }

    [Test]
    public void ZeroWindowIsProbedUntilItOpens()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        connection.Send(TcpPeer.Bytes(1000), 100);
        peer.Take();
        peer.Deliver(connection, PeerIss + 1, Iss + 1001, TcpFlags.Ack, 120, window: 0);
        connection.Send(TcpPeer.Bytes(500), 130);
        Assert.That(peer.Sent, Is.Empty, "the window is shut");
        long probeAt = connection.NextDeadline;
        Assert.That(probeAt, Is.GreaterThan(130).And.LessThan(long.MaxValue));
        connection.OnTimer(probeAt);
        var probe = peer.Take();
        Assert.That(probe.Count, Is.EqualTo(1));
        Assert.That(probe[0].Payload.Length, Is.EqualTo(1));
        Assert.That(probe[0].Seq, Is.EqualTo(Iss + 1001));

        peer.Deliver(connection, PeerIss + 1, Iss + 1001, TcpFlags.Ack, probeAt + 10, window: 0);
        long second = connection.NextDeadline;
        Assert.That(second - (probeAt + 10), Is.GreaterThan(probeAt - 130), "backed off");
        connection.OnTimer(second);
        Assert.That(peer.Take().Count, Is.EqualTo(1));
        Assert.That(connection.State, Is.EqualTo(TcpState.Established), "probing never gives up while answered");

        peer.Deliver(connection, PeerIss + 1, Iss + 1001, TcpFlags.Ack, second + 10, window: 4000);
        var flow = peer.Take();
        Assert.That(flow.Count, Is.EqualTo(1));
        Assert.That(flow[0].Seq, Is.EqualTo(Iss + 1001));
        Assert.That(flow[0].Payload.Length, Is.EqualTo(500));
    }

    [Test]
    public void ASmallWindowStillTakesDataWhenNothingIsInFlight()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Ack, 50, window: 300);
        connection.Send(TcpPeer.Bytes(1000), 100);
        var sent = peer.Take();
        Assert.That(sent.Count, Is.EqualTo(1));
        Assert.That(sent[0].Payload.Length, Is.EqualTo(300), "as much as the window allows, no stall");
        peer.Deliver(connection, PeerIss + 1, Iss + 301, TcpFlags.Ack, 150, window: 300);
        Assert.That(peer.Last.Seq, Is.EqualTo(Iss + 301));
        Assert.That(peer.Last.Payload.Length, Is.EqualTo(300));
    }

    [Test]
    public void ActiveCloseGoesThroughTimeWait()
    {
        var peer = new TcpPeer();
        var connection = Established(peer, new TcpSettings { UseTimestamps = false, UseWindowScale = false, TimeWaitMs = 60_000 });
        connection.Send(TcpPeer.Bytes(100), 100);
        connection.Close(100);
        var sent = peer.Take();
        Assert.That(sent[sent.Count - 1].Has(TcpFlags.Fin), Is.True);
        Assert.That(connection.State, Is.EqualTo(TcpState.FinWait1));
        Assert.That(connection.Send(new byte[1], 101), Is.EqualTo(-1));
        peer.Deliver(connection, PeerIss + 1, Iss + 102, TcpFlags.Ack, 110);
        Assert.That(connection.State, Is.EqualTo(TcpState.FinWait2));
        peer.Deliver(connection, PeerIss + 1, Iss + 102, TcpFlags.Fin | TcpFlags.Ack, 120);
        Assert.That(connection.State, Is.EqualTo(TcpState.TimeWait));
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 2));
        Assert.That(connection.ReceiveFinished, Is.True);
        Assert.That(connection.BufferBytes, Is.EqualTo(0), "TIME-WAIT keeps no buffers");
        peer.Take();

        peer.Deliver(connection, PeerIss + 1, Iss + 102, TcpFlags.Fin | TcpFlags.Ack, 30_000);
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 2), "a repeated FIN is acknowledged again");
        connection.OnTimer(connection.NextDeadline);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(connection.Error, Is.EqualTo(TcpError.None));
    }

    [Test]
    public void TimeWaitKeepsUnreadBytesUntilTheProgramReadsThem()
    {
        var peer = new TcpPeer();
        var settings = new TcpSettings { UseTimestamps = false, UseWindowScale = false };
        var connection = Established(peer, settings);
        Assert.That(connection.BufferBytes, Is.EqualTo(settings.SendBufferSize + settings.ReceiveBufferSize));
        connection.Close(100);
        peer.Deliver(connection, PeerIss + 1, Iss + 2, TcpFlags.Ack, 110);
        Assert.That(connection.State, Is.EqualTo(TcpState.FinWait2));
        peer.Deliver(connection, PeerIss + 1, Iss + 2, TcpFlags.Fin | TcpFlags.Ack, 120, payload: new byte[] { 5, 6, 7 });
        Assert.That(connection.State, Is.EqualTo(TcpState.TimeWait));
        Assert.That(connection.BufferBytes, Is.EqualTo(settings.ReceiveBufferSize), "the send buffer went; the unread bytes stay");
        var read = new byte[8];
        Assert.That(connection.Receive(read, 130), Is.EqualTo(3));
        Assert.That(read[..3], Is.EqualTo(new byte[] { 5, 6, 7 }));
        Assert.That(connection.BufferBytes, Is.EqualTo(0), "read: the receive buffer went too");
        Assert.That(connection.Receive(read, 140), Is.EqualTo(0));

        peer.Take();
        peer.Deliver(connection, PeerIss + 1, Iss + 2, TcpFlags.Fin | TcpFlags.Ack, 150, payload: new byte[] { 5, 6, 7 });
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 5), "a repeated FIN with its data is acknowledged again");
        Assert.That(connection.State, Is.EqualTo(TcpState.TimeWait));
    }

    [Test]
    public void AnOrphanInFinWait2IsResetWhenThePeerNeverSendsItsFin()
    {
        var peer = new TcpPeer();
        var connection = Established(peer, new TcpSettings { UseTimestamps = false, UseWindowScale = false, OrphanFinWait2Ms = 60_000 });
        connection.Close(100);
        connection.Orphan(100);
        peer.Deliver(connection, PeerIss + 1, Iss + 2, TcpFlags.Ack, 110);
        Assert.That(connection.State, Is.EqualTo(TcpState.FinWait2));
        Assert.That(connection.NextDeadline, Is.EqualTo(60_110L), "the orphan's time-out runs from FIN-WAIT-2");
        peer.Take();
        connection.OnTimer(60_109);
        Assert.That(connection.State, Is.EqualTo(TcpState.FinWait2));
        connection.OnTimer(60_110);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(peer.Last.Has(TcpFlags.Rst), Is.True, "the peer learns that the connection is gone");
        Assert.That(peer.Last.Seq, Is.EqualTo(Iss + 2));
        Assert.That(connection.NextDeadline, Is.EqualTo(long.MaxValue));
    }

    [Test]
    public void AConnectionOrphanedInFinWait2WaitsFromThen()
    {
        var peer = new TcpPeer();
        var connection = Established(peer, new TcpSettings { UseTimestamps = false, UseWindowScale = false, OrphanFinWait2Ms = 60_000 });
        connection.Close(100);
        peer.Deliver(connection, PeerIss + 1, Iss + 2, TcpFlags.Ack, 110);
        Assert.That(connection.State, Is.EqualTo(TcpState.FinWait2));
        Assert.That(connection.NextDeadline, Is.EqualTo(long.MaxValue), "a program that still holds the socket may wait for the peer for ever");
        connection.Orphan(5_000);
        Assert.That(connection.NextDeadline, Is.EqualTo(65_000L));
        connection.OnTimer(65_000);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
    }

    [Test]
    public void AnOrphanWhosePeerClosesInTimeGoesThroughTimeWait()
    {
        var peer = new TcpPeer();
        var connection = Established(peer, new TcpSettings { UseTimestamps = false, UseWindowScale = false, TimeWaitMs = 30_000, OrphanFinWait2Ms = 60_000 });
        connection.Close(100);
        connection.Orphan(100);
        peer.Deliver(connection, PeerIss + 1, Iss + 2, TcpFlags.Ack, 110);
        peer.Deliver(connection, PeerIss + 1, Iss + 2, TcpFlags.Fin | TcpFlags.Ack, 50_000);
        Assert.That(connection.State, Is.EqualTo(TcpState.TimeWait));
        Assert.That(connection.NextDeadline, Is.EqualTo(80_000L), "TIME-WAIT's own time, the orphan's gone");
        peer.Take();
        connection.OnTimer(60_110);
        Assert.That(connection.State, Is.EqualTo(TcpState.TimeWait));
        Assert.That(peer.Sent, Is.Empty, "no reset at the orphan's old deadline");
    }

    [Test]
    public void PassiveCloseGoesThroughLastAck()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Fin | TcpFlags.Ack, 100, payload: new byte[] { 7 });
        Assert.That(connection.State, Is.EqualTo(TcpState.CloseWait));
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 3), "the byte and the FIN");
        connection.Send(new byte[] { 8, 9 }, 110);
        connection.Close(110);
        Assert.That(connection.State, Is.EqualTo(TcpState.LastAck));
        Assert.That(peer.Last.Has(TcpFlags.Fin), Is.True);
        peer.Deliver(connection, PeerIss + 3, Iss + 4, TcpFlags.Ack, 120);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(connection.Error, Is.EqualTo(TcpError.None));
    }

    [Test]
    public void SimultaneousCloseGoesThroughClosing()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        connection.Close(100);
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Fin | TcpFlags.Ack, 101);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closing));
        peer.Deliver(connection, PeerIss + 2, Iss + 2, TcpFlags.Ack, 102);
        Assert.That(connection.State, Is.EqualTo(TcpState.TimeWait));
    }

    [Test]
    public void LostFinIsRetransmitted()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        connection.Close(100);
        peer.Take();
        connection.OnTimer(connection.NextDeadline);
        Assert.That(peer.Last.Has(TcpFlags.Fin), Is.True);
        Assert.That(peer.Last.Seq, Is.EqualTo(Iss + 1));
    }

    [Test]
    public void ResetOnlyWithTheExactSequenceNumber()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        peer.Deliver(connection, PeerIss + 1 + 100, 0, TcpFlags.Rst, 100);
        Assert.That(connection.State, Is.EqualTo(TcpState.Established), "in the window but not exact: challenge ACK");
        Assert.That(peer.Last.Flags, Is.EqualTo(TcpFlags.Ack));
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 1));
        peer.Take();
        peer.Deliver(connection, PeerIss + 1 + 200_000, 0, TcpFlags.Rst, 101);
        Assert.That(peer.Sent, Is.Empty, "out of the window: ignored silently");
        peer.Deliver(connection, PeerIss + 1, 0, TcpFlags.Rst, 102);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(connection.Error, Is.EqualTo(TcpError.ConnectionReset));
    }

    [Test]
    public void ResetInEveryStateClosesWithoutAnswer()
    {
        foreach (var setup in new Action<TcpConnection, TcpPeer>[]
        {
            (c, p) => { },
            (c, p) => c.Close(50),                                                                              // FIN-WAIT-1
            (c, p) => { c.Close(50); p.Deliver(c, PeerIss + 1, Iss + 2, TcpFlags.Ack, 51); },                 // FIN-WAIT-2
            (c, p) => p.Deliver(c, PeerIss + 1, Iss + 1, TcpFlags.Fin | TcpFlags.Ack, 50),                   // CLOSE-WAIT
            (c, p) => { p.Deliver(c, PeerIss + 1, Iss + 1, TcpFlags.Fin | TcpFlags.Ack, 50); c.Close(51); }, // LAST-ACK
        })
        {
            var peer = new TcpPeer();
            var connection = Established(peer);
            setup(connection, peer);
            var state = connection.State;
            peer.Take();
            uint seq = state == TcpState.CloseWait || state == TcpState.LastAck ? PeerIss + 2 : PeerIss + 1;
            peer.Deliver(connection, seq, 0, TcpFlags.Rst, 60);
            Assert.That(connection.State, Is.EqualTo(TcpState.Closed), state.ToString());
            Assert.That(peer.Sent, Is.Empty, state + ": a RST is never answered");
        }
    }

    [Test]
    public void SynInASynchronizedStateGetsAChallengeAck()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        peer.Deliver(connection, PeerIss + 1, 0, TcpFlags.Syn, 100, options: SynOptions());
        Assert.That(connection.State, Is.EqualTo(TcpState.Established));
        Assert.That(peer.Last.Flags, Is.EqualTo(TcpFlags.Ack));
    }

    [Test]
    public void AckForUnsentDataAndOutOfWindowDataAreAnsweredNotTaken()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        peer.Deliver(connection, PeerIss + 1, Iss + 5000, TcpFlags.Ack, 100, payload: new byte[] { 1 });
        Assert.That(connection.Available, Is.EqualTo(0));
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 1));
        peer.Deliver(connection, PeerIss + 1 + 1_000_000, Iss + 1, TcpFlags.Ack, 101, payload: new byte[] { 1 });
        Assert.That(connection.Available, Is.EqualTo(0));
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 1));
    }

    [Test]
    public void ReceiveWindowShrinksAsTheBufferFillsAndReopensWhenRead()
    {
        var peer = new TcpPeer();
        var connection = Established(peer, new TcpSettings { UseTimestamps = false, UseWindowScale = false, ReceiveBufferSize = 4000 });
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Ack, 100, payload: TcpPeer.Bytes(1000));
        peer.Deliver(connection, PeerIss + 1001, Iss + 1, TcpFlags.Ack, 101, payload: TcpPeer.Bytes(1000));
        Assert.That(peer.Last.Window, Is.EqualTo(2000));
        peer.Deliver(connection, PeerIss + 2001, Iss + 1, TcpFlags.Ack, 102, payload: TcpPeer.Bytes(1000));
        peer.Deliver(connection, PeerIss + 3001, Iss + 1, TcpFlags.Ack, 103, payload: TcpPeer.Bytes(1000));
        Assert.That(peer.Last.Window, Is.EqualTo(0));
        peer.Take();
        peer.Deliver(connection, PeerIss + 4001, Iss + 1, TcpFlags.Ack, 104, payload: TcpPeer.Bytes(1000));
        Assert.That(connection.Available, Is.EqualTo(4000), "nothing past a zero window");
        Assert.That(peer.Last.Ack, Is.EqualTo(PeerIss + 4001));
        peer.Take();
        connection.Receive(new byte[3000], 105);
        Assert.That(peer.Last, Is.Not.Null, "window update once it is worth one");
        Assert.That(peer.Last.Window, Is.EqualTo(3000));
    }

    [Test]
    public void PawsDropsSegmentsWithOldTimestamps()
    {
        var peer = new TcpPeer();
        var connection = TcpConnection.Connect(TcpPeer.Local, TcpPeer.LocalPort, TcpPeer.Remote, TcpPeer.RemotePort, Iss, 0, peer, peer.Statistics,
                                               new TcpSettings { UseWindowScale = false });
        var options = SynOptions();
        options.HasTimestamps = true;
        options.TimestampValue = 5000;
        peer.Deliver(connection, PeerIss, Iss + 1, TcpFlags.Syn | TcpFlags.Ack, 10, options: options);
        var data = TcpOptions.None;
        data.HasTimestamps = true;
        data.TimestampValue = 4000;
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Ack, 20, payload: new byte[] { 1, 2 }, options: data);
        Assert.That(connection.Available, Is.EqualTo(0), "older than TS.Recent");
        data.TimestampValue = 5001;
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Ack, 21, payload: new byte[] { 1, 2 }, options: data);
        Assert.That(connection.Available, Is.EqualTo(2));
    }

    [Test]
    public void KeepAliveProbesAnIdlePeerAndDropsASilentOne()
    {
        var peer = new TcpPeer();
        var settings = new TcpSettings { UseTimestamps = false, UseWindowScale = false, KeepAliveIdleMs = 10_000, KeepAliveIntervalMs = 1000, KeepAliveProbes = 3 };
        var connection = Established(peer, settings);
        Assert.That(connection.NextDeadline, Is.EqualTo(long.MaxValue), "off by default");
        connection.KeepAlive = true;
        Assert.That(connection.NextDeadline, Is.EqualTo(10 + 10_000), "idle time from the last segment heard");
        connection.OnTimer(10_010);
        Assert.That(peer.Last.Seq, Is.EqualTo(Iss), "SND.UNA - 1: the peer must answer");
        Assert.That(peer.Last.Payload.Length, Is.EqualTo(0));
        peer.Deliver(connection, PeerIss + 1, Iss + 1, TcpFlags.Ack, 10_050);
        Assert.That(connection.NextDeadline, Is.EqualTo(20_050), "an answer restarts the idle time");

        peer.Take();
        for (int i = 0; i < 4; i++)
            connection.OnTimer(connection.NextDeadline);
        Assert.That(peer.Sent.Count, Is.EqualTo(4), "three probes and a reset");
        Assert.That(peer.Last.Has(TcpFlags.Rst), Is.True);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(connection.Error, Is.EqualTo(TcpError.TimedOut));
    }

    [Test]
    public void AbortSendsReset()
    {
        var peer = new TcpPeer();
        var connection = Established(peer);
        connection.Abort(100);
        Assert.That(peer.Last.Has(TcpFlags.Rst), Is.True);
        Assert.That(peer.Last.Seq, Is.EqualTo(Iss + 1));
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(connection.Error, Is.EqualTo(TcpError.Aborted));
    }

    [Test]
    public void DataRetriesEndInTimeOutAndReset()
    {
        var peer = new TcpPeer();
        var connection = Established(peer, new TcpSettings { UseTimestamps = false, UseWindowScale = false, DataRetries = 3 });
        connection.Send(new byte[100], 100);
        for (int i = 0; i < 10 && connection.State != TcpState.Closed; i++)
            connection.OnTimer(connection.NextDeadline);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(connection.Error, Is.EqualTo(TcpError.TimedOut));
        Assert.That(peer.Last.Has(TcpFlags.Rst), Is.True);
    }
}
