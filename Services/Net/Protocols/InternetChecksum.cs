using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// The RFC 1071 ones'-complement sum used by IPv4, ICMP, UDP and TCP. Sums are kept unfolded in
/// a uint (a packet of 64 KiB cannot overflow it); <see cref="Add"/> treats its span as starting
/// on an even offset, so callers summing in pieces pass even-length pieces except the last.
/// </summary>
public static class InternetChecksum
{
    public static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        int even = data.Length & ~1;
        for (; i < even; i += 2)
            sum += (uint)((data[i] << 8) | data[i + 1]);
        if (i < data.Length)
            sum += (uint)(data[i] << 8);
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
