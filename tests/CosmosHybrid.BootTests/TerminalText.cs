using System;
using System.IO;
using CosmosHybrid.Services.Abi.Fonts;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Finds text in a window on a screendump: each cell drawn on the host from the ISO's font with
/// the cell layout the terminal and the server's text painter use (Pf2Cell), compared pixel by pixel.
/// </summary>
public sealed class TerminalText
{
    // Services/Terminal/Emulation/TerminalPalette.cs: xterm's colour 7 on colour 0.
    private const uint TerminalForeground = 0xE5E5E5;
    private const uint TerminalBackground = 0x000000;

    private readonly uint _foreground;
    private readonly uint _background;

    /// <summary>Cells past the text that must be blank too, so "$ echo hi" does not match "$ echo hint".</summary>
    private const int DefaultBlankCellsAfter = 4;

    private readonly Pf2Font _font;

    /// <summary>Text in the given colours; the terminal's default colours when left out.</summary>
    public TerminalText(uint foreground = TerminalForeground, uint background = TerminalBackground)
    {
        _foreground = foreground;
        _background = background;
        byte[] fontFile = File.ReadAllBytes(Path.Combine(BuildOutput.IsoRoot, "boot", "font.pf2"));
        Assert.That(Pf2Font.TryParse(fontFile, out _font), Is.True, "the ISO's font parses");
        CellWidth = Pf2Cell.Width(_font);
        CellHeight = Pf2Cell.Height(_font);
    }

    public int CellWidth { get; }

    public int CellHeight { get; }

    /// <summary>
    /// The first of <paramref name="rows"/> text rows below (left, top) that starts with exactly <paramref name="text"/>
    /// and <paramref name="blankAfter"/> blank cells (the cursor, drawn inverse, is not blank), or -1.
    /// </summary>
    public int FindRow(ScreenImage screen, int left, int top, int rows, string text, int blankAfter = DefaultBlankCellsAfter)
    {
        for (int row = 0; row < rows; row++)
        {
            if (RowStartsWith(screen, left, top + row * CellHeight, text, blankAfter))
                return row;
        }
        return -1;
    }

    private bool RowStartsWith(ScreenImage screen, int left, int top, string text, int blankAfter)
    {
        Span<uint> masks = stackalloc uint[CellHeight];
        for (int column = 0; column < text.Length + blankAfter; column++)
        {
            masks.Clear();
            if (column < text.Length && _font.TryGetGlyph(text[column], out Pf2Glyph glyph))
                Pf2Cell.Place(glyph, CellWidth, _font.Ascent, masks);
            int cellLeft = left + column * CellWidth;
            if (cellLeft + CellWidth > screen.Width || top + CellHeight > screen.Height)
                return false;
            for (int y = 0; y < CellHeight; y++)
            {
                for (int x = 0; x < CellWidth; x++)
                {
                    uint expected = (masks[y] & (0x80000000u >> x)) != 0 ? _foreground : _background;
                    if ((screen[cellLeft + x, top + y] & 0xFFFFFF) != expected)
                        return false;
                }
            }
        }
        return true;
    }
}
