namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// Row primitives on 32-bit pixels: fills that store the first pixels with 8-byte stores and
/// copy them over the rest, and copies through the core library's memory copy (REP MOVSQ in ring 3).
/// </summary>
public static unsafe class PixelRows
{
    /// <summary>Pixels stored one by one before the rest of a fill is copied (a fill this short never reads its row).</summary>
    public const int FillSeed = 32;

    public static void Fill(uint* row, int count, uint color)
    {
        int seed = count < FillSeed ? count : FillSeed;
        ulong pair = color | ((ulong)color << 32);
        int i = 0;
        for (; i + 4 <= seed; i += 4)
        {
            *(ulong*)(row + i) = pair;
            *(ulong*)(row + i + 2) = pair;
        }
        if (i + 2 <= seed)
        {
            *(ulong*)(row + i) = pair;
            i += 2;
        }
        if (i < seed)
            row[i] = color;

        // The rest by doubling copies of what is filled: never overlapping, so the same on every runtime.
        for (int done = seed; done < count;)
        {
            int chunk = done < count - done ? done : count - done;
            CopyBytes((byte*)row, (byte*)(row + done), (long)chunk * 4);
            done += chunk;
        }
    }

    /// <summary>Copies <paramref name="count"/> pixels (the ranges must not overlap).</summary>
    public static void Copy(uint* source, uint* destination, int count) =>
        CopyBytes((byte*)source, (byte*)destination, (long)count * 4);

    /// <summary>
    /// Copies bytes (the ranges must not overlap) with the core library's memory copy: in ring 3
    /// REP MOVSQ, 8-byte stores (and the cheapest form under QEMU's instruction counting), the
    /// runtime's own on .NET.
    /// </summary>
    public static void CopyBytes(byte* source, byte* destination, long length)
    {
        if (length > 0)
            System.Buffer.MemoryCopy(source, destination, length, length);
    }
}
