using System;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

public class NetworkHostTests
{
    private static void Learn(HostHarness h, Ipv4Address ip, MacAddress mac)
        => h.Host.ReceiveFrame(HostHarness.ArpFrame(ArpPacket.Request(mac, ip, HostHarness.HostIp), HostHarness.HostMac), 0);

    [Test]
    public void ConfigureAnnouncesTheAddress()
    {
        var h = new HostHarness();
        var frame = h.Frames[0];
        Assert.That(EthernetFrame.TryParse(frame, out var ethernet), Is.EqualTo(ParseStatus.Ok));
        Assert.That(ethernet.Destination.IsBroadcast, Is.True);
        ArpPacket.TryParse(ethernet.Payload, out var arp);
        Assert.That(arp.IsGratuitous && arp.SenderIp == HostHarness.HostIp, Is.True);
    }

    [Test]
    public void PingIsAnsweredAfterArpResolution()
    {
        var h = new HostHarness();
        h.Take();
        h.Host.ReceiveFrame(HostHarness.EchoRequest(0x4242, 1, 56), 10);
        var sent = h.Take();
        Assert.That(sent.Count, Is.EqualTo(1), "an ARP request; the reply waits");
        EthernetFrame.TryParse(sent[0], out var ethernet);
        Assert.That(ethernet.EtherType, Is.EqualTo(EtherType.Arp));
        Assert.That(h.Host.Arp.Cache.PendingCount(HostHarness.PeerIp), Is.EqualTo(1));

        var reply = new ArpPacket(ArpPacket.OperationReply, HostHarness.PeerMac, HostHarness.PeerIp, HostHarness.HostMac, HostHarness.HostIp);
        h.Host.ReceiveFrame(HostHarness.ArpFrame(reply, HostHarness.HostMac), 20);
        sent = h.Take();
        Assert.That(sent.Count, Is.EqualTo(1));
        EthernetFrame.TryParse(sent[0], out ethernet);
        Assert.That(ethernet.Destination, Is.EqualTo(HostHarness.PeerMac));
        Assert.That(Ipv4Header.TryParse(ethernet.Payload, out var ip, out var payload), Is.EqualTo(ParseStatus.Ok));
        Assert.That(ip.Destination, Is.EqualTo(HostHarness.PeerIp));
        Assert.That(ip.Source, Is.EqualTo(HostHarness.HostIp));
        Assert.That(IcmpMessage.TryParse(payload, out var echo), Is.EqualTo(ParseStatus.Ok));
        Assert.That(echo.Type, Is.EqualTo(IcmpMessage.TypeEchoReply));
        Assert.That(echo.Identifier, Is.EqualTo(0x4242));
        Assert.That(echo.Body.SequenceEqual(TcpPeer.Bytes(56)), Is.True);
    }

    [Test]
    public void FragmentedPingIsReassembledAndAnswered()
    {
        var h = new HostHarness();
        Learn(h, HostHarness.PeerIp, HostHarness.PeerMac);
        h.Take();
        var icmp = new byte[8 + 1000];
        IcmpMessage.WriteEchoRequest(icmp, 7, 9, TcpPeer.Bytes(1000));
        h.Host.ReceiveFrame(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Icmp, icmp.AsSpan(504), 77, 504 / 8), 5);
        Assert.That(h.Frames, Is.Empty);
        h.Host.ReceiveFrame(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Icmp, icmp.AsSpan(0, 504), 77,
                                                  Ipv4Header.MoreFragmentsFlag), 6);
        var sent = h.Take();
        Assert.That(sent.Count, Is.EqualTo(1));
        EthernetFrame.TryParse(sent[0], out var ethernet);
        Ipv4Header.TryParse(ethernet.Payload, out _, out var payload);
        IcmpMessage.TryParse(payload, out var echo);
        Assert.That(echo.Type, Is.EqualTo(IcmpMessage.TypeEchoReply));
        Assert.That(echo.Body.Length, Is.EqualTo(1000));
        Assert.That(h.Host.Statistics.FragmentsReassembled, Is.EqualTo(1));
    }

    [Test]
    public void ClosedUdpPortGetsPortUnreachableAndOpenOneDelivers()
    {
        var h = new HostHarness();
        Learn(h, HostHarness.PeerIp, HostHarness.PeerMac);
        h.Take();
        h.BoundUdpPorts.Add(5353);
        h.Host.ReceiveFrame(HostHarness.UdpFrame(1111, 5353, new byte[] { 1, 2, 3 }), 1);
        Assert.That(h.UdpReceived, Is.EqualTo(new[] { "10.0.2.2:1111 -> 5353 3" }));
        Assert.That(h.Frames, Is.Empty);

        h.Host.ReceiveFrame(HostHarness.UdpFrame(1111, 9999, new byte[] { 1, 2, 3 }), 2);
        var sent = h.Take();
        Assert.That(sent.Count, Is.EqualTo(1));
        EthernetFrame.TryParse(sent[0], out var ethernet);
        Ipv4Header.TryParse(ethernet.Payload, out _, out var payload);
        IcmpMessage.TryParse(payload, out var error);
        Assert.That(error.Type, Is.EqualTo(IcmpMessage.TypeDestinationUnreachable));
        Assert.That(error.Code, Is.EqualTo(IcmpMessage.CodePortUnreachable));
        error.TryParseQuoted(out _, out _, out byte protocol, out ushort sourcePort, out ushort destinationPort);
        Assert.That((protocol, sourcePort, destinationPort), Is.EqualTo((IpProtocol.Udp, (ushort)1111, (ushort)9999)));

        h.Host.ReceiveFrame(HostHarness.UdpFrame(1111, 9999, new byte[] { 1 }, Ipv4Address.Broadcast), 3);
        Assert.That(h.Frames, Is.Empty, "never for a broadcast");
    }

    [Test]
    public void PortUnreachableReachesTheUdpSocket()
    {
        var h = new HostHarness();
        var quoted = new byte[28];
        Ipv4Header.Write(quoted, HostHarness.HostIp, HostHarness.PeerIp, IpProtocol.Udp, 8, 1);
        UdpDatagram.WriteHeader(quoted.AsSpan(20), HostHarness.HostIp, HostHarness.PeerIp, 40001, 53, 0);
        var icmp = new byte[8 + 28];
        IcmpMessage.Write(icmp, IcmpMessage.TypeDestinationUnreachable, IcmpMessage.CodePortUnreachable, 0, quoted);
        h.Host.ReceiveFrame(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Icmp, icmp), 1);
        Assert.That(h.Unreachable, Is.EqualTo(new[] { "40001 10.0.2.2:53 code 3" }));
    }

    [Test]
    public void PortUnreachableForOurSynRefusesTheConnection()
    {
        var h = new HostHarness();
        Learn(h, HostHarness.PeerIp, HostHarness.PeerMac);
        var connection = h.Host.Tcp.Connect(HostHarness.HostIp, 45000, HostHarness.PeerIp, 81, 0);
        var sent = h.Take();
        EthernetFrame.TryParse(sent[sent.Count - 1], out var ethernet);
        var quoted = ethernet.Payload.Slice(0, 28).ToArray(); // the SYN's IP header and first eight TCP bytes

        var icmp = new byte[8 + 28];
        IcmpMessage.Write(icmp, IcmpMessage.TypeDestinationUnreachable, IcmpMessage.CodeHostUnreachable, 0, quoted);
        h.Host.ReceiveFrame(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Icmp, icmp), 5);
        Assert.That(connection.State, Is.EqualTo(TcpState.SynSent), "host unreachable is a soft error");

        var wrong = (byte[])quoted.Clone();
        wrong[24] ^= 0x40; // another sequence number: not ours (RFC 5927)
        IcmpMessage.Write(icmp, IcmpMessage.TypeDestinationUnreachable, IcmpMessage.CodePortUnreachable, 0, wrong);
        h.Host.ReceiveFrame(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Icmp, icmp), 6);
        Assert.That(connection.State, Is.EqualTo(TcpState.SynSent));

        IcmpMessage.Write(icmp, IcmpMessage.TypeDestinationUnreachable, IcmpMessage.CodePortUnreachable, 0, quoted);
        h.Host.ReceiveFrame(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Icmp, icmp), 7);
        Assert.That(connection.State, Is.EqualTo(TcpState.Closed));
        Assert.That(connection.Error, Is.EqualTo(TcpError.ConnectionRefused));
    }

    /// <summary>DHCP through the host: DISCOVER broadcast from 0.0.0.0, a unicast OFFER taken before any address is set.</summary>
    [Test]
    public void DhcpRunsThroughAnUnconfiguredHost()
    {
        var frames = new HostHarness();
        var host = new NetworkHost(HostHarness.HostMac, frames, secret: 3);
        var client = new DhcpClient(HostHarness.HostMac, 11, host.Statistics);
        var udp = new DhcpUdp(client);
        host.Udp = udp;
        client.Start(0);
        var buffer = new byte[600];
        Assert.That(client.Poll(0, buffer, out int length, out var destination), Is.True);
        Assert.That(host.SendUdp(DhcpMessage.ClientPort, destination, DhcpMessage.ServerPort, buffer.AsSpan(0, length), 0), Is.True);
        var sent = frames.Take();
        Assert.That(EthernetFrame.TryParse(sent[sent.Count - 1], out var ethernet), Is.EqualTo(ParseStatus.Ok));
        Assert.That(ethernet.Destination.IsBroadcast, Is.True);
        Ipv4Header.TryParse(ethernet.Payload, out var ip, out var payload);
        Assert.That(ip.Source, Is.EqualTo(Ipv4Address.Any));
        Assert.That(ip.Destination, Is.EqualTo(Ipv4Address.Broadcast));
        Assert.That(UdpDatagram.TryParse(payload, ip.Source, ip.Destination, out var discover), Is.EqualTo(ParseStatus.Ok));
        uint xid = ((uint)discover.Payload[4] << 24) | ((uint)discover.Payload[5] << 16) | ((uint)discover.Payload[6] << 8) | discover.Payload[7];

        var offer = new byte[300];
        offer[0] = 2; offer[1] = 1; offer[2] = 6;
        offer[4] = (byte)(xid >> 24); offer[5] = (byte)(xid >> 16); offer[6] = (byte)(xid >> 8); offer[7] = (byte)xid;
        HostHarness.HostIp.Write(offer.AsSpan(16));
        HostHarness.HostMac.Write(offer.AsSpan(28));
        offer[236] = 99; offer[237] = 130; offer[238] = 83; offer[239] = 99;
        new byte[] { 53, 1, 2, 54, 4, 10, 0, 2, 2, 255 }.CopyTo(offer, 240);
        host.ReceiveFrame(HostHarness.UdpFrame(DhcpMessage.ServerPort, DhcpMessage.ClientPort, offer), 100);
        Assert.That(client.State, Is.EqualTo(DhcpClientState.Requesting));
    }

    private sealed class DhcpUdp : IUdpHandler
    {
        private readonly DhcpClient _client;
        public DhcpUdp(DhcpClient client) => _client = client;

        public bool OnDatagram(Ipv4Address source, ushort sourcePort, Ipv4Address destination, ushort destinationPort, ReadOnlySpan<byte> payload, long now)
        {
            if (destinationPort != DhcpMessage.ClientPort)
                return false;
            _client.Receive(payload, now);
            return true;
        }

        public void OnUnreachable(ushort localPort, Ipv4Address remote, ushort remotePort, byte code, long now) { }
    }

    [Test]
    public void StatisticsDescribeEveryProtocol()
    {
        var h = new HostHarness();
        h.Host.ReceiveFrame(new byte[10], 0);
        var lines = new System.Collections.Generic.List<string>();
        h.Host.Statistics.Describe(lines);
        Assert.That(lines.Count, Is.EqualTo(11));
        Assert.That(lines[0], Does.StartWith("ethernet: 1 received, 0 delivered, 0 sent, 0 dropped, 1 truncated"));
        Assert.That(lines[10], Does.StartWith("tcp: 0 segments retransmitted"));
    }

    [Test]
    public void OffLinkTrafficGoesThroughTheGateway()
    {
        var h = new HostHarness();
        Learn(h, HostHarness.GatewayIp, HostHarness.GatewayMac);
        h.Take();
        Assert.That(h.Host.SendUdp(4000, new Ipv4Address(192, 0, 2, 1), 53, new byte[] { 1 }, 5), Is.True);
        EthernetFrame.TryParse(h.Frames[0], out var ethernet);
        Assert.That(ethernet.Destination, Is.EqualTo(HostHarness.GatewayMac));
        Ipv4Header.TryParse(ethernet.Payload, out var ip, out var payload);
        Assert.That(ip.Destination, Is.EqualTo(new Ipv4Address(192, 0, 2, 1)));
        Assert.That(UdpDatagram.TryParse(payload, ip.Source, ip.Destination, out var udp), Is.EqualTo(ParseStatus.Ok));
        Assert.That(udp.DestinationPort, Is.EqualTo(53));
    }

    [Test]
    public void TcpToAClosedPortIsResetAndAListenerAnswers()
    {
        var h = new HostHarness();
        Learn(h, HostHarness.PeerIp, HostHarness.PeerMac);
        h.Take();
        var syn = new byte[24];
        var options = TcpOptions.None;
        options.Mss = 1460;
        TcpSegment.Write(syn, HostHarness.PeerIp, HostHarness.HostIp, 50000, 80, 100, 0, TcpFlags.Syn, 8192, options, default);
        h.Host.ReceiveFrame(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Tcp, syn), 1);
        EthernetFrame.TryParse(h.Take()[0], out var ethernet);
        Ipv4Header.TryParse(ethernet.Payload, out var ip, out var payload);
        TcpSegment.TryParse(payload, ip.Source, ip.Destination, out var reset);
        Assert.That(reset.Flags, Is.EqualTo(TcpFlags.Rst | TcpFlags.Ack));
        Assert.That(reset.Acknowledgment, Is.EqualTo(101u));

        var listener = new TcpListenQueue(Ipv4Address.Any, 80, 8, h.Host.Statistics);
        h.Host.Tcp.Listen(listener);
        h.Host.ReceiveFrame(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Tcp, syn), 2);
        EthernetFrame.TryParse(h.Take()[0], out ethernet);
        Ipv4Header.TryParse(ethernet.Payload, out ip, out payload);
        TcpSegment.TryParse(payload, ip.Source, ip.Destination, out var synAck);
        Assert.That(synAck.Flags, Is.EqualTo(TcpFlags.Syn | TcpFlags.Ack));
        Assert.That(synAck.Acknowledgment, Is.EqualTo(101u));
        Assert.That(listener.PendingCount, Is.EqualTo(1));
    }

    [Test]
    public void ANewSynTakesOverAConnectionInTimeWait()
    {
        var h = new HostHarness();
        Learn(h, HostHarness.PeerIp, HostHarness.PeerMac);
        var listener = new TcpListenQueue(Ipv4Address.Any, 80, 8, h.Host.Statistics, new TcpSettings { UseTimestamps = false });
        h.Host.Tcp.Listen(listener);
        h.Take();
        var segment = new byte[64];
        void Send(uint seq, uint ack, byte flags)
        {
            var options = TcpOptions.None;
            if ((flags & TcpFlags.Syn) != 0)
                options.Mss = 1460;
            int length = TcpSegment.Write(segment, HostHarness.PeerIp, HostHarness.HostIp, 50000, 80, seq, ack, flags, 8192, options, default);
            h.Host.ReceiveFrame(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Tcp, segment.AsSpan(0, length)), 1);
        }
        TcpSegment LastSegment()
        {
            EthernetFrame.TryParse(h.Frames[h.Frames.Count - 1], out var ethernet);
            Ipv4Header.TryParse(ethernet.Payload, out var ip, out var payload);
            TcpSegment.TryParse(payload, ip.Source, ip.Destination, out var parsed);
            return parsed;
        }
        Send(100, 0, TcpFlags.Syn);
        uint iss = LastSegment().Sequence;
        Send(101, iss + 1, TcpFlags.Ack);
        var first = listener.Accept();
        first.Close(2);                                   // our FIN: FIN-WAIT-1
        Send(101, iss + 2, TcpFlags.Ack);                 // FIN-WAIT-2
        Send(101, iss + 2, TcpFlags.Fin | TcpFlags.Ack);  // TIME-WAIT
        Assert.That(first.State, Is.EqualTo(TcpState.TimeWait));

        h.Take();
        Send(50, 0, TcpFlags.Syn);
        Assert.That(LastSegment().Flags, Is.EqualTo(TcpFlags.Ack), "an old sequence number: TIME-WAIT answers with an ACK");
        Send(5000, 0, TcpFlags.Syn);
        var synAck = LastSegment();
        Assert.That(synAck.Flags, Is.EqualTo(TcpFlags.Syn | TcpFlags.Ack), "a newer one starts a new connection");
        Assert.That(synAck.Acknowledgment, Is.EqualTo(5001u));
    }

    [Test]
    public void FramesForOthersAndUnknownTypesAreCounted()
    {
        var h = new HostHarness();
        var frame = HostHarness.EchoRequest(1, 1, 8);
        new MacAddress(2, 0, 0, 0, 0, 99).Write(frame);
        h.Host.ReceiveFrame(frame, 1);
        Assert.That(h.Host.Statistics.Ethernet.Dropped, Is.EqualTo(1));
        var ipv6 = HostHarness.EchoRequest(1, 1, 8);
        ipv6[12] = 0x86;
        ipv6[13] = 0xDD;
        h.Host.ReceiveFrame(ipv6, 1);
        Assert.That(h.Host.Statistics.Ethernet.Unsupported, Is.EqualTo(1));
        var other = HostHarness.EchoRequest(1, 1, 8, source: HostHarness.PeerIp);
        other[14 + 19] = 99; // to 10.0.2.99: not us
        other[14 + 10] = other[14 + 11] = 0;
        ushort sum = InternetChecksum.Compute(other.AsSpan(14, 20));
        other[14 + 10] = (byte)(sum >> 8);
        other[14 + 11] = (byte)sum;
        h.Host.ReceiveFrame(other, 1);
        Assert.That(h.Host.Statistics.Ipv4.Dropped, Is.EqualTo(1));
    }
}
