using System;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

public class CodecTests
{
    private static readonly Ipv4Address A = new Ipv4Address(192, 168, 0, 1);
    private static readonly Ipv4Address B = new Ipv4Address(192, 168, 0, 199);

    // The RFC 1071 section 3 example: the bytes 00 01 f2 03 f4 f5 f6 f7 sum to ddf2.
    [Test]
    public void ChecksumMatchesRfc1071Example()
    {
        byte[] data = { 0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7 };
        Assert.That(InternetChecksum.Compute(data), Is.EqualTo((ushort)0x220D));
        Assert.That(InternetChecksum.Compute(new byte[] { 0x01 }), Is.EqualTo((ushort)0xFEFF), "odd byte padded with zero");
    }

    // A well-known capture: 192.168.0.1 -> 192.168.0.199, UDP, total length 0x73, checksum b861.
    private static readonly byte[] KnownIpv4Header =
    {
        0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0xB8, 0x61, 0xC0, 0xA8, 0x00, 0x01, 0xC0, 0xA8, 0x00, 0xC7,
    };

    [Test]
    public void Ipv4HeaderWrittenMatchesKnownBytes()
    {
        var buffer = new byte[20];
        Assert.That(Ipv4Header.Write(buffer, A, B, IpProtocol.Udp, 0x73 - 20, 0, 64), Is.EqualTo(20));
        Assert.That(buffer, Is.EqualTo(KnownIpv4Header));
    }

    [Test]
    public void Ipv4HeaderParsesKnownBytes()
    {
        var packet = new byte[0x73 + 6]; // six bytes of Ethernet padding after it
        KnownIpv4Header.CopyTo(packet, 0);
        Assert.That(Ipv4Header.TryParse(packet, out var header, out var payload), Is.EqualTo(ParseStatus.Ok));
        Assert.That(header.Source, Is.EqualTo(A));
        Assert.That(header.Destination, Is.EqualTo(B));
        Assert.That(header.Protocol, Is.EqualTo(IpProtocol.Udp));
        Assert.That(header.TimeToLive, Is.EqualTo(64));
        Assert.That(header.DontFragment, Is.True);
        Assert.That(header.IsFragment, Is.False);
        Assert.That(payload.Length, Is.EqualTo(0x73 - 20), "padding cut");
    }

    [Test]
    public void Ipv4HeaderRejectsEveryBrokenLength()
    {
        var packet = new byte[0x73];
        KnownIpv4Header.CopyTo(packet, 0);
        Assert.That(Ipv4Header.TryParse(packet.AsSpan(0, 19), out _, out _), Is.EqualTo(ParseStatus.Truncated));
        Assert.That(Ipv4Header.TryParse(packet.AsSpan(0, 0x72), out _, out _), Is.EqualTo(ParseStatus.Truncated), "total length past the frame");

        Assert.That(Parse(packet, p => p[0] = 0x65), Is.EqualTo(ParseStatus.Unsupported), "version 6");
        Assert.That(Parse(packet, p => p[0] = 0x44), Is.EqualTo(ParseStatus.BadLength), "IHL 4");
        Assert.That(Parse(packet, p => { p[2] = 0; p[3] = 19; }), Is.EqualTo(ParseStatus.BadLength), "total below header");
        Assert.That(Parse(packet, p => p[0] = 0x4F, 40), Is.EqualTo(ParseStatus.Truncated), "IHL past the bytes");
        Assert.That(Parse(packet, p => p[8] = 1, fixChecksum: false), Is.EqualTo(ParseStatus.BadChecksum));
        Assert.That(Parse(packet, p => p[6] = 0x80), Is.EqualTo(ParseStatus.BadField), "reserved flag");
        Assert.That(Parse(packet, p => { p[6] = 0x1F; p[7] = 0xFF; }), Is.EqualTo(ParseStatus.BadLength), "fragment ends past 64 KiB");
    }

    [Test]
    public void Ipv4OptionsOfEveryLengthAreSkipped()
    {
        for (int ihl = 5; ihl <= 15; ihl++)
        {
            int headerLength = ihl * 4;
            var packet = new byte[headerLength + 4];
            Ipv4Header.Write(packet, A, B, IpProtocol.Udp, 4, 7);
            packet[0] = (byte)(0x40 | ihl);
            packet[3] = (byte)packet.Length;
            for (int i = 20; i < headerLength; i++)
                packet[i] = (byte)(0x80 + i); // nonsense options: never interpreted
            packet[headerLength] = 0xAB;
            FixChecksum(packet, headerLength);
            Assert.That(Ipv4Header.TryParse(packet, out var header, out var payload), Is.EqualTo(ParseStatus.Ok), "IHL " + ihl);
            Assert.That(header.HeaderLength, Is.EqualTo(headerLength));
            Assert.That(payload.Length, Is.EqualTo(4));
            Assert.That(payload[0], Is.EqualTo(0xAB));
        }
    }

    private static ParseStatus Parse(byte[] original, Action<byte[]> change, int length = -1, bool fixChecksum = true)
    {
        var packet = (byte[])original.Clone();
        change(packet);
        if (fixChecksum)
            FixChecksum(packet, Math.Min((packet[0] & 0xF) * 4, packet.Length));
        return Ipv4Header.TryParse(packet.AsSpan(0, length < 0 ? packet.Length : length), out _, out _);
    }

    private static void FixChecksum(byte[] packet, int headerLength)
    {
        packet[10] = 0;
        packet[11] = 0;
        ushort sum = InternetChecksum.Compute(packet.AsSpan(0, headerLength));
        packet[10] = (byte)(sum >> 8);
        packet[11] = (byte)sum;
    }

    // 192.168.0.1:1234 -> 192.168.0.199:53 "hi": checksum worked by hand (pseudo-header
    // c0a8+0001+c0a8+00c7+0011+000a, header 04d2+0035+000a, data 6869 = 1efad -> efae -> 1051).
    private static readonly byte[] KnownUdp = { 0x04, 0xD2, 0x00, 0x35, 0x00, 0x0A, 0x10, 0x51, (byte)'h', (byte)'i' };

    [Test]
    public void UdpWriteMatchesHandComputedChecksum()
    {
        var buffer = new byte[10];
        buffer[8] = (byte)'h';
        buffer[9] = (byte)'i';
        Assert.That(UdpDatagram.WriteHeader(buffer, A, B, 1234, 53, 2), Is.EqualTo(10));
        Assert.That(buffer, Is.EqualTo(KnownUdp));
    }

    [Test]
    public void UdpParseChecksLengthsAndChecksum()
    {
        Assert.That(UdpDatagram.TryParse(KnownUdp, A, B, out var datagram), Is.EqualTo(ParseStatus.Ok));
        Assert.That(datagram.SourcePort, Is.EqualTo(1234));
        Assert.That(datagram.DestinationPort, Is.EqualTo(53));
        Assert.That(datagram.Payload.ToArray(), Is.EqualTo(new[] { (byte)'h', (byte)'i' }));

        Assert.That(UdpDatagram.TryParse(KnownUdp, A, new Ipv4Address(192, 168, 0, 198), out _), Is.EqualTo(ParseStatus.BadChecksum), "pseudo-header counts");
        Assert.That(UdpDatagram.TryParse(KnownUdp.AsSpan(0, 7), A, B, out _), Is.EqualTo(ParseStatus.Truncated));
        Assert.That(UdpDatagram.TryParse(KnownUdp.AsSpan(0, 9), A, B, out _), Is.EqualTo(ParseStatus.Truncated), "length says 10");
        var shortLength = (byte[])KnownUdp.Clone();
        shortLength[5] = 7;
        Assert.That(UdpDatagram.TryParse(shortLength, A, B, out _), Is.EqualTo(ParseStatus.BadLength));
        var noChecksum = (byte[])KnownUdp.Clone();
        noChecksum[6] = noChecksum[7] = 0;
        noChecksum[9] = (byte)'X';
        Assert.That(UdpDatagram.TryParse(noChecksum, A, B, out _), Is.EqualTo(ParseStatus.Ok), "zero checksum: none sent");
        var portZero = (byte[])KnownUdp.Clone();
        portZero[2] = portZero[3] = 0;
        portZero[6] = portZero[7] = 0;
        Assert.That(UdpDatagram.TryParse(portZero, A, B, out _), Is.EqualTo(ParseStatus.BadField));
    }

    // Echo request id 0x1234 seq 1 "abcd": checksum 2104 (0800+1234+0001+6162+6364 = dcfb, complemented).
    [Test]
    public void IcmpEchoRequestAndReply()
    {
        var buffer = new byte[12];
        Assert.That(IcmpMessage.WriteEchoRequest(buffer, 0x1234, 1, new[] { (byte)'a', (byte)'b', (byte)'c', (byte)'d' }), Is.EqualTo(12));
        Assert.That(buffer, Is.EqualTo(new byte[] { 8, 0, 0x21, 0x04, 0x12, 0x34, 0, 1, (byte)'a', (byte)'b', (byte)'c', (byte)'d' }));

        Assert.That(IcmpMessage.TryParse(buffer, out var request), Is.EqualTo(ParseStatus.Ok));
        Assert.That(request.Identifier, Is.EqualTo(0x1234));
        Assert.That(request.Sequence, Is.EqualTo(1));
        var reply = new byte[12];
        Assert.That(IcmpMessage.WriteEchoReply(reply, request), Is.EqualTo(12));
        Assert.That(reply[0], Is.EqualTo(0));
        Assert.That((reply[2] << 8) | reply[3], Is.EqualTo(0x2904), "type 0 instead of 8: the sum drops by 0800");
        Assert.That(IcmpMessage.TryParse(reply, out var parsedReply), Is.EqualTo(ParseStatus.Ok));
        Assert.That(parsedReply.Body.ToArray(), Is.EqualTo(request.Body.ToArray()));

        buffer[9] ^= 1;
        Assert.That(IcmpMessage.TryParse(buffer, out _), Is.EqualTo(ParseStatus.BadChecksum));
        Assert.That(IcmpMessage.TryParse(buffer.AsSpan(0, 7), out _), Is.EqualTo(ParseStatus.Truncated));
    }

    [Test]
    public void DestinationUnreachableQuotesHeaderAndPorts()
    {
        var offending = new byte[28 + 100];
        Ipv4Header.Write(offending, A, B, IpProtocol.Udp, 108, 9);
        UdpDatagram.WriteHeader(offending.AsSpan(20), A, B, 5000, 7777, 100);
        var message = new byte[100];
        int length = IcmpMessage.WriteDestinationUnreachable(message, IcmpMessage.CodePortUnreachable, offending, 20);
        Assert.That(length, Is.EqualTo(8 + 28), "header and eight bytes");
        Assert.That(IcmpMessage.TryParse(message.AsSpan(0, length), out var parsed), Is.EqualTo(ParseStatus.Ok));
        Assert.That(parsed.IsError, Is.True);
        Assert.That(parsed.TryParseQuoted(out var source, out var destination, out byte protocol, out ushort sourcePort, out ushort destinationPort),
                    Is.EqualTo(ParseStatus.Ok));
        Assert.That(source, Is.EqualTo(A));
        Assert.That(destination, Is.EqualTo(B));
        Assert.That(protocol, Is.EqualTo(IpProtocol.Udp));
        Assert.That(sourcePort, Is.EqualTo(5000));
        Assert.That(destinationPort, Is.EqualTo(7777));

        int cut = IcmpMessage.Write(message, IcmpMessage.TypeDestinationUnreachable, 3, 0, offending.AsSpan(0, 27));
        IcmpMessage.TryParse(message.AsSpan(0, cut), out var shortQuote);
        Assert.That(shortQuote.TryParseQuoted(out _, out _, out _, out _, out _), Is.EqualTo(ParseStatus.Truncated));
    }

    [Test]
    public void EthernetHeaderRoundTripsAndRejectsNonEthernetII()
    {
        var frame = new byte[60];
        var to = new MacAddress(0x52, 0x54, 0x00, 0x12, 0x34, 0x56);
        var from = new MacAddress(0x02, 0, 0, 0, 0, 1);
        Assert.That(EthernetFrame.WriteHeader(frame, to, from, EtherType.Arp), Is.EqualTo(14));
        Assert.That(frame.AsSpan(0, 14).ToArray(), Is.EqualTo(new byte[] { 0x52, 0x54, 0, 0x12, 0x34, 0x56, 2, 0, 0, 0, 0, 1, 0x08, 0x06 }));
        Assert.That(EthernetFrame.TryParse(frame, out var parsed), Is.EqualTo(ParseStatus.Ok));
        Assert.That(parsed.Destination, Is.EqualTo(to));
        Assert.That(parsed.Source, Is.EqualTo(from));
        Assert.That(parsed.EtherType, Is.EqualTo(EtherType.Arp));
        Assert.That(parsed.Payload.Length, Is.EqualTo(46));
        Assert.That(to.ToString(), Is.EqualTo("52:54:00:12:34:56"));

        Assert.That(EthernetFrame.TryParse(frame.AsSpan(0, 13), out _), Is.EqualTo(ParseStatus.Truncated));
        frame[12] = 0x05;
        frame[13] = 0xDC; // 1500: an 802.3 length
        Assert.That(EthernetFrame.TryParse(frame, out _), Is.EqualTo(ParseStatus.Unsupported));
        frame[12] = 0x81;
        frame[13] = 0x00;
        Assert.That(EthernetFrame.TryParse(frame, out _), Is.EqualTo(ParseStatus.Unsupported));
    }

    [Test]
    public void ArpRoundTripsAndChecksEveryField()
    {
        var mac = new MacAddress(0x02, 0, 0, 0, 0, 1);
        var request = ArpPacket.Request(mac, A, B);
        var bytes = new byte[28];
        Assert.That(request.Write(bytes), Is.EqualTo(28));
        Assert.That(bytes, Is.EqualTo(new byte[]
        {
            0, 1, 8, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 1, 192, 168, 0, 1, 0, 0, 0, 0, 0, 0, 192, 168, 0, 199,
        }));
        Assert.That(ArpPacket.TryParse(bytes, out var parsed), Is.EqualTo(ParseStatus.Ok));
        Assert.That(parsed.Operation, Is.EqualTo(ArpPacket.OperationRequest));
        Assert.That(parsed.SenderMac, Is.EqualTo(mac));
        Assert.That(parsed.SenderIp, Is.EqualTo(A));
        Assert.That(parsed.TargetIp, Is.EqualTo(B));
        Assert.That(parsed.IsGratuitous, Is.False);
        Assert.That(ArpPacket.Announcement(mac, A).IsGratuitous, Is.True);

        Assert.That(ArpPacket.TryParse(bytes.AsSpan(0, 27), out _), Is.EqualTo(ParseStatus.Truncated));
        Assert.That(ArpWith(bytes, 1, 6), Is.EqualTo(ParseStatus.Unsupported), "hardware type");
        Assert.That(ArpWith(bytes, 2, 0x86), Is.EqualTo(ParseStatus.Unsupported), "protocol type");
        Assert.That(ArpWith(bytes, 4, 8), Is.EqualTo(ParseStatus.BadLength), "hardware length");
        Assert.That(ArpWith(bytes, 5, 16), Is.EqualTo(ParseStatus.BadLength), "protocol length");
        Assert.That(ArpWith(bytes, 7, 3), Is.EqualTo(ParseStatus.Unsupported), "RARP operation");
        Assert.That(ArpWith(bytes, 8, 0x01), Is.EqualTo(ParseStatus.BadField), "multicast sender");
    }

    private static ParseStatus ArpWith(byte[] original, int index, byte value)
    {
        var bytes = (byte[])original.Clone();
        bytes[index] = value;
        return ArpPacket.TryParse(bytes, out _);
    }

    [Test]
    public void AddressesParseAndPrint()
    {
        Assert.That(Ipv4Address.TryParse("10.0.2.15", out var address), Is.True);
        Assert.That(address.Value, Is.EqualTo(0x0A00020Fu));
        Assert.That(address.ToString(), Is.EqualTo("10.0.2.15"));
        foreach (string bad in new[] { "", "10.0.2", "10.0.2.256", "10.0.2.15.", "a.b.c.d", "1..2.3", "10.0.2.1500", " 10.0.2.15" })
            Assert.That(Ipv4Address.TryParse(bad, out _), Is.False, bad);
        Assert.That(new Ipv4Address(10, 0, 2, 15).SameNetwork(new Ipv4Address(10, 0, 2, 2), new Ipv4Address(255, 255, 255, 0)), Is.True);
        Assert.That(new Ipv4Address(10, 0, 3, 15).SameNetwork(new Ipv4Address(10, 0, 2, 2), new Ipv4Address(255, 255, 255, 0)), Is.False);
    }
}
