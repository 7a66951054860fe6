using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>The IPv4 host over an output whose NIC finishes frames: what it offers TCP, and frames that wait for ARP.</summary>
public class NetworkHostOffloadTests
{
    private sealed class OffloadingOutput : IOffloadingFrameOutput
    {
        public bool FinishesChecksums { get; set; }
        public int MaxSegmentationFrame { get; set; }
        public readonly List<(byte[] Frame, FrameOffload Offload)> Frames = new List<(byte[], FrameOffload)>();

        public void SendFrame(ReadOnlySpan<byte> frame) => Frames.Add((frame.ToArray(), default));

        public void SendFrame(ReadOnlySpan<byte> frame, FrameOffload offload) => Frames.Add((frame.ToArray(), offload));
    }

    private static readonly Ipv4Address Local = new Ipv4Address(10, 0, 2, 15);
    private static readonly Ipv4Address Peer = new Ipv4Address(10, 0, 2, 3);

    private static NetworkHost Host(OffloadingOutput output)
    {
        var host = new NetworkHost(HostHarness.HostMac, output, secret: 7);
        host.Configure(new IpConfiguration { Address = Local, SubnetMask = new Ipv4Address(255, 255, 255, 0), Gateway = new Ipv4Address(10, 0, 2, 2) });
        output.Frames.Clear();
        return host;
    }

    [Test]
    public void TcpIsOfferedWhatTheNicFinishesAndNothingByAPlainOutput()
    {
        var output = new OffloadingOutput();
        ITcpOutput host = Host(output);
        Assert.That(host.Offload.Checksums, Is.False);
        output.FinishesChecksums = true;
        Assert.That(host.Offload.Checksums, Is.True);
        Assert.That(host.Offload.MaxSegmentLength, Is.Zero, "checksums only: no segment longer than the MTU");
        output.MaxSegmentationFrame = 14 + 65535;
        Assert.That(host.Offload.MaxSegmentLength, Is.EqualTo(65535 - 20));
        Assert.That(host.SegmentSpace.Length, Is.GreaterThanOrEqualTo(host.Offload.MaxSegmentLength), "room to build the longest segment in place");

        ITcpOutput plain = new NetworkHost(HostHarness.HostMac, new HostHarness(), secret: 7);
        Assert.That(plain.Offload.Checksums, Is.False);
        Assert.That(plain.Offload.MaxSegmentLength, Is.Zero);
    }

    [Test]
    public void AnOffloadedSegmentGoesWithItsIpChecksumLeftToTheNicAndTheSegmentsIdentifications()
    {
        var output = new OffloadingOutput { FinishesChecksums = true, MaxSegmentationFrame = 14 + 65535 };
        NetworkHost host = Host(output);
        Resolve(host, output);
        byte[] segment = Segment(8 * 1000, TcpChecksumMode.PseudoHeaderWithoutLength);
        Assert.That(host.SendIpv4(Peer, IpProtocol.Tcp, segment, 20, offload: new FrameOffload(true, 1000)), Is.True);
        Assert.That(host.SendIpv4(Peer, IpProtocol.Tcp, Segment(100, TcpChecksumMode.Full), 21), Is.True);
        Assert.That(output.Frames.Count, Is.EqualTo(2));
        (byte[] frame, FrameOffload offload) = output.Frames[0];
        Assert.That(offload.SegmentPayload, Is.EqualTo(1000));
        Assert.That(frame.Length, Is.EqualTo(14 + 20 + 20 + 8000));
        Assert.That(frame[24] | frame[25], Is.Zero, "the IPv4 header checksum is the NIC's");
        ushort first = (ushort)((frame[18] << 8) | frame[19]);
        byte[] next = output.Frames[1].Frame;
        Assert.That((ushort)((next[18] << 8) | next[19]), Is.EqualTo((ushort)(first + 8)), "the NIC gave the eight segments eight identifications");
        Assert.That(Ipv4Header.TryParse(next.AsSpan(14), out _, out _), Is.EqualTo(ParseStatus.Ok), "a plain packet keeps its checksum");
    }

    [Test]
    public void AFrameWaitingForArpGetsItsChecksumsInSoftwareAndOneToCutIsDropped()
    {
        var output = new OffloadingOutput { FinishesChecksums = true, MaxSegmentationFrame = 14 + 65535 };
        NetworkHost host = Host(output);
        byte[] segment = Segment(1000, TcpChecksumMode.PseudoHeader);
        Assert.That(host.SendIpv4(Peer, IpProtocol.Tcp, segment, 10, offload: FrameOffload.ChecksumsOnly), Is.True);
        Assert.That(host.SendIpv4(Peer, IpProtocol.Tcp, Segment(4000, TcpChecksumMode.PseudoHeaderWithoutLength), 10,
                                  offload: new FrameOffload(true, 1000)), Is.False, "not queued: TCP sends it again, an MSS at a time");
        Assert.That(output.Frames.Count, Is.EqualTo(1), "the ARP request only");
        output.Frames.Clear();
        Resolve(host, output);
        Assert.That(output.Frames.Count, Is.EqualTo(1));
        (byte[] frame, FrameOffload offload) = output.Frames[0];
        Assert.That(offload.IsNone, Is.True, "released as a plain frame");
        Assert.That(Ipv4Header.TryParse(frame.AsSpan(14), out var header, out var payload), Is.EqualTo(ParseStatus.Ok), "its IPv4 checksum was inserted");
        Assert.That(TcpSegment.TryParse(payload, header.Source, header.Destination, out var parsed), Is.EqualTo(ParseStatus.Ok), "and its TCP checksum");
        Assert.That(parsed.Payload.Length, Is.EqualTo(1000));
    }

    private static void Resolve(NetworkHost host, OffloadingOutput output)
    {
        var reply = new ArpPacket(ArpPacket.OperationReply, HostHarness.PeerMac, Peer, HostHarness.HostMac, Local);
        host.ReceiveFrame(HostHarness.ArpFrame(reply, HostHarness.HostMac), 15);
        output.Frames.RemoveAll(f => f.Frame[12] == 0x08 && f.Frame[13] == 0x06);
    }

    private static byte[] Segment(int dataLength, TcpChecksumMode mode)
    {
        var segment = new byte[20 + dataLength];
        TcpPeer.Bytes(dataLength).CopyTo(segment, 20);
        TcpSegment.WriteAroundPayload(segment, Local, Peer, 40000, 80, 1000, 5000, TcpFlags.Ack, 65535, TcpOptions.None, dataLength, mode);
        return segment;
    }
}
