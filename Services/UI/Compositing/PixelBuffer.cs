using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// Pixels the server keeps in its own heap: the back buffer and each window's copy of what
/// its client drew. Pinned only while an operation runs (the host's collector moves objects).
/// </summary>
public sealed unsafe class PixelBuffer : IPixelSource
{
    private uint[] _pixels;

    public PixelBuffer(int width, int height)
    {
        Width = width < 0 ? 0 : width;
        Height = height < 0 ? 0 : height;
        _pixels = new uint[(long)Width * Height == 0 ? 1 : Width * Height];
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public Rect Bounds => new Rect(0, 0, Width, Height);

    public uint[] Pixels => _pixels;

    public uint this[int x, int y] => _pixels[y * Width + x];

    public void CopyRow(int x, int y, int count, uint* destination)
    {
        fixed (uint* pixels = _pixels)
            PixelRows.Copy(pixels + y * Width + x, destination, count);
    }

    /// <summary>Copies <paramref name="rect"/> of <paramref name="source"/> (same coordinates) into this buffer, clipped to both.</summary>
    public void CopyFrom(PixelSurface source, Rect rect)
    {
        fixed (uint* pixels = _pixels)
            new PixelSurface(pixels, Width, Height).CopyFrom(source, rect, rect.X, rect.Y);
    }

    public void Fill(Rect rect, uint color)
    {
        fixed (uint* pixels = _pixels)
            new PixelSurface(pixels, Width, Height).Fill(rect, color);
    }

    /// <summary>New size; the overlapping part keeps its pixels, the rest is <paramref name="background"/>.</summary>
    public void Resize(int width, int height, uint background)
    {
        var resized = new PixelBuffer(width, height);
        resized.Fill(resized.Bounds, background);
        fixed (uint* pixels = _pixels)
            resized.CopyFrom(new PixelSurface(pixels, Width, Height), Bounds);
        _pixels = resized._pixels;
        Width = resized.Width;
        Height = resized.Height;
    }
}
