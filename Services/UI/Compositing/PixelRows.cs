namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// Row primitives on 32-bit pixels: fills and copies that move 16 bytes per loop step as
/// two 8-byte stores, with at most one 4-byte store at the end.
/// </summary>
public static unsafe class PixelRows
{
    public static void Fill(uint* row, int count, uint color)
    {
        ulong pair = color | ((ulong)color << 32);
        int i = 0;
        for (; i + 4 <= count; i += 4)
        {
            *(ulong*)(row + i) = pair;
            *(ulong*)(row + i + 2) = pair;
        }
        if (i + 2 <= count)
        {
            *(ulong*)(row + i) = pair;
            i += 2;
        }
        if (i < count)
            row[i] = color;
    }

    /// <summary>Copies <paramref name="count"/> pixels (the ranges must not overlap).</summary>
    public static void Copy(uint* source, uint* destination, int count) =>
        CopyBytes((byte*)source, (byte*)destination, (long)count * 4);

    /// <summary>Copies bytes with 8-byte loads and stores, 16 bytes a step; no alignment needed (x86-64).</summary>
    public static void CopyBytes(byte* source, byte* destination, long length)
    {
        long i = 0;
        for (; i + 16 <= length; i += 16)
        {
            ulong a = *(ulong*)(source + i);
            ulong b = *(ulong*)(source + i + 8);
            *(ulong*)(destination + i) = a;
            *(ulong*)(destination + i + 8) = b;
        }
        if (i + 8 <= length)
        {
            *(ulong*)(destination + i) = *(ulong*)(source + i);
            i += 8;
        }
        if (i + 4 <= length)
        {
            *(uint*)(destination + i) = *(uint*)(source + i);
            i += 4;
        }
        for (; i < length; i++)
            destination[i] = source[i];
    }
}
