using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// The RFC 1071 ones'-complement sum used by IPv4, ICMP, UDP and TCP. Sums are kept unfolded in
/// a uint (a packet of 64 KiB cannot overflow it); <see cref="Add"/> treats its span as starting
/// on an even offset, so callers summing in pieces pass even-length pieces except the last.
/// </summary>
public static class InternetChecksum
{
    /// <summary>
    /// A faster sum of whole 32-byte blocks a program may install (the net service's
    /// add-with-carry loop in assembly): the 64-bit ones'-complement sum of blocks * 32 bytes in
    /// little-endian words. Null: the C# loop below. Set once, before any packet.
    /// </summary>
    public static unsafe delegate*<byte*, nint, ulong> BlockSum;

    public static unsafe uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            // RFC 1071 1.2: the sum does not depend on byte order and can be taken in wider words.
            // 32-bit words in the machine's (little-endian) order are added into a 64-bit
            // accumulator, which no carry can leave (that takes 2^32 words), so no carry test per
            // word: a load and an add per four bytes, eight words a turn. Then it is folded to
            // 16 bits and swapped to network order.
            byte* at = start;
            byte* end = start + data.Length;
            ulong wide = 0;
            var blockSum = BlockSum;
            if (blockSum != null && end - at >= 64)
            {
                nint blocks = (nint)((end - at) / 32);
                ulong blocksSum = blockSum(at, blocks);
                at += blocks * 32;
                wide = (blocksSum & 0xFFFF_FFFF) + (blocksSum >> 32); // the same sum modulo 2^16 - 1 (RFC 1071 1.2)
            }
            for (; end - at >= 32; at += 32)
            {
                wide += (ulong)*(uint*)at + *(uint*)(at + 4) + *(uint*)(at + 8) + *(uint*)(at + 12)
                        + *(uint*)(at + 16) + *(uint*)(at + 20) + *(uint*)(at + 24) + *(uint*)(at + 28);
            }
            for (; end - at >= 4; at += 4)
                wide += *(uint*)at;
            wide = (wide & 0xFFFF_FFFF) + (wide >> 32);
            wide = (wide & 0xFFFF_FFFF) + (wide >> 32);
            uint folded = (uint)wide;
            folded = (folded & 0xFFFF) + (folded >> 16);
            folded = (folded & 0xFFFF) + (folded >> 16);
            sum += ((folded & 0xFF) << 8) | (folded >> 8);
            // The rest (0-3 bytes) starts at an even offset: pairs in network order as RFC 1071 writes them.
            if (end - at >= 2)
            {
                sum += (uint)((at[0] << 8) | at[1]);
                at += 2;
            }
            if (at < end)
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

    /// <summary>
    /// What the checksum field holds for a NIC that finishes the sum: the pseudo-header sum folded
    /// to 16 bits, not complemented (length 0 for a segment the NIC cuts and adds each piece's length to).
    /// </summary>
    public static ushort PseudoHeaderSeed(Ipv4Address source, Ipv4Address destination, byte protocol, int length)
    {
        uint sum = PseudoHeader(source, destination, protocol, length);
        while ((sum >> 16) != 0)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }

    /// <summary>Checksum of a UDP or TCP segment (whose checksum field is included as it stands).</summary>
    public static ushort ComputeWithPseudoHeader(Ipv4Address source, Ipv4Address destination, byte protocol, ReadOnlySpan<byte> segment)
        => Finish(Add(PseudoHeader(source, destination, protocol, segment.Length), segment));
}
