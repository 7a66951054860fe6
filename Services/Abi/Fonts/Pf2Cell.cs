using System;

namespace CosmosHybrid.Services.Abi.Fonts;

/// <summary>
/// A PF2 font laid out in fixed cells, as a terminal or a title bar draws text: the cell's
/// size and where a glyph's pixels fall in it. Rows are bit masks, bit 31 the left column.
/// </summary>
public static class Pf2Cell
{
    /// <summary>The widest cell a row mask holds.</summary>
    public const int MaxWidth = 32;

    /// <summary>
    /// The advance of an ordinary letter ('M'), not MAXW: GRUB's fonts draw control characters
    /// as double-width boxes. At most <see cref="MaxWidth"/>.
    /// </summary>
    public static int Width(Pf2Font font)
    {
        int width = font.MaxWidth;
        if (font.TryGetGlyph('M', out Pf2Glyph m) && m.DeviceWidth > 0 && m.DeviceWidth <= font.MaxWidth)
            width = m.DeviceWidth;
        return width > MaxWidth ? MaxWidth : width;
    }

    public static int Height(Pf2Font font) => font.Ascent + font.Descent;

    /// <summary>
    /// Sets the glyph's pixels in <paramref name="rows"/> (one per cell row, bit 31 the left
    /// column), the baseline <paramref name="baseline"/> rows from the top; pixels outside
    /// the cell are dropped.
    /// </summary>
    public static void Place(in Pf2Glyph glyph, int cellWidth, int baseline, Span<uint> rows)
    {
        // Bitmap row 0 lies YOffset + Height pixels above the baseline.
        int top = baseline - glyph.YOffset - glyph.Height;
        for (int gy = 0; gy < glyph.Height; gy++)
        {
            int y = top + gy;
            if ((uint)y >= (uint)rows.Length)
                continue;
            for (int gx = 0; gx < glyph.Width; gx++)
            {
                int x = glyph.XOffset + gx;
                if ((uint)x < (uint)cellWidth && glyph.IsSet(gx, gy))
                    rows[y] |= 0x80000000u >> x;
            }
        }
    }
}
