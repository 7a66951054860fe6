using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Client;

/// <summary>
/// Drawing into a window's pixel buffer (32-bit 0x00RRGGBB), everything clipped to the
/// buffer: rectangles, lines, text from a glyph source, images from a pixel array. It
/// records the bounds of what it touched, for the next damage request.
/// </summary>
public readonly unsafe struct Canvas
{
    private readonly PixelSurface _surface;

    public Canvas(uint* pixels, int width, int height)
    {
        _surface = new PixelSurface(pixels, width, height);
    }

    public int Width => _surface.Width;

    public int Height => _surface.Height;

    public Rect Bounds => _surface.Bounds;

    public PixelSurface Surface => _surface;

    public uint GetPixel(int x, int y) => _surface.Bounds.Contains(x, y) ? _surface[x, y] : 0;

    public void SetPixel(int x, int y, uint color)
    {
        if (_surface.Bounds.Contains(x, y))
            _surface[x, y] = color;
    }

    public Rect Clear(uint color) => FillRect(Bounds, color);

    /// <summary>Fills a rectangle; returns the part drawn.</summary>
    public Rect FillRect(Rect rect, uint color)
    {
        rect = rect.Intersect(Bounds);
        _surface.Fill(rect, color);
        return rect;
    }

    /// <summary>A one-pixel outline.</summary>
    public Rect DrawRect(Rect rect, uint color)
    {
        if (rect.IsEmpty)
            return default;
        FillRect(new Rect(rect.X, rect.Y, rect.Width, 1), color);
        FillRect(new Rect(rect.X, rect.Bottom - 1, rect.Width, 1), color);
        FillRect(new Rect(rect.X, rect.Y, 1, rect.Height), color);
        FillRect(new Rect(rect.Right - 1, rect.Y, 1, rect.Height), color);
        return rect.Intersect(Bounds);
    }

    /// <summary>A line from (x0, y0) to (x1, y1), both ends included (Bresenham).</summary>
    public Rect DrawLine(int x0, int y0, int x1, int y1, uint color)
    {
        if (y0 == y1)
            return FillRect(Rect.FromEdges(System.Math.Min(x0, x1), y0, System.Math.Max(x0, x1) + 1, y0 + 1), color);
        int dx = System.Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
        int dy = -System.Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        Rect bounds = Rect.FromEdges(System.Math.Min(x0, x1), System.Math.Min(y0, y1), System.Math.Max(x0, x1) + 1, System.Math.Max(y0, y1) + 1);
        // Far outside the buffer there is nothing to step through.
        if (!bounds.Intersects(Bounds))
            return default;
        while (true)
        {
            SetPixel(x0, y0, color);
            if (x0 == x1 && y0 == y1)
                break;
            int doubled = 2 * error;
            if (doubled >= dy)
            {
                error += dy;
                x0 += sx;
            }
            if (doubled <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
        return bounds.Intersect(Bounds);
    }

    /// <summary>Text with its top left at (x, y); only the glyphs' ink is drawn.</summary>
    public Rect DrawText(IGlyphSource glyphs, int x, int y, string text, uint color)
    {
        if (glyphs == null || string.IsNullOrEmpty(text))
            return default;
        TextPainter.Draw(_surface, Bounds, glyphs, x, y, text, color);
        return new Rect(x, y, TextPainter.Measure(glyphs, text), glyphs.CellHeight).Intersect(Bounds);
    }

    /// <summary>An image of <paramref name="width"/> × <paramref name="height"/> pixels (row after row) with its top left at (x, y).</summary>
    public Rect DrawImage(uint[] pixels, int width, int height, int x, int y)
    {
        if (pixels == null || width <= 0 || height <= 0 || (long)width * height > pixels.Length)
            return default;
        fixed (uint* source = pixels)
            _surface.CopyFrom(new PixelSurface(source, width, height), new Rect(0, 0, width, height), x, y);
        return new Rect(x, y, width, height).Intersect(Bounds);
    }
}
