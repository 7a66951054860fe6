using System;
using System.Buffers.Binary;
using System.Diagnostics;

namespace CosmosHybrid.Tools.PacketFuzz;

/// <summary>What a campaign did: frames sent, and how the guest answered the probes between them.</summary>
public sealed record CampaignResult(long Frames, long Probes, long ProbesAnswered, long ProbesMissed, long ArpAnswered, TimeSpan Elapsed)
{
    public double FramesPerSecond => Frames / Math.Max(Elapsed.TotalSeconds, 1e-6);

    public override string ToString() =>
        $"{Frames} frames in {Elapsed.TotalSeconds:F1} s ({FramesPerSecond:F0} frames/s), probes {ProbesAnswered}/{Probes} answered, {ProbesMissed} missed";
}

/// <summary>
/// Sends generated frames to the guest in batches; after each batch a well-formed ping from the
/// fuzzer's peer address must be answered before the next batch goes. That paces the sender to
/// what the guest takes (frames are not lost in the host's socket buffers) and shows the stack
/// alive throughout. The guest's ARP requests for the peer are answered.
/// </summary>
public sealed class PacketCampaign
{
    private const ushort ProbeIdentifier = 0xF022;
    private readonly FrameGenerator _generator;
    private readonly UdpFrameInjector _injector;
    private readonly byte[] _frame = new byte[FrameGenerator.MaximumFrame];
    private readonly byte[] _reply = new byte[64];

    public PacketCampaign(FrameGenerator generator, UdpFrameInjector injector)
    {
        _generator = generator;
        _injector = injector;
    }

    public int Batch { get; init; } = 64;
    /// <summary>
    /// At most <see cref="Batch"/> frames and this many bytes between probes: QEMU's socket keeps what the
    /// guest has not taken yet in the host's receive buffer (208 KiB by default, charged about 1 KiB more
    /// than each datagram's length on loopback), and what does not fit is lost (Udp RcvbufErrors in
    /// /proc/net/snmp), the probe with it.
    /// </summary>
    public int BatchBytes { get; init; } = 48 * 1024;
    public TimeSpan ResendInterval { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called after each probe with the frames sent so far (for progress lines).</summary>
    public Action<long> Progress { get; init; }

    private long _arpAnswered;

    public CampaignResult Run(long frames)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0, probes = 0, answered = 0, missed = 0;
        while (sent < frames)
        {
            long batchEnd = Math.Min(frames, sent + Batch);
            for (int bytes = 0; sent < batchEnd && bytes < BatchBytes; sent++)
            {
                FuzzFrame frame = _generator.Next(_frame);
                _injector.Send(_frame.AsSpan(0, frame.Length));
                bytes += frame.Length;
            }
            probes++;
            if (Probe((ushort)probes))
                answered++;
            else
                missed++;
            Progress?.Invoke(sent);
        }
        return new CampaignResult(sent, probes, answered, missed, _arpAnswered, clock.Elapsed);
    }

    /// <summary>Pings the guest (resending every <see cref="ResendInterval"/>) until it answers or the time-out passes.</summary>
    public bool Probe(ushort sequence)
    {
        var target = _generator.Target;
        var clock = Stopwatch.StartNew();
        TimeSpan nextSend = TimeSpan.Zero;
        while (clock.Elapsed < ProbeTimeout)
        {
            if (clock.Elapsed >= nextSend)
            {
                int length = FrameWriter.Icmp(_frame, target, 8, 0, (uint)ProbeIdentifier << 16 | sequence, "probe"u8, sequence);
                _injector.Send(_frame.AsSpan(0, length));
                nextSend = clock.Elapsed + ResendInterval;
            }
            ReadOnlySpan<byte> received = _injector.Receive(TimeSpan.FromMilliseconds(100));
            if (IsEchoReply(received, sequence))
                return true;
            AnswerArp(received);
        }
        return false;
    }

    private static bool IsEchoReply(ReadOnlySpan<byte> frame, ushort sequence)
    {
        if (frame.Length < FrameWriter.Ipv4Offset + 28 || BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(12)) != FrameWriter.TypeIpv4)
            return false;
        ReadOnlySpan<byte> ip = frame.Slice(FrameWriter.Ipv4Offset);
        int headerLength = (ip[0] & 0x0F) * 4;
        if (ip[9] != FrameWriter.ProtocolIcmp || ip.Length < headerLength + 8)
            return false;
        ReadOnlySpan<byte> icmp = ip.Slice(headerLength);
        return icmp[0] == 0 && BinaryPrimitives.ReadUInt16BigEndian(icmp.Slice(4)) == ProbeIdentifier
               && BinaryPrimitives.ReadUInt16BigEndian(icmp.Slice(6)) == sequence;
    }

    /// <summary>Answers the guest's "who has the peer's address" so that its replies can be sent.</summary>
    private void AnswerArp(ReadOnlySpan<byte> frame)
    {
        var target = _generator.Target;
        if (frame.Length < FrameWriter.EthernetHeader + 28 || BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(12)) != FrameWriter.TypeArp)
            return;
        ReadOnlySpan<byte> arp = frame.Slice(FrameWriter.EthernetHeader);
        if (BinaryPrimitives.ReadUInt16BigEndian(arp.Slice(6)) != 1 || !arp.Slice(24, 4).SequenceEqual(target.PeerIp))
            return;
        int length = FrameWriter.Arp(_reply, arp.Slice(8, 6), 2, target.PeerMac, target.PeerIp, arp.Slice(8, 6), arp.Slice(14, 4));
        _injector.Send(_reply.AsSpan(0, length));
        _arpAnswered++;
    }
}
