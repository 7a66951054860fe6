using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>A UDP datagram (RFC 768) inside an IPv4 payload.</summary>
public readonly ref struct UdpDatagram
{
    public const int HeaderLength = 8;

    public readonly ushort SourcePort;
    public readonly ushort DestinationPort;
    public readonly ReadOnlySpan<byte> Payload;

    private UdpDatagram(ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        SourcePort = sourcePort;
        DestinationPort = destinationPort;
        Payload = payload;
    }

    /// <summary>
    /// Parses the IPv4 payload <paramref name="segment"/>. The UDP length must fit in it (bytes past
    /// it are ignored); a zero checksum means the sender computed none.
    /// </summary>
    public static ParseStatus TryParse(ReadOnlySpan<byte> segment, Ipv4Address source, Ipv4Address destination, out UdpDatagram datagram)
    {
        datagram = default;
        if (segment.Length < HeaderLength)
            return ParseStatus.Truncated;
        int length = (segment[4] << 8) | segment[5];
        if (length < HeaderLength)
            return ParseStatus.BadLength;
        if (length > segment.Length)
            return ParseStatus.Truncated;
        var bytes = segment.Slice(0, length);
        if ((segment[6] | segment[7]) != 0
            && InternetChecksum.ComputeWithPseudoHeader(source, destination, IpProtocol.Udp, bytes) != 0)
            return ParseStatus.BadChecksum;
        ushort destinationPort = (ushort)((segment[2] << 8) | segment[3]);
        if (destinationPort == 0)
            return ParseStatus.BadField;
        datagram = new UdpDatagram((ushort)((segment[0] << 8) | segment[1]), destinationPort, bytes.Slice(HeaderLength));
        return ParseStatus.Ok;
    }

    /// <summary>
    /// Writes header and checksum around a payload already placed at destination[8..8+payloadLength].
    /// Returns the datagram length, or 0 when it does not fit.
    /// </summary>
    public static int WriteHeader(Span<byte> destination, Ipv4Address source, Ipv4Address destinationAddress,
                                  ushort sourcePort, ushort destinationPort, int payloadLength)
    {
        int length = HeaderLength + payloadLength;
        if (payloadLength < 0 || length > 65535 - Ipv4Header.MinLength || destination.Length < length)
            return 0;
        destination[0] = (byte)(sourcePort >> 8);
        destination[1] = (byte)sourcePort;
        destination[2] = (byte)(destinationPort >> 8);
        destination[3] = (byte)destinationPort;
        destination[4] = (byte)(length >> 8);
        destination[5] = (byte)length;
        destination[6] = 0;
        destination[7] = 0;
        ushort checksum = InternetChecksum.ComputeWithPseudoHeader(source, destinationAddress, IpProtocol.Udp, destination.Slice(0, length));
        // A computed zero goes out as all ones: zero means "no checksum".
        if (checksum == 0)
            checksum = 0xFFFF;
        destination[6] = (byte)(checksum >> 8);
        destination[7] = (byte)checksum;
        return length;
    }
}
