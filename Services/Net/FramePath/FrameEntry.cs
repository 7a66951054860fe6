namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>
/// A ring entry, one 32-bit word: a buffer index (bits 0-15), the length of the frame's part in
/// that buffer (bits 16-28: a buffer holds at most <see cref="FramePoolLayout.MaxBufferSize"/>
/// bytes) and flags (bits 29-31). A frame longer than a buffer (a segment the NIC cuts) spans
/// consecutive entries, each but the last with <see cref="Continued"/>.
/// </summary>
public static class FrameEntry
{
    /// <summary>The frame goes on in the next entry's buffer.</summary>
    public const uint Continued = 1u << 29;
    /// <summary>Transmit: the NIC finishes this frame as the slot's offload word says (<see cref="TransmitOffload"/>).</summary>
    public const uint Offloaded = 1u << 30;

    private const uint LengthMask = 0x1FFF;

    public static uint Pack(int buffer, int length) => (uint)(ushort)buffer | (((uint)length & LengthMask) << 16);

    public static uint Pack(int buffer, int length, uint flags) => Pack(buffer, length) | (flags & (Continued | Offloaded));

    public static int BufferOf(uint entry) => (int)(entry & 0xFFFF);

    public static int LengthOf(uint entry) => (int)((entry >> 16) & LengthMask);

    public static bool IsContinued(uint entry) => (entry & Continued) != 0;

    public static bool IsOffloaded(uint entry) => (entry & Offloaded) != 0;
}
