using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>
/// Thousands of mutated frames from a fixed seed through the whole receive path, half of them
/// with checksums repaired after the mutation so they reach the deeper parsers (DHCP, DNS, TCP
/// options and state). Nothing may throw, state stays bounded, and the host still answers a ping.
/// </summary>
public class FuzzTests
{
    private const int Frames = 30_000;

    private sealed class Targets
    {
        public readonly DhcpClient Dhcp;
        public readonly DnsResolver Dns;
        public readonly NetStatistics Statistics;
        public readonly byte[] Scratch = new byte[600];

        public Targets(NetStatistics statistics)
        {
            Statistics = statistics;
            Dhcp = new DhcpClient(HostHarness.HostMac, 5, statistics);
            Dns = new DnsResolver(new[] { HostHarness.PeerIp }, statistics, 9);
        }
    }

    [Test]
    public void MutatedFramesNeverCrashAndLeaveTheHostWorking()
    {
        var h = new HostHarness();
        var targets = new Targets(h.Host.Statistics);
        h.BoundUdpPorts.Add(68);
        h.BoundUdpPorts.Add(40000);
        var listener = new TcpListenQueue(Ipv4Address.Any, 80, 4, h.Host.Statistics);
        h.Host.Tcp.Listen(listener);

        // Live targets for answers: a DHCP transaction and a DNS query in progress.
        targets.Dhcp.Start(0);
        targets.Dhcp.Poll(0, targets.Scratch, out _, out _);
        uint xid = ((uint)targets.Scratch[4] << 24) | ((uint)targets.Scratch[5] << 16) | ((uint)targets.Scratch[6] << 8) | targets.Scratch[7];
        var resolved = new Ipv4Address[4];
        targets.Dns.Start("www.example.com", 0, resolved, out _, out _);
        targets.Dns.Poll(0, targets.Scratch, out int queryLength, out _);
        ushort dnsId = (ushort)((targets.Scratch[0] << 8) | targets.Scratch[1]);
        h.UdpPayloadSink = payload =>
        {
            targets.Dhcp.Receive(payload, 1);
            targets.Dns.Receive(HostHarness.PeerIp, payload, 1);
        };

        var corpus = Corpus(xid, dnsId);
        var random = new Random(20261206);
        long now = 0;
        for (int i = 0; i < Frames; i++)
        {
            var frame = Mutate(corpus[random.Next(corpus.Count)], random);
            now += random.Next(0, 50);
            h.Host.ReceiveFrame(frame, now);
            if (i % 100 == 0)
            {
                h.Host.Poll(now);
                targets.Dhcp.Poll(now, targets.Scratch, out _, out _);
                targets.Dns.Poll(now, targets.Scratch, out _, out _);
                listener.Accept()?.Abort(now);
            }
            h.Frames.Clear();

            // The parsers on their own, on raw mutated bytes too.
            var bytes = Mutate(frame, random);
            DhcpMessage.TryParse(bytes, out _);
            DnsCodec.ParseResponse(bytes, dnsId, DnsName("www.example.com"), new byte[512], new Ipv4Address[4], out _, out _, out _);
            TcpSegment.TryParse(bytes, HostHarness.PeerIp, HostHarness.HostIp, out _);
            TcpOptions.TryParse(bytes, out _);
            ArpPacket.TryParse(bytes, out _);
            IcmpMessage.TryParse(bytes, out var icmp);
            icmp.TryParseQuoted(out _, out _, out _, out _, out _);
        }

        var statistics = h.Host.Statistics;
        TestContext.Out.WriteLine("ethernet errors " + statistics.Ethernet.Errors + ", ip errors " + statistics.Ipv4.Errors
                                  + ", udp errors " + statistics.Udp.Errors + ", tcp errors " + statistics.Tcp.Errors
                                  + ", dhcp errors " + statistics.Dhcp.Errors + ", dns errors " + statistics.Dns.Errors
                                  + ", fragments " + statistics.FragmentsReceived + " (overlapping " + statistics.FragmentsOverlapping + ")");
        Assert.That(statistics.Ipv4.Errors, Is.GreaterThan(0));
        Assert.That(statistics.Tcp.Errors + statistics.Udp.Errors + statistics.Icmp.Errors, Is.GreaterThan(0));
        Assert.That(statistics.Dhcp.Received + statistics.Dns.Received, Is.GreaterThan(0), "the deep parsers were reached");
        Assert.That(h.Host.Reassembler.BytesHeld, Is.LessThanOrEqualTo(h.Host.Reassembler.MaxBytes));
        Assert.That(h.Host.Reassembler.DatagramsInProgress, Is.LessThanOrEqualTo(h.Host.Reassembler.MaxDatagrams));
        Assert.That(h.Host.Arp.Cache.Count, Is.LessThanOrEqualTo(h.Host.Arp.Cache.Capacity));
        Assert.That(listener.PendingCount + listener.ReadyCount, Is.LessThanOrEqualTo(listener.Backlog));

        // Still alive: a clean ping is answered.
        h.Host.Arp.Cache.Update(HostHarness.PeerIp, HostHarness.PeerMac, now, true, null);
        h.Frames.Clear();
        h.Host.ReceiveFrame(HostHarness.EchoRequest(99, 1, 32), now + 1);
        Assert.That(h.Frames.Count, Is.EqualTo(1));
        EthernetFrame.TryParse(h.Frames[0], out var ethernet);
        Ipv4Header.TryParse(ethernet.Payload, out _, out var payload);
        IcmpMessage.TryParse(payload, out var reply);
        Assert.That(reply.Type, Is.EqualTo(IcmpMessage.TypeEchoReply));
        Assert.That(reply.Identifier, Is.EqualTo(99));
    }

    [Test]
    public void MutatedDnsAndDhcpPayloadsNeverCrash()
    {
        var corpus = Corpus(0x01020304, 0xBEEF);
        var dns = Payload(corpus[5]);
        var dhcp = Payload(corpus[4]);
        var name = DnsName("www.example.com");
        var random = new Random(7);
        var scratch = new byte[512];
        var addresses = new Ipv4Address[4];
        int dnsOk = 0, dhcpOk = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var d = MutatePayload(dns, random);
            if (DnsCodec.ParseResponse(d, 0xBEEF, name, scratch, addresses, out int count, out _, out _) == ParseStatus.Ok)
            {
                dnsOk++;
                Assert.That(count, Is.LessThanOrEqualTo(addresses.Length));
            }
            if (DhcpMessage.TryParse(MutatePayload(dhcp, random), out var message) == ParseStatus.Ok)
            {
                dhcpOk++;
                Assert.That(message.DnsCount, Is.InRange(0, DhcpMessage.MaxDnsServers));
            }
        }
        TestContext.Out.WriteLine("accepted after mutation: dns " + dnsOk + ", dhcp " + dhcpOk + " of 20000");
        Assert.That(dnsOk, Is.GreaterThan(0).And.LessThan(20_000));
        Assert.That(dhcpOk, Is.GreaterThan(0).And.LessThan(20_000));
    }

    private static byte[] Payload(byte[] udpFrame) => udpFrame.AsSpan(42).ToArray();

    private static byte[] MutatePayload(byte[] original, Random random)
    {
        var bytes = random.Next(4) == 0 ? original.AsSpan(0, random.Next(original.Length + 1)).ToArray() : (byte[])original.Clone();
        int flips = random.Next(1, 4);
        for (int i = 0; i < flips && bytes.Length > 0; i++)
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        return bytes;
    }

    private static byte[] DnsName(string name)
    {
        var buffer = new byte[256];
        return buffer.AsSpan(0, DnsCodec.EncodeName(name, buffer)).ToArray();
    }

    private static List<byte[]> Corpus(uint xid, ushort dnsId)
    {
        var corpus = new List<byte[]>
        {
            HostHarness.ArpFrame(ArpPacket.Request(HostHarness.PeerMac, HostHarness.PeerIp, HostHarness.HostIp), MacAddress.Broadcast),
            HostHarness.ArpFrame(new ArpPacket(ArpPacket.OperationReply, HostHarness.GatewayMac, HostHarness.GatewayIp, HostHarness.HostMac,
                                               HostHarness.HostIp), HostHarness.HostMac),
            HostHarness.EchoRequest(1, 2, 64),
            HostHarness.UdpFrame(9, 40000, new byte[] { 1, 2, 3, 4 }),
        };

        // A DHCP offer for the live transaction.
        var offer = new byte[300];
        offer[0] = 2; offer[1] = 1; offer[2] = 6;
        offer[4] = (byte)(xid >> 24); offer[5] = (byte)(xid >> 16); offer[6] = (byte)(xid >> 8); offer[7] = (byte)xid;
        HostHarness.HostIp.Write(offer.AsSpan(16));
        HostHarness.HostMac.Write(offer.AsSpan(28));
        offer[236] = 99; offer[237] = 130; offer[238] = 83; offer[239] = 99;
        new byte[] { 53, 1, 2, 54, 4, 10, 0, 2, 2, 51, 4, 0, 0, 14, 16, 1, 4, 255, 255, 255, 0, 3, 4, 10, 0, 2, 1, 6, 4, 10, 0, 2, 3, 255 }
            .CopyTo(offer, 240);
        corpus.Add(HostHarness.UdpFrame(67, 68, offer));

        // A DNS answer for the live query, with compression.
        var answer = new List<byte> { (byte)(dnsId >> 8), (byte)dnsId, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0 };
        answer.AddRange(DnsName("www.example.com"));
        answer.AddRange(new byte[] { 0, 1, 0, 1, 0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 1, 2, 3, 4 });
        corpus.Add(HostHarness.UdpFrame(53, 40000, answer.ToArray()));

        // TCP: a SYN with every option, and data.
        var options = TcpOptions.None;
        options.Mss = 1460;
        options.WindowScale = 7;
        options.SackPermitted = true;
        options.HasTimestamps = true;
        options.TimestampValue = 1;
        var syn = new byte[60];
        int synLength = TcpSegment.Write(syn, HostHarness.PeerIp, HostHarness.HostIp, 50000, 80, 100, 0, TcpFlags.Syn, 65535, options, default);
        corpus.Add(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Tcp, syn.AsSpan(0, synLength)));
        var sack = TcpOptions.None;
        sack.AddSack(200, 300);
        var data = new byte[200];
        int dataLength = TcpSegment.Write(data, HostHarness.PeerIp, HostHarness.HostIp, 50000, 80, 101, 1, TcpFlags.Ack | TcpFlags.Psh, 1000,
                                          sack, new byte[] { 71, 69, 84, 32 });
        corpus.Add(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Tcp, data.AsSpan(0, dataLength)));

        // Fragments, and a header with options.
        var icmp = new byte[8 + 400];
        IcmpMessage.WriteEchoRequest(icmp, 3, 4, TcpPeer.Bytes(400));
        corpus.Add(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Icmp, icmp.AsSpan(0, 208), 5, Ipv4Header.MoreFragmentsFlag));
        corpus.Add(HostHarness.Ipv4Frame(HostHarness.PeerIp, HostHarness.HostIp, IpProtocol.Icmp, icmp.AsSpan(208), 5, 208 / 8));
        var withOptions = HostHarness.EchoRequest(1, 3, 16);
        var longer = new byte[withOptions.Length + 8];
        withOptions.AsSpan(0, 34).CopyTo(longer);
        withOptions.AsSpan(34).CopyTo(longer.AsSpan(42));
        longer[14] = 0x47;
        longer[17] += 8;
        longer[34] = 0x94; longer[35] = 4; // router alert
        FixChecksums(longer);
        corpus.Add(longer);
        return corpus;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] frame;
        int kind = random.Next(6);
        switch (kind)
        {
            case 0: // truncate
                frame = original.AsSpan(0, random.Next(original.Length + 1)).ToArray();
                break;
            case 1: // grow with garbage
                frame = new byte[original.Length + random.Next(1, 64)];
                original.CopyTo(frame, 0);
                for (int i = original.Length; i < frame.Length; i++)
                    frame[i] = (byte)random.Next(256);
                break;
            default:
                frame = (byte[])original.Clone();
                break;
        }
        int flips = random.Next(1, 6);
        for (int i = 0; i < flips && frame.Length > 0; i++)
        {
            int at = random.Next(frame.Length);
            switch (random.Next(4))
            {
                case 0: frame[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: frame[at] = (byte)random.Next(256); break;
                case 2: frame[at] = random.Next(2) == 0 ? (byte)0 : (byte)0xFF; break;
                default:
                    // Aim at a length field: IPv4 total length, UDP length, TCP data offset, DNS/DHCP option lengths.
                    int[] fields = { 16, 17, 14, 38, 39, 46, 240 + 42, 250, 300 };
                    int field = fields[random.Next(fields.Length)];
                    if (field < frame.Length)
                        frame[field] = (byte)random.Next(256);
                    break;
            }
        }
        if (random.Next(2) == 0)
            FixChecksums(frame);
        return frame;
    }

    /// <summary>Repairs the IPv4 and transport checksums where the lengths allow, so mutations get past them.</summary>
    private static void FixChecksums(byte[] frame)
    {
        if (frame.Length < 34 || frame[12] != 0x08 || frame[13] != 0x00)
            return;
        int ihl = (frame[14] & 0xF) * 4;
        if (ihl < 20 || 14 + ihl > frame.Length)
            return;
        frame[24] = frame[25] = 0;
        ushort sum = InternetChecksum.Compute(frame.AsSpan(14, ihl));
        frame[24] = (byte)(sum >> 8);
        frame[25] = (byte)sum;
        int total = (frame[16] << 8) | frame[17];
        if (total < ihl || 14 + total > frame.Length || ((frame[20] & 0x3F) | frame[21]) != 0) // fragments: no whole segment to sum
            return;
        var source = Ipv4Address.Read(frame.AsSpan(26));
        var destination = Ipv4Address.Read(frame.AsSpan(30));
        var segment = frame.AsSpan(14 + ihl, total - ihl);
        switch (frame[23])
        {
            case IpProtocol.Icmp when segment.Length >= 8:
                segment[2] = segment[3] = 0;
                sum = InternetChecksum.Compute(segment);
                segment[2] = (byte)(sum >> 8);
                segment[3] = (byte)sum;
                break;
            case IpProtocol.Udp when segment.Length >= 8:
                int udpLength = Math.Min((segment[4] << 8) | segment[5], segment.Length);
                segment[6] = segment[7] = 0;
                sum = InternetChecksum.ComputeWithPseudoHeader(source, destination, IpProtocol.Udp, segment.Slice(0, udpLength));
                segment[6] = (byte)(sum >> 8);
                segment[7] = (byte)sum;
                break;
            case IpProtocol.Tcp when segment.Length >= 20:
                segment[16] = segment[17] = 0;
                sum = InternetChecksum.ComputeWithPseudoHeader(source, destination, IpProtocol.Tcp, segment);
                segment[16] = (byte)(sum >> 8);
                segment[17] = (byte)sum;
                break;
        }
    }
}
