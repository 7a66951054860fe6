using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// An IPv4 header (RFC 791). Parsing checks the version, the header length against the total
/// length and the total length against the bytes received (Ethernet padding beyond it is cut),
/// and the header checksum; options are skipped whole without being interpreted.
/// </summary>
public readonly struct Ipv4Header
{
    public const int MinLength = 20;
    public const int MaxLength = 60;
    public const ushort DontFragmentFlag = 0x4000;
    public const ushort MoreFragmentsFlag = 0x2000;
    public const ushort FragmentOffsetMask = 0x1FFF;

    public readonly int HeaderLength;
    public readonly byte TypeOfService;
    public readonly int TotalLength;
    public readonly ushort Identification;
    /// <summary>Flags (top three bits) and the fragment offset in 8-byte units.</summary>
    public readonly ushort FlagsAndOffset;
    public readonly byte TimeToLive;
    public readonly byte Protocol;
    public readonly Ipv4Address Source;
    public readonly Ipv4Address Destination;

    public Ipv4Header(int headerLength, byte typeOfService, int totalLength, ushort identification, ushort flagsAndOffset,
                      byte timeToLive, byte protocol, Ipv4Address source, Ipv4Address destination)
    {
        HeaderLength = headerLength;
        TypeOfService = typeOfService;
        TotalLength = totalLength;
        Identification = identification;
        FlagsAndOffset = flagsAndOffset;
        TimeToLive = timeToLive;
        Protocol = protocol;
        Source = source;
        Destination = destination;
    }

    public bool MoreFragments => (FlagsAndOffset & MoreFragmentsFlag) != 0;
    public bool DontFragment => (FlagsAndOffset & DontFragmentFlag) != 0;
    /// <summary>The fragment's offset in bytes.</summary>
    public int FragmentOffset => (FlagsAndOffset & FragmentOffsetMask) * 8;
    public bool IsFragment => MoreFragments || (FlagsAndOffset & FragmentOffsetMask) != 0;
    public int PayloadLength => TotalLength - HeaderLength;

    /// <summary>Parses <paramref name="packet"/>; on success <paramref name="payload"/> is exactly TotalLength - HeaderLength bytes.</summary>
    public static ParseStatus TryParse(ReadOnlySpan<byte> packet, out Ipv4Header header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (packet.Length < MinLength)
            return ParseStatus.Truncated;
        if ((packet[0] >> 4) != 4)
            return ParseStatus.Unsupported;
        int headerLength = (packet[0] & 0xF) * 4;
        if (headerLength < MinLength)
            return ParseStatus.BadLength;
        if (headerLength > packet.Length)
            return ParseStatus.Truncated;
        int totalLength = (packet[2] << 8) | packet[3];
        if (totalLength < headerLength)
            return ParseStatus.BadLength;
        if (totalLength > packet.Length)
            return ParseStatus.Truncated;
        if (InternetChecksum.Compute(packet.Slice(0, headerLength)) != 0)
            return ParseStatus.BadChecksum;
        ushort flagsAndOffset = (ushort)((packet[6] << 8) | packet[7]);
        // The reserved flag must be zero (RFC 791), and a fragment cannot end past 65535.
        if ((flagsAndOffset & 0x8000) != 0)
            return ParseStatus.BadField;
        if ((flagsAndOffset & FragmentOffsetMask) * 8 + totalLength - headerLength > 65535)
            return ParseStatus.BadLength;
        header = new Ipv4Header(headerLength, packet[1], totalLength, (ushort)((packet[4] << 8) | packet[5]), flagsAndOffset,
                                packet[8], packet[9], Ipv4Address.Read(packet.Slice(12)), Ipv4Address.Read(packet.Slice(16)));
        payload = packet.Slice(headerLength, totalLength - headerLength);
        return ParseStatus.Ok;
    }

    /// <summary>
    /// Writes a 20-byte header without options for <paramref name="payloadLength"/> bytes, checksum
    /// filled in. Returns <see cref="MinLength"/>, or 0 when it does not fit or the length is impossible.
    /// </summary>
    public static int Write(Span<byte> destination, Ipv4Address source, Ipv4Address destinationAddress, byte protocol,
                            int payloadLength, ushort identification, byte timeToLive = 64, ushort flagsAndOffset = DontFragmentFlag,
                            byte typeOfService = 0, bool checksum = true)
    {
        if (destination.Length < MinLength || payloadLength < 0 || payloadLength > 65535 - MinLength)
            return 0;
        int total = MinLength + payloadLength;
        destination[0] = 0x45;
        destination[1] = typeOfService;
        destination[2] = (byte)(total >> 8);
        destination[3] = (byte)total;
        destination[4] = (byte)(identification >> 8);
        destination[5] = (byte)identification;
        destination[6] = (byte)(flagsAndOffset >> 8);
        destination[7] = (byte)flagsAndOffset;
        destination[8] = timeToLive;
        destination[9] = protocol;
        destination[10] = 0;
        destination[11] = 0;
        source.Write(destination.Slice(12));
        destinationAddress.Write(destination.Slice(16));
        if (checksum) // else left 0 for the NIC to insert
        {
            ushort sum = InternetChecksum.Compute(destination.Slice(0, MinLength));
            destination[10] = (byte)(sum >> 8);
            destination[11] = (byte)sum;
        }
        return MinLength;
    }
}
