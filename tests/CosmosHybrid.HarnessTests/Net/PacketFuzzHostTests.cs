using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using CosmosHybrid.Services.Net.Protocols;
using CosmosHybrid.Tools.PacketFuzz;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests.Net;

/// <summary>
/// tools/PacketFuzz on the host: its well-formed frames pass the stack's own parsers and checksums,
/// a seed always gives the same frames, and a campaign fed straight into the protocol core
/// (NetworkHost with a TCP listener, the DHCP client and the DNS reader behind UDP) raises no
/// exception and leaves no fragment, connection or listener state behind once its timers have run.
/// </summary>
public class PacketFuzzHostTests
{
    private static readonly Ipv4Address Guest = new Ipv4Address(10, 0, 2, 15);
    private static readonly Ipv4Address Peer = new Ipv4Address(10, 0, 2, 77);

    [Test]
    public void TheSameSeedGivesTheSameFramesAndAnotherSeedOthers()
    {
        List<string> first = Frames(seed: 17, count: 3000), again = Frames(seed: 17, count: 3000), other = Frames(seed: 18, count: 3000);
        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void EveryProtocolAndDamageAppearsAndFramesFitEthernet()
    {
        var generator = new FrameGenerator(5);
        var frame = new byte[FrameGenerator.MaximumFrame];
        var protocols = new HashSet<FuzzProtocol>();
        var damages = new HashSet<FrameDamage>();
        for (int i = 0; i < 50_000; i++)
        {
            FuzzFrame next = generator.Next(frame);
            Assert.That(next.Length, Is.InRange(1, FrameGenerator.MaximumFrame), $"frame {i} ({next.Protocol}, {next.Damage})");
            protocols.Add(next.Protocol);
            damages.Add(next.Damage);
        }
        Assert.That(protocols, Is.EquivalentTo(Enum.GetValues<FuzzProtocol>()));
        Assert.That(damages, Is.EquivalentTo(Enum.GetValues<FrameDamage>()));
    }

    [Test]
    public void WellFormedFramesPassTheStacksParsersAndChecksums()
    {
        var generator = new FrameGenerator(99);
        var frame = new byte[FrameGenerator.MaximumFrame];
        var checkedProtocols = new HashSet<FuzzProtocol>();
        for (int i = 0; i < 20_000; i++)
        {
            FuzzFrame next = generator.Next(frame);
            if (next.Damage != FrameDamage.None || next.Protocol == FuzzProtocol.Fragment)
                continue;
            ReadOnlySpan<byte> bytes = frame.AsSpan(0, next.Length);
            string what = $"frame {i} ({next.Protocol}): {Convert.ToHexString(bytes)}";
            Assert.That(EthernetFrame.TryParse(bytes, out var ethernet), Is.EqualTo(ParseStatus.Ok), what);
            if (next.Protocol == FuzzProtocol.Arp)
            {
                Assert.That(ArpPacket.TryParse(ethernet.Payload, out _), Is.EqualTo(ParseStatus.Ok), what);
                checkedProtocols.Add(next.Protocol);
                continue;
            }
            Assert.That(Ipv4Header.TryParse(ethernet.Payload, out var ip, out var payload), Is.EqualTo(ParseStatus.Ok), what);
            Assert.That(ip.Source, Is.EqualTo(Peer));
            Assert.That(ip.Destination, Is.EqualTo(Guest));
            switch (next.Protocol)
            {
                case FuzzProtocol.IcmpEcho:
                case FuzzProtocol.Icmp:
                    Assert.That(IcmpMessage.TryParse(payload, out _), Is.EqualTo(ParseStatus.Ok), what);
                    break;
                case FuzzProtocol.Tcp:
                    Assert.That(InternetChecksum.ComputeWithPseudoHeader(ip.Source, ip.Destination, 6, payload), Is.Zero, what);
                    Assert.That(TcpSegment.TryParse(payload, ip.Source, ip.Destination, out _), Is.EqualTo(ParseStatus.Ok), what);
                    break;
                default:
                    Assert.That(UdpDatagram.TryParse(payload, ip.Source, ip.Destination, out var udp), Is.EqualTo(ParseStatus.Ok), what);
                    if (next.Protocol == FuzzProtocol.Dhcp)
                        Assert.That(DhcpMessage.TryParse(udp.Payload, out _), Is.EqualTo(ParseStatus.Ok), what);
                    if (next.Protocol == FuzzProtocol.Dns)
                        Assert.That(DnsCodec.ReadName(udp.Payload, 12, new byte[256], out _, out _), Is.EqualTo(ParseStatus.Ok), what);
                    break;
            }
            checkedProtocols.Add(next.Protocol);
        }
        Assert.That(checkedProtocols, Has.Count.EqualTo(7), "ARP, ICMP echo, ICMP, UDP, TCP, DHCP and DNS each checked");
    }

    [Test]
    public void AWellFormedPingFromTheGeneratorIsAnswered()
    {
        var output = new CapturedFrames();
        var host = new NetworkHost(MacAddress.Read(FuzzTarget.QemuUserNetwork.GuestMac), output, secret: 1);
        host.Configure(Configuration());
        host.Arp.Cache.Update(Peer, MacAddress.Read(FuzzTarget.QemuUserNetwork.PeerMac), 0, create: true, new List<byte[]>());
        output.Frames.Clear();
        var frame = new byte[FrameGenerator.MaximumFrame];
        int length = FrameWriter.Icmp(frame, FuzzTarget.QemuUserNetwork, 8, 0, 0x1234_0001, "ping"u8, 1);
        host.ReceiveFrame(frame.AsSpan(0, length), 0);
        Assert.That(output.Frames, Has.Count.EqualTo(1));
        Assert.That(output.Frames[0][14 + 20], Is.EqualTo(0), "an echo reply");
    }

    /// <summary>The fixed-seed slice of the host campaign (the boot test runs the same generator against the guest).</summary>
    [TestCase(20261206UL, 200_000)]
    public void ACampaignIntoTheProtocolCoreRaisesNothingAndLeavesNothingBehind(ulong seed, int frames)
    {
        var output = new CapturedFrames();
        var statistics = new NetStatistics();
        var host = new NetworkHost(MacAddress.Read(FuzzTarget.QemuUserNetwork.GuestMac), output, secret: 7, statistics);
        host.Configure(Configuration());
        var listener = new TcpListenQueue(Guest, 7000, 8, statistics);
        host.Tcp.Listen(listener);
        var udp = new ApplicationUdp(statistics);
        host.Udp = udp;
        var generator = new FrameGenerator(seed);
        var frame = new byte[FrameGenerator.MaximumFrame];
        var failures = new Dictionary<string, int>();
        string firstFailure = null;
        long now = 0;
        for (int i = 0; i < frames; i++)
        {
            FuzzFrame next = generator.Next(frame);
            now += 1;
            try
            {
                host.ReceiveFrame(frame.AsSpan(0, next.Length), now);
                if (i % 64 == 0)
                    host.Poll(now);
                while (listener.Accept() is { } accepted)
                    accepted.Abort(now);
                output.Frames.Clear();
            }
            catch (Exception exception)
            {
                string key = $"{next.Protocol}/{next.Damage}: {exception.GetType().Name}";
                failures[key] = failures.GetValueOrDefault(key) + 1;
                firstFailure ??= $"seed {seed} frame {i}: {exception}\n{Convert.ToHexString(frame, 0, next.Length)}";
            }
        }
        TestContext.Out.WriteLine($"{frames} frames, seed {seed}: " + string.Join(", ",
            statistics.All.Select(counter => $"{counter.Name} {counter.Received}")));
        TestContext.Out.WriteLine($"fragments {statistics.FragmentsReceived} received, {statistics.FragmentsReassembled} reassembled, "
                                  + $"{statistics.FragmentsOverlapping} overlapping; DHCP messages read {udp.DhcpMessages}, DNS responses {udp.DnsResponses}");
        Assert.That(failures, Is.Empty, firstFailure);

        // Ten minutes later every timer has run: half-assembled datagrams and half-open connections are gone.
        for (long later = now; later <= now + 600_000; later += 1000)
            host.Poll(later);
        Assert.That(host.Reassembler.DatagramsInProgress, Is.Zero);
        Assert.That(host.Reassembler.BytesHeld, Is.Zero);
        Assert.That(host.Tcp.ConnectionCount, Is.Zero);
        Assert.That(listener.PendingCount + listener.ReadyCount, Is.Zero);
    }

    private static IpConfiguration Configuration() => new IpConfiguration
    {
        Address = Guest,
        SubnetMask = new Ipv4Address(255, 255, 255, 0),
        Gateway = new Ipv4Address(10, 0, 2, 2),
    };

    private static List<string> Frames(ulong seed, int count)
    {
        var generator = new FrameGenerator(seed);
        var frame = new byte[FrameGenerator.MaximumFrame];
        var frames = new List<string>();
        for (int i = 0; i < count; i++)
        {
            FuzzFrame next = generator.Next(frame);
            frames.Add($"{next.Protocol} {next.Damage} {Convert.ToHexString(frame, 0, next.Length)}");
        }
        return frames;
    }

    private sealed class CapturedFrames : IFrameOutput
    {
        public readonly List<byte[]> Frames = new List<byte[]>();

        public void SendFrame(ReadOnlySpan<byte> frame) => Frames.Add(frame.ToArray());
    }

    /// <summary>What the net service puts behind UDP: the DHCP client on port 68 and the DNS reader for answers from port 53.</summary>
    private sealed class ApplicationUdp : IUdpHandler
    {
        private readonly DhcpClient _dhcp;
        private readonly byte[] _queryName = new byte[64];
        private readonly byte[] _scratch = new byte[1024];
        private readonly Ipv4Address[] _addresses = new Ipv4Address[4];
        public int DhcpMessages;
        public int DnsResponses;

        public ApplicationUdp(NetStatistics statistics)
        {
            _dhcp = new DhcpClient(MacAddress.Read(FuzzTarget.QemuUserNetwork.GuestMac), 3, statistics);
            _dhcp.Start(0);
            DnsCodec.EncodeName("host.example", _queryName);
        }

        public bool OnDatagram(Ipv4Address source, ushort sourcePort, Ipv4Address destination, ushort destinationPort, ReadOnlySpan<byte> payload, long now)
        {
            if (destinationPort == 68)
            {
                DhcpMessages++;
                _dhcp.Receive(payload, now);
                return true;
            }
            if (sourcePort == 53 && payload.Length >= 2)
            {
                DnsResponses++;
                DnsCodec.ParseResponse(payload, BinaryPrimitives.ReadUInt16BigEndian(payload), _queryName, _scratch, _addresses, out _, out _, out _);
                return true;
            }
            return false;
        }

        public void OnUnreachable(ushort localPort, Ipv4Address remote, ushort remotePort, byte code, long now)
        {
        }
    }
}
