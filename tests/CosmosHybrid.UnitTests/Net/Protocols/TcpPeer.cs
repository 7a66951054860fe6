using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>A segment the connection sent, parsed back from its bytes (so every send also tests the codec).</summary>
public sealed class SentSegment
{
    public uint Seq;
    public uint Ack;
    public byte Flags;
    public ushort Window;
    public TcpOptions Options;
    public byte[] Payload;

    public bool Has(byte flag) => (Flags & flag) != 0;
    public override string ToString() => "seq " + Seq + " ack " + Ack + " flags " + Flags + " len " + Payload.Length;
}

/// <summary>The scripted far end: collects what the connection sends and feeds it hand-made segments.</summary>
public sealed class TcpPeer : ITcpOutput
{
    public static readonly Ipv4Address Local = new Ipv4Address(10, 0, 2, 15);
    public static readonly Ipv4Address Remote = new Ipv4Address(10, 0, 2, 2);
    public const ushort LocalPort = 40000;
    public const ushort RemotePort = 80;

    public readonly List<SentSegment> Sent = new List<SentSegment>();
    public readonly NetStatistics Statistics = new NetStatistics();
    private readonly byte[] _buffer = new byte[2000];
    private readonly byte[] _segmentSpace = new byte[65535];

    public Span<byte> SegmentSpace => _segmentSpace;

    /// <summary>What the connection may leave to the "NIC" (default: nothing); <see cref="NicSegmenter"/> finishes what it leaves.</summary>
    public TcpOffload Offload { get; set; }

    /// <summary>Segments handed over for the NIC to cut, as handed over (before cutting).</summary>
    public readonly List<(uint Seq, int Length, int SegmentPayload)> Handed = new List<(uint, int, int)>();

    public void Transmit(TcpConnection connection, ReadOnlySpan<byte> segment, FrameOffload offload)
    {
        if (!offload.IsNone)
        {
            Assert.That(Offload.Checksums, Is.True, "an offload the output did not offer");
            Assert.That(segment.Length, Is.LessThanOrEqualTo(Math.Max(Offload.MaxSegmentLength, 1480)));
            int header = (segment[12] >> 4) * 4;
            Handed.Add((TcpOptions.ReadUInt32(segment.Slice(4)), segment.Length - header, offload.SegmentPayload));
            foreach (byte[] piece in NicSegmenter.Finish(segment, offload))
                Transmit(connection, piece, default);
            return;
        }
        Assert.That(TcpSegment.TryParse(segment, connection.LocalAddress, connection.RemoteAddress, out var parsed), Is.EqualTo(ParseStatus.Ok),
                    "the connection sent a segment that does not parse");
        // RFC 6691: options and data together within the peer's MSS (the IPv4 layer refuses more on a 1500-byte link).
        Assert.That(segment.Length - TcpSegment.MinHeaderLength, Is.LessThanOrEqualTo(Math.Max(connection.Mss, 40)),
                    "a segment longer than the peer's MSS allows: " + parsed.Payload.Length + " bytes of data, "
                    + parsed.Options.WrittenLength + " of options");
        Sent.Add(new SentSegment
        {
            Seq = parsed.Sequence,
            Ack = parsed.Acknowledgment,
            Flags = parsed.Flags,
            Window = parsed.Window,
            Options = parsed.Options,
            Payload = parsed.Payload.ToArray(),
        });
    }

    public SentSegment Last => Sent.Count == 0 ? null : Sent[Sent.Count - 1];

    public List<SentSegment> Take()
    {
        var taken = new List<SentSegment>(Sent);
        Sent.Clear();
        return taken;
    }

    /// <summary>Delivers a segment from the peer to the connection.</summary>
    public void Deliver(TcpConnection connection, uint seq, uint ack, byte flags, long now, ushort window = 65535, byte[] payload = null,
                        TcpOptions? options = null)
    {
        var opts = options ?? TcpOptions.None;
        int length = TcpSegment.Write(_buffer, Remote, Local, RemotePort, LocalPort, seq, ack, flags, window, opts, payload ?? Array.Empty<byte>());
        Assert.That(TcpSegment.TryParse(_buffer.AsSpan(0, length), Remote, Local, out var segment), Is.EqualTo(ParseStatus.Ok));
        connection.OnSegment(segment, now);
    }

    public static byte[] Bytes(int length, int seed = 0)
    {
        var data = new byte[length];
        for (int i = 0; i < length; i++)
            data[i] = (byte)(i * 31 + seed);
        return data;
    }
}
