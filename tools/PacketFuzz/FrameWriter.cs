using System;
using System.Buffers.Binary;

namespace CosmosHybrid.Tools.PacketFuzz;

/// <summary>
/// Writes well-formed frames (Ethernet II, ARP, IPv4, ICMP, UDP, TCP) with correct lengths and
/// checksums; the generator damages them afterwards. Written from the RFCs, independent of the
/// guest's parsers so that the tests can check one against the other.
/// </summary>
public static class FrameWriter
{
    public const int EthernetHeader = 14;
    public const int Ipv4Offset = EthernetHeader;
    public const int Ipv4MinimumHeader = 20;
    public const ushort TypeIpv4 = 0x0800;
    public const ushort TypeArp = 0x0806;
    public const byte ProtocolIcmp = 1;
    public const byte ProtocolTcp = 6;
    public const byte ProtocolUdp = 17;

    public static int Ethernet(Span<byte> frame, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> source, ushort etherType)
    {
        destination.CopyTo(frame);
        source.CopyTo(frame.Slice(6));
        BinaryPrimitives.WriteUInt16BigEndian(frame.Slice(12), etherType);
        return EthernetHeader;
    }

    /// <summary>An ARP packet for IPv4 over Ethernet after the Ethernet header; returns the frame length.</summary>
    public static int Arp(Span<byte> frame, ReadOnlySpan<byte> destinationMac, ushort operation, ReadOnlySpan<byte> senderMac,
        ReadOnlySpan<byte> senderIp, ReadOnlySpan<byte> targetMac, ReadOnlySpan<byte> targetIp)
    {
        Ethernet(frame, destinationMac, senderMac, TypeArp);
        Span<byte> arp = frame.Slice(EthernetHeader, 28);
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);          // hardware: Ethernet
        BinaryPrimitives.WriteUInt16BigEndian(arp.Slice(2), TypeIpv4);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp.Slice(6), operation);
        senderMac.CopyTo(arp.Slice(8));
        senderIp.CopyTo(arp.Slice(14));
        targetMac.CopyTo(arp.Slice(18));
        targetIp.CopyTo(arp.Slice(24));
        return EthernetHeader + 28;
    }

    /// <summary>
    /// Ethernet and IPv4 headers (with <paramref name="options"/>) for a payload of
    /// <paramref name="payloadLength"/> bytes; returns the offset of the payload.
    /// </summary>
    public static int Ipv4(Span<byte> frame, FuzzTarget target, byte protocol, int payloadLength, ushort identification,
        ushort flagsAndOffset = 0x4000, byte ttl = 64, ReadOnlySpan<byte> options = default)
    {
        Ethernet(frame, target.GuestMac, target.PeerMac, TypeIpv4);
        int headerLength = Ipv4MinimumHeader + options.Length;
        Span<byte> ip = frame.Slice(Ipv4Offset, headerLength);
        ip.Clear();
        ip[0] = (byte)(0x40 | (headerLength / 4));
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(2), (ushort)(headerLength + payloadLength));
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(4), identification);
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(6), flagsAndOffset);
        ip[8] = ttl;
        ip[9] = protocol;
        target.PeerIp.CopyTo(ip.Slice(12));
        target.GuestIp.CopyTo(ip.Slice(16));
        options.CopyTo(ip.Slice(Ipv4MinimumHeader));
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(10), Checksum(ip));
        return Ipv4Offset + headerLength;
    }

    public static int Icmp(Span<byte> frame, FuzzTarget target, byte type, byte code, uint restOfHeader, ReadOnlySpan<byte> data, ushort identification)
    {
        int at = Ipv4(frame, target, ProtocolIcmp, 8 + data.Length, identification);
        Span<byte> icmp = frame.Slice(at, 8 + data.Length);
        icmp[0] = type;
        icmp[1] = code;
        icmp[2] = icmp[3] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(icmp.Slice(4), restOfHeader);
        data.CopyTo(icmp.Slice(8));
        BinaryPrimitives.WriteUInt16BigEndian(icmp.Slice(2), Checksum(icmp));
        return at + icmp.Length;
    }

    public static int Udp(Span<byte> frame, FuzzTarget target, ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> data, ushort identification)
    {
        int at = Ipv4(frame, target, ProtocolUdp, 8 + data.Length, identification);
        Span<byte> udp = frame.Slice(at, 8 + data.Length);
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(4), (ushort)udp.Length);
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(6), 0);
        data.CopyTo(udp.Slice(8));
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(6), TransportChecksum(frame.Slice(Ipv4Offset), ProtocolUdp, udp));
        return at + udp.Length;
    }

    public static int Tcp(Span<byte> frame, FuzzTarget target, ushort sourcePort, ushort destinationPort, uint sequence, uint acknowledgment,
        byte flags, ushort window, ReadOnlySpan<byte> options, ReadOnlySpan<byte> data, ushort identification)
    {
        int headerLength = 20 + options.Length; // options padded by the caller to a multiple of 4
        int at = Ipv4(frame, target, ProtocolTcp, headerLength + data.Length, identification);
        Span<byte> tcp = frame.Slice(at, headerLength + data.Length);
        tcp.Slice(0, 20).Clear();
        BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp.Slice(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.Slice(4), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.Slice(8), acknowledgment);
        tcp[12] = (byte)((headerLength / 4) << 4);
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp.Slice(14), window);
        options.CopyTo(tcp.Slice(20));
        data.CopyTo(tcp.Slice(headerLength));
        BinaryPrimitives.WriteUInt16BigEndian(tcp.Slice(16), TransportChecksum(frame.Slice(Ipv4Offset), ProtocolTcp, tcp));
        return at + tcp.Length;
    }

    /// <summary>The Internet checksum (RFC 1071) of <paramref name="data"/>, continuing <paramref name="sum"/>.</summary>
    public static ushort Checksum(ReadOnlySpan<byte> data, uint sum = 0)
    {
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
            sum += (uint)(data[i] << 8 | data[i + 1]);
        if (i < data.Length)
            sum += (uint)(data[i] << 8);
        while (sum > 0xFFFF)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    /// <summary>The TCP or UDP checksum of <paramref name="segment"/> with its pseudo header from <paramref name="ip"/>.</summary>
    public static ushort TransportChecksum(ReadOnlySpan<byte> ip, byte protocol, ReadOnlySpan<byte> segment)
    {
        uint sum = 0;
        for (int i = 12; i < 20; i += 2)
            sum += (uint)(ip[i] << 8 | ip[i + 1]);
        sum += protocol;
        sum += (uint)segment.Length;
        ushort result = Checksum(segment, sum);
        return protocol == ProtocolUdp && result == 0 ? (ushort)0xFFFF : result;
    }

    /// <summary>
    /// Makes the IPv4 header checksum and (for a first fragment that is all there) the ICMP, UDP or
    /// TCP checksum right again after a mutation, so that the damage reaches the code past them.
    /// Fields that make no sense are left as they are.
    /// </summary>
    public static void FixChecksums(Span<byte> frame)
    {
        if (frame.Length < EthernetHeader + Ipv4MinimumHeader || BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(12)) != TypeIpv4)
            return;
        Span<byte> ip = frame.Slice(Ipv4Offset);
        int headerLength = (ip[0] & 0x0F) * 4;
        if (headerLength < Ipv4MinimumHeader || headerLength > ip.Length)
            return;
        ip[10] = ip[11] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(10), Checksum(ip.Slice(0, headerLength)));
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(2));
        bool firstFragment = (BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(6)) & 0x1FFF) == 0;
        if (!firstFragment || totalLength < headerLength || totalLength > ip.Length)
            return;
        Span<byte> payload = ip.Slice(headerLength, totalLength - headerLength);
        switch (ip[9])
        {
            case ProtocolIcmp when payload.Length >= 4:
                payload[2] = payload[3] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(payload.Slice(2), Checksum(payload));
                break;
            case ProtocolUdp when payload.Length >= 8:
                payload[6] = payload[7] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(payload.Slice(6), TransportChecksum(ip, ProtocolUdp, payload));
                break;
            case ProtocolTcp when payload.Length >= 20:
                payload[16] = payload[17] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(payload.Slice(16), TransportChecksum(ip, ProtocolTcp, payload));
                break;
        }
    }
}
