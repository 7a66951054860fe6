using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>An Ethernet II header over a received frame (no FCS: NICs strip it). VLAN tags are not taken.</summary>
public readonly ref struct EthernetFrame
{
    public const int HeaderLength = 14;
    /// <summary>Payload a frame carries at most (no jumbo frames).</summary>
    public const int MaxPayload = 1500;

    public readonly MacAddress Destination;
    public readonly MacAddress Source;
    public readonly ushort EtherType;
    /// <summary>Everything after the header, padding included: the layer above trims by its own length.</summary>
    public readonly ReadOnlySpan<byte> Payload;

    private EthernetFrame(MacAddress destination, MacAddress source, ushort etherType, ReadOnlySpan<byte> payload)
    {
        Destination = destination;
        Source = source;
        EtherType = etherType;
        Payload = payload;
    }

    public static ParseStatus TryParse(ReadOnlySpan<byte> frame, out EthernetFrame result)
    {
        result = default;
        if (frame.Length < HeaderLength)
            return ParseStatus.Truncated;
        ushort type = (ushort)((frame[12] << 8) | frame[13]);
        // Values up to 1500 are 802.3 lengths (LLC frames), 0x8100 a VLAN tag: neither is Ethernet II for us.
        if (type < 0x0600 || type == Protocols.EtherType.Vlan)
            return ParseStatus.Unsupported;
        result = new EthernetFrame(MacAddress.Read(frame), MacAddress.Read(frame.Slice(6)), type, frame.Slice(HeaderLength));
        return ParseStatus.Ok;
    }

    /// <summary>Writes the 14-byte header; returns <see cref="HeaderLength"/>, or 0 when it does not fit.</summary>
    public static int WriteHeader(Span<byte> destination, MacAddress to, MacAddress from, ushort etherType)
    {
        if (destination.Length < HeaderLength)
            return 0;
        to.Write(destination);
        from.Write(destination.Slice(6));
        destination[12] = (byte)(etherType >> 8);
        destination[13] = (byte)etherType;
        return HeaderLength;
    }
}
