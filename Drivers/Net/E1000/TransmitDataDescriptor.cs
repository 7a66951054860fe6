using System.Runtime.InteropServices;

namespace CosmosHybrid.Drivers.Net.E1000;

/// <summary>
/// A TCP/IP data descriptor (16 bytes, 8254x manual 3.3.7): a piece of a frame the last context
/// descriptor describes, with the checksums to insert (POPTS) and, with TSE, segmentation.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct TransmitDataDescriptor
{
    /// <summary>DTYP 1 (data) and the DCMD bits, in <see cref="LengthAndCommand"/> above the 20-bit length.</summary>
    public const uint TypeData = 1u << 20;
    public const uint CommandEndOfPacket = 1u << 24;
    public const uint CommandInsertCrc = 1u << 25;
    public const uint CommandSegmentation = 1u << 26;
    public const uint CommandReportStatus = 1u << 27;
    public const uint CommandExtended = 1u << 29;
    public const uint LengthMask = 0xF_FFFF;

    /// <summary>POPTS: insert the IPv4 header checksum, insert the TCP/UDP checksum.</summary>
    public const byte OptionIpChecksum = 1 << 0;
    public const byte OptionTransportChecksum = 1 << 1;

    [FieldOffset(0)] public ulong BufferAddress;
    [FieldOffset(8)] public uint LengthAndCommand;
    /// <summary>Written back like a legacy descriptor's (DD in bit 0), at the same place.</summary>
    [FieldOffset(12)] public byte Status;
    [FieldOffset(13)] public byte Options;
    [FieldOffset(14)] public ushort Special;

    /// <summary>The length and command word of a piece of <paramref name="length"/> bytes (the last one with <paramref name="endOfPacket"/>).</summary>
    public static uint LengthAndCommandFor(int length, bool endOfPacket, bool segmentation) =>
        ((uint)length & LengthMask) | TypeData | CommandExtended | CommandInsertCrc | CommandReportStatus
        | (endOfPacket ? CommandEndOfPacket : 0) | (segmentation ? CommandSegmentation : 0);
}
