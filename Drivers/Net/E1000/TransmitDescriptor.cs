using System.Runtime.InteropServices;

namespace CosmosHybrid.Drivers.Net.E1000;

/// <summary>A legacy transmit descriptor (16 bytes): the frame's physical address and length, the command, and the status the NIC writes back.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct TransmitDescriptor
{
    public const byte CommandEndOfPacket = 1 << 0;
    public const byte CommandInsertCrc = 1 << 1;
    public const byte CommandReportStatus = 1 << 3;
    public const byte StatusDone = 1 << 0;

    /// <summary>A whole frame in one descriptor, with the CRC added and DD written back when sent.</summary>
    public const byte CommandFrame = CommandEndOfPacket | CommandInsertCrc | CommandReportStatus;

    [FieldOffset(0)] public ulong BufferAddress;
    [FieldOffset(8)] public ushort Length;
    [FieldOffset(10)] public byte ChecksumOffset;
    [FieldOffset(11)] public byte Command;
    [FieldOffset(12)] public byte Status;
    [FieldOffset(13)] public byte ChecksumStart;
    [FieldOffset(14)] public ushort Special;
}
