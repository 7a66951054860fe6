using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>An RFC 826 ARP packet for Ethernet and IPv4 (the only combination taken).</summary>
public readonly struct ArpPacket
{
    public const int Length = 28;
    public const ushort OperationRequest = 1;
    public const ushort OperationReply = 2;

    public readonly ushort Operation;
    public readonly MacAddress SenderMac;
    public readonly Ipv4Address SenderIp;
    public readonly MacAddress TargetMac;
    public readonly Ipv4Address TargetIp;

    public ArpPacket(ushort operation, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp)
    {
        Operation = operation;
        SenderMac = senderMac;
        SenderIp = senderIp;
        TargetMac = targetMac;
        TargetIp = targetIp;
    }

    public static ArpPacket Request(MacAddress ourMac, Ipv4Address ourIp, Ipv4Address wanted)
        => new ArpPacket(OperationRequest, ourMac, ourIp, MacAddress.Zero, wanted);

    /// <summary>A gratuitous ARP (RFC 5227 announcement): a request whose sender and target are our own address.</summary>
    public static ArpPacket Announcement(MacAddress ourMac, Ipv4Address ourIp)
        => new ArpPacket(OperationRequest, ourMac, ourIp, MacAddress.Zero, ourIp);

    public bool IsGratuitous => SenderIp == TargetIp;

    public static ParseStatus TryParse(ReadOnlySpan<byte> data, out ArpPacket packet)
    {
        packet = default;
        if (data.Length < Length)
            return ParseStatus.Truncated;
        ushort hardware = (ushort)((data[0] << 8) | data[1]);
        ushort protocol = (ushort)((data[2] << 8) | data[3]);
        if (hardware != 1 || protocol != EtherType.Ipv4)
            return ParseStatus.Unsupported;
        if (data[4] != MacAddress.Length || data[5] != Ipv4Address.Length)
            return ParseStatus.BadLength;
        ushort operation = (ushort)((data[6] << 8) | data[7]);
        if (operation != OperationRequest && operation != OperationReply)
            return ParseStatus.Unsupported;
        var senderMac = MacAddress.Read(data.Slice(8));
        if (senderMac.IsGroup)
            return ParseStatus.BadField;
        packet = new ArpPacket(operation, senderMac, Ipv4Address.Read(data.Slice(14)),
                               MacAddress.Read(data.Slice(18)), Ipv4Address.Read(data.Slice(24)));
        return ParseStatus.Ok;
    }

    /// <summary>Writes the 28 bytes; returns <see cref="Length"/> or 0 when they do not fit.</summary>
    public int Write(Span<byte> destination)
    {
        if (destination.Length < Length)
            return 0;
        destination[0] = 0;
        destination[1] = 1;
        destination[2] = EtherType.Ipv4 >> 8;
        destination[3] = EtherType.Ipv4 & 0xFF;
        destination[4] = MacAddress.Length;
        destination[5] = Ipv4Address.Length;
        destination[6] = (byte)(Operation >> 8);
        destination[7] = (byte)Operation;
        SenderMac.Write(destination.Slice(8));
        SenderIp.Write(destination.Slice(14));
        TargetMac.Write(destination.Slice(18));
        TargetIp.Write(destination.Slice(24));
        return Length;
    }
}
