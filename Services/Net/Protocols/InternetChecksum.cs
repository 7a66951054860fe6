using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// The RFC 1071 ones'-complement sum used by IPv4, ICMP, UDP and TCP. Sums are kept unfolded in
/// a uint (a packet of 64 KiB cannot overflow it); <see cref="Add"/> treats its span as starting
/// on an even offset, so callers summing in pieces pass even-length pieces except the last.
/// </summary>
public static class InternetChecksum
{
    public static unsafe uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            // RFC 1071 1.2: the sum does not depend on byte order and can be taken in wider words.
            // Eight bytes at a time in the machine's (little-endian) order with the carry added
            // back in, folded to 16 bits and swapped to network order: a full segment in a
            // fifth of the steps of two bytes at a time.
            byte* at = start;
            int left = data.Length;
            ulong wide = 0;
            for (; left >= 8; left -= 8, at += 8)
            {
                ulong word = *(ulong*)at;
                wide += word;
                if (wide < word)
                    wide++;
            }
            wide = (wide & 0xFFFF_FFFF) + (wide >> 32);
            wide = (wide & 0xFFFF_FFFF) + (wide >> 32);
            uint folded = (uint)wide;
            folded = (folded & 0xFFFF) + (folded >> 16);
            folded = (folded & 0xFFFF) + (folded >> 16);
            sum += ((folded & 0xFF) << 8) | (folded >> 8);
            // The rest starts at an even offset: pairs in network order as RFC 1071 writes them.
            for (; left >= 2; left -= 2, at += 2)
                sum += (uint)((at[0] << 8) | at[1]);
            if (left == 1)
                sum += (uint)(at[0] << 8);
        }
        return sum;
    }

    /// <summary>Folds the carries back in and complements: the value that goes on the wire.</summary>
    public static ushort Finish(uint sum)
    {
        while ((sum >> 16) != 0)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Add(0, data));

    /// <summary>The UDP/TCP pseudo-header: source, destination, zero, protocol, upper-layer length.</summary>
    public static uint PseudoHeader(Ipv4Address source, Ipv4Address destination, byte protocol, int length)
        => (source.Value >> 16) + (source.Value & 0xFFFF) + (destination.Value >> 16) + (destination.Value & 0xFFFF)
           + protocol + (uint)length;

    /// <summary>Checksum of a UDP or TCP segment (whose checksum field is included as it stands).</summary>
    public static ushort ComputeWithPseudoHeader(Ipv4Address source, Ipv4Address destination, byte protocol, ReadOnlySpan<byte> segment)
        => Finish(Add(PseudoHeader(source, destination, protocol, segment.Length), segment));
}
