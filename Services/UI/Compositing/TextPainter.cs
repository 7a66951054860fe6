using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>Draws text from a glyph source onto a surface, clipped to a rectangle; only ink pixels are written.</summary>
public static unsafe class TextPainter
{
    /// <summary>Width in pixels of <paramref name="text"/> (one cell per UTF-16 unit; the fonts here are cell fonts).</summary>
    public static int Measure(IGlyphSource glyphs, string text) =>
        glyphs == null || text == null ? 0 : glyphs.CellWidth * text.Length;

    /// <summary>Draws <paramref name="text"/> with its top left at (x, y); returns the x after it.</summary>
    public static int Draw(PixelSurface target, Rect clip, IGlyphSource glyphs, int x, int y, string text, uint color)
    {
        if (glyphs == null || text == null)
            return x;
        clip = clip.Intersect(target.Bounds);
        int cellWidth = glyphs.CellWidth;
        int cellHeight = glyphs.CellHeight;
        for (int i = 0; i < text.Length; i++, x += cellWidth)
        {
            Rect cell = new Rect(x, y, cellWidth, cellHeight).Intersect(clip);
            if (cell.IsEmpty)
            {
                if (x >= clip.Right)
                    break;
                continue;
            }
            int codePoint = text[i];
            for (int py = cell.Y; py < cell.Bottom; py++)
            {
                uint bits = glyphs.GlyphRow(codePoint, py - y);
                if (bits == 0)
                    continue;
                uint* row = target.Row(py);
                for (int px = cell.X; px < cell.Right; px++)
                {
                    if ((bits >> (cellWidth - 1 - (px - x)) & 1) != 0)
                        row[px] = color;
                }
            }
        }
        return x;
    }
}
