using System.Runtime.InteropServices;

namespace CosmosHybrid.Drivers.Net.E1000;

/// <summary>A legacy receive descriptor (16 bytes): the buffer's physical address, and what the NIC writes back.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct ReceiveDescriptor
{
    public const byte StatusDone = 1 << 0;
    public const byte StatusEndOfPacket = 1 << 1;

    /// <summary>Errors that make a frame worthless: CRC, symbol, sequence, carrier extension, RX data.</summary>
    public const byte ErrorsFatal = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 4) | (1 << 7);

    [FieldOffset(0)] public ulong BufferAddress;
    [FieldOffset(8)] public ushort Length;
    [FieldOffset(10)] public ushort Checksum;
    [FieldOffset(12)] public byte Status;
    [FieldOffset(13)] public byte Errors;
    [FieldOffset(14)] public ushort Special;

    /// <summary>A written-back descriptor holding a whole, error-free frame.</summary>
    public static bool IsGoodFrame(byte status, byte errors) =>
        (status & (StatusDone | StatusEndOfPacket)) == (StatusDone | StatusEndOfPacket) && (errors & ErrorsFatal) == 0;
}
