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

    private readonly Pf2Font _font;
    private readonly int _baseline;
    private readonly uint[][] _cache = new uint[CachedCodePoints][];
    private uint[] _scratch;

    public Pf2Glyphs(Pf2Font font)
    {
        _font = font;
        int width = Pf2Cell.Width(font);
        CellWidth = width < 1 ? 1 : width;
        CellHeight = Pf2Cell.Height(font) < 1 ? 1 : Pf2Cell.Height(font);
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
        Pf2Cell.Place(glyph, CellWidth, _baseline, rows);
        // This source's rows are right-aligned: bit 0 is the cell's last column.
        for (int y = 0; y < rows.Length; y++)
            rows[y] >>= Pf2Cell.MaxWidth - CellWidth;
    }
}
