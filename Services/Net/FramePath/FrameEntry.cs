namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>A ring entry: a buffer index (low 16 bits) and a frame length (high 16 bits), one 32-bit word.</summary>
public static class FrameEntry
{
    public static uint Pack(int buffer, int length) => (uint)(ushort)buffer | ((uint)(ushort)length << 16);

    public static int BufferOf(uint entry) => (int)(entry & 0xFFFF);

    public static int LengthOf(uint entry) => (int)(entry >> 16);
}
