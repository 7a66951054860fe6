using System.Collections.Generic;
using CosmosHybrid.Services.Abi.Fonts;

namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// Cuts a GRUB PF2 font (the one the kernel's framebuffer console uses) into terminal
/// cells. Each glyph is placed in its cell once and kept: Latin, Greek and Cyrillic
/// (below U+0800) in a table, others in a bounded dictionary that starts over when full.
/// </summary>
public sealed class Pf2GlyphSource : GlyphSource
{
    private const int TableSize = 0x800;
    private const int MaxCachedOthers = 1024;

    private readonly Pf2Font _font;
    private readonly CellGlyph[] _table = new CellGlyph[TableSize];
    private readonly byte[] _tableState = new byte[TableSize];
    private readonly Dictionary<int, CellGlyph> _others = new Dictionary<int, CellGlyph>();

    public Pf2GlyphSource(Pf2Font font)
    {
        _font = font;

        CellWidth = Pf2Cell.Width(font);
        CellHeight = Pf2Cell.Height(font);
        Baseline = font.Ascent;
    }

    public override int CellWidth { get; }

    public override int CellHeight { get; }

    public override int Baseline { get; }

    public override bool TryGetGlyph(int scalar, out CellGlyph glyph)
    {
        glyph = default;
        if (scalar < 0x20 || (scalar >= 0x7F && scalar < 0xA0))
        {
            return false;
        }

        if (scalar < TableSize)
        {
            // 0 not looked up yet, 1 present, 2 missing.
            if (_tableState[scalar] == 0)
            {
                _tableState[scalar] = Place(scalar, out _table[scalar]) ? (byte)1 : (byte)2;
            }

            glyph = _table[scalar];
            return _tableState[scalar] == 1;
        }

        if (_others.TryGetValue(scalar, out glyph))
        {
            return glyph.Rows != null;
        }

        if (_others.Count >= MaxCachedOthers)
        {
            _others.Clear();
        }

        Place(scalar, out glyph);
        _others[scalar] = glyph;
        return glyph.Rows != null;
    }

    /// <summary>Draws the font's glyph into cell-sized row masks, clipped to the cell.</summary>
    private bool Place(int scalar, out CellGlyph glyph)
    {
        glyph = default;
        if (!_font.TryGetGlyph(scalar, out Pf2Glyph source))
        {
            return false;
        }

        var rows = new uint[CellHeight];

        Pf2Cell.Place(source, CellWidth, Baseline, rows);

        glyph = new CellGlyph(rows, CellWidth, CellHeight);
        return true;
    }
}
