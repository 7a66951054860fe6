using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// Pixels the window server draws in: 32-bit 0x00RRGGBB values, <see cref="Stride"/> pixels
/// from one row to the next. The memory belongs to whoever made the surface (the back buffer,
/// a window's copy, a client's shared buffer); the surface only points at it.
/// </summary>
public readonly unsafe struct PixelSurface
{
    public PixelSurface(uint* pixels, int width, int height, int stride)
        : this(pixels, width, height, stride, null)
    {
    }

    /// <summary>
    /// A surface whose wide fills are copies of <paramref name="fillRow"/> (at least
    /// <paramref name="width"/> pixels of the drawer's own memory): one copy a row, and the
    /// surface itself is only written, never read (what the framebuffer wants).
    /// </summary>
    public PixelSurface(uint* pixels, int width, int height, int stride, uint* fillRow)
    {
        Pixels = pixels;
        Width = width;
        Height = height;
        Stride = stride;
        FillRow = fillRow;
    }

    public PixelSurface(uint* pixels, int width, int height)
        : this(pixels, width, height, width)
    {
    }

    public uint* Pixels { get; }

    public int Width { get; }

    public int Height { get; }

    public int Stride { get; }

    /// <summary>Scratch row for wide fills, or null (fills then copy from the row they fill).</summary>
    public uint* FillRow { get; }

    public Rect Bounds => new Rect(0, 0, Width, Height);

    public bool IsNull => Pixels == null;

    public uint* Row(int y) => Pixels + (long)y * Stride;

    public uint this[int x, int y]
    {
        get => Pixels[(long)y * Stride + x];
        set => Pixels[(long)y * Stride + x] = value;
    }

    /// <summary>Widths up to this are filled with stores right here, row by row, without a call per row.</summary>
    public const int NarrowFill = 8;

    /// <summary>Fills <paramref name="rect"/> (clipped to the surface) with one colour: two pixels per store, or copies of <see cref="FillRow"/>.</summary>
    /// <remarks>
    /// The row pointer steps by the stride (no address computed per row): the compositor's full frame
    /// is thousands of short runs, a window's border strips among them, and a call per run is what it
    /// costs beyond the pixels.
    /// </remarks>
    public void Fill(Rect rect, uint color)
    {
        rect = rect.Intersect(Bounds);
        if (rect.IsEmpty)
            return;
        uint* row = Pixels + (long)rect.Y * Stride + rect.X;
        int width = rect.Width, height = rect.Height, stride = Stride;
        if (width <= NarrowFill)
        {
            ulong pair = color | ((ulong)color << 32);
            for (int y = 0; y < height; y++, row += stride)
            {
                int i = 0;
                for (; i + 2 <= width; i += 2)
                    *(ulong*)(row + i) = pair;
                if (i < width)
                    row[i] = color;
            }
            return;
        }
        if (FillRow == null || width <= PixelRows.FillSeed)
        {
            for (int y = 0; y < height; y++, row += stride)
                PixelRows.Fill(row, width, color);
            return;
        }
        PixelRows.Fill(FillRow, width, color);
        for (int y = 0; y < height; y++, row += stride)
            PixelRows.Copy(FillRow, row, width);
    }

    /// <summary>Copies <paramref name="sourceRect"/> of <paramref name="source"/> to (x, y) here; both sides clipped.</summary>
    public void CopyFrom(PixelSurface source, Rect sourceRect, int x, int y)
    {
        sourceRect = sourceRect.Intersect(source.Bounds);
        Rect target = new Rect(x, y, sourceRect.Width, sourceRect.Height).Intersect(Bounds);
        if (target.IsEmpty)
            return;
        int sx = sourceRect.X + (target.X - x);
        int sy = sourceRect.Y + (target.Y - y);
        for (int row = 0; row < target.Height; row++)
            PixelRows.Copy(source.Row(sy + row) + sx, Row(target.Y + row) + target.X, target.Width);
    }
}
