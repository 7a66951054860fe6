using System.Runtime.InteropServices;

namespace CosmosHybrid.Drivers.Net.E1000;

/// <summary>
/// A TCP/IP context descriptor (16 bytes, 8254x manual 3.3.6): where the IPv4 and TCP/UDP
/// checksums start, sit and end in the frames that follow, and for segmentation the header
/// length, the payload length and the MSS. The data descriptors that follow use it.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct TransmitContextDescriptor
{
    /// <summary>TUCMD bits (in <see cref="LengthAndCommand"/>): TCP (not UDP), IPv4, segmentation, report status, extended.</summary>
    public const uint CommandTcp = 1u << 24;
    public const uint CommandIpv4 = 1u << 25;
    public const uint CommandSegmentation = 1u << 26;
    public const uint CommandReportStatus = 1u << 27;
    public const uint CommandExtended = 1u << 29;
    /// <summary>PAYLEN: 20 bits.</summary>
    public const uint PayloadLengthMask = 0xF_FFFF;

    [FieldOffset(0)] public byte IpChecksumStart;
    [FieldOffset(1)] public byte IpChecksumOffset;
    [FieldOffset(2)] public ushort IpChecksumEnd;
    [FieldOffset(4)] public byte TransportChecksumStart;
    [FieldOffset(5)] public byte TransportChecksumOffset;
    /// <summary>0: to the end of the frame.</summary>
    [FieldOffset(6)] public ushort TransportChecksumEnd;
    [FieldOffset(8)] public uint LengthAndCommand;
    [FieldOffset(12)] public byte Status;
    [FieldOffset(13)] public byte HeaderLength;
    [FieldOffset(14)] public ushort MaximumSegmentSize;
}
