using CosmosHybrid.Services.Abi.Fonts;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// GRUB's PF2 font (the one the kernel's console uses, parsed by the shared
/// <see cref="Pf2Font"/>) cut into fixed cells for <see cref="IGlyphSource"/>. The cell is as
/// wide as an 'M' and as high as ascent + descent; each glyph is placed once and kept (code
/// points below U+0800: Latin, Greek, Cyrillic), others are placed on every call. A missing
/// character is drawn as '?'.
/// </summary>
public sealed class Pf2Glyphs : IGlyphSource
{
    private const int CachedCodePoints = 0x800;
    private const int MaxCellWidth = 32;

    private readonly Pf2Font _font;
    private readonly int _baseline;
    private readonly uint[][] _cache = new uint[CachedCodePoints][];
    private uint[] _scratch;

    public Pf2Glyphs(Pf2Font font)
    {
        _font = font;
        int width = font.MaxWidth;
        if (font.TryGetGlyph('M', out Pf2Glyph m) && m.DeviceWidth > 0 && m.DeviceWidth <= font.MaxWidth)
            width = m.DeviceWidth;
        CellWidth = width < 1 ? 1 : width > MaxCellWidth ? MaxCellWidth : width;
        CellHeight = font.Ascent + font.Descent < 1 ? 1 : font.Ascent + font.Descent;
        _baseline = font.Ascent;
    }

    public int CellWidth { get; }

    public int CellHeight { get; }

    public uint GlyphRow(int codePoint, int row)
    {
        if ((uint)row >= (uint)CellHeight)
            return 0;
        if ((uint)codePoint < CachedCodePoints)
        {
            uint[] rows = _cache[codePoint];
            if (rows == null)
            {
                rows = new uint[CellHeight];
                Place(codePoint, rows);
                _cache[codePoint] = rows;
            }
            return rows[row];
        }
        _scratch ??= new uint[CellHeight];
        Place(codePoint, _scratch);
        return _scratch[row];
    }

    /// <summary>Draws the glyph into cell rows (bit CellWidth - 1 - x for column x), clipped to the cell.</summary>
    private void Place(int codePoint, uint[] rows)
    {
        for (int i = 0; i < rows.Length; i++)
            rows[i] = 0;
        if (codePoint == ' ')
            return;
        if (!_font.TryGetGlyph(codePoint, out Pf2Glyph glyph) && !_font.TryGetGlyph('?', out glyph))
            return;
        // Bitmap row 0 lies YOffset + Height pixels above the baseline.
        int top = _baseline - glyph.YOffset - glyph.Height;
        for (int gy = 0; gy < glyph.Height; gy++)
        {
            int y = top + gy;
            if ((uint)y >= (uint)CellHeight)
                continue;
            for (int gx = 0; gx < glyph.Width; gx++)
            {
                int x = glyph.XOffset + gx;
                if ((uint)x < (uint)CellWidth && glyph.IsSet(gx, gy))
                    rows[y] |= 1u << (CellWidth - 1 - x);
            }
        }
    }
}
