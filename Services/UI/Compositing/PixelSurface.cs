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

    /// <summary>Fills <paramref name="rect"/> (clipped to the surface) with one colour: two pixels per store, or copies of <see cref="FillRow"/>.</summary>
    public void Fill(Rect rect, uint color)
    {
        rect = rect.Intersect(Bounds);
        if (rect.IsEmpty)
            return;
        if (FillRow == null || rect.Width <= PixelRows.FillSeed)
        {
            for (int y = rect.Y; y < rect.Bottom; y++)
                PixelRows.Fill(Row(y) + rect.X, rect.Width, color);
            return;
        }
        PixelRows.Fill(FillRow, rect.Width, color);
        for (int y = rect.Y; y < rect.Bottom; y++)
            PixelRows.Copy(FillRow, Row(y) + rect.X, rect.Width);
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
