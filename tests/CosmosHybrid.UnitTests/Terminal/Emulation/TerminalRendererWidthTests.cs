using System;
using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

/// <summary>
/// The renderer's pixel stores (two pixels a store, the 8-pixel cell unrolled, an odd last
/// pixel) against a pixel-by-pixel reference from the glyph masks, and its scroll moves of
/// back-to-back rows (pitch = width) against a full redraw.
/// </summary>
[TestFixture]
public unsafe class TerminalRendererWidthTests
{
    private const int CellHeight = 5;
    private const uint Foreground = 0xE5E5E5;
    private const uint Background = 0x000000;

    /// <summary>Cells <c>width</c> pixels wide; each printable character a pattern from its code.</summary>
    private sealed class PatternGlyphs : GlyphSource
    {
        private readonly int _width;

        public PatternGlyphs(int width) => _width = width;

        public override int CellWidth => _width;

        public override int CellHeight => TerminalRendererWidthTests.CellHeight;

        public override int Baseline => 3;

        public override bool TryGetGlyph(int scalar, out CellGlyph glyph)
        {
            if (scalar < '!' || scalar > '~')
            {
                glyph = default;
                return false;
            }

            glyph = new CellGlyph(Rows(scalar), _width, CellHeight);
            return true;
        }

        public static uint[] Rows(int scalar)
        {
            var rows = new uint[TerminalRendererWidthTests.CellHeight];
            uint state = (uint)scalar * 2654435761u;
            for (int y = 0; y < rows.Length; y++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                rows[y] = state; // bits past the cell's width must not show
            }

            return rows;
        }
    }

    [TestCase(3)]
    [TestCase(5)]
    [TestCase(8)]
    [TestCase(9)]
    public void EveryPixelIsTheGlyphBitInForegroundOrBackground(int cellWidth)
    {
        const int columns = 20, rows = 4;
        var terminal = new Term(columns, rows);
        var renderer = new TerminalRenderer(new PatternGlyphs(cellWidth));
        int width = columns * cellWidth, height = rows * CellHeight;
        var pixels = new uint[width * height];
        string text = "\u001b[?25l";
        for (int i = 0; i < columns * rows; i++)
        {
            text += (char)('!' + (i * 7) % 94);
        }

        terminal.Write(text);
        fixed (uint* p = pixels)
        {
            renderer.Render(terminal, (byte*)p, width, height, width * 4);
        }

        for (int i = 0; i < columns * rows; i++)
        {
            uint[] masks = PatternGlyphs.Rows('!' + (i * 7) % 94);
            int left = i % columns * cellWidth, top = i / columns * CellHeight;
            for (int y = 0; y < CellHeight; y++)
            {
                for (int x = 0; x < cellWidth; x++)
                {
                    uint expected = (masks[y] & (0x80000000u >> x)) != 0 ? Foreground : Background;
                    Assert.That(pixels[(top + y) * width + left + x], Is.EqualTo(expected), $"cell {i}, pixel {x},{y}");
                }
            }
        }
    }

    [TestCase(8, 1)]
    [TestCase(8, 2)]
    [TestCase(5, 3)]
    public void ScrollsOfBackToBackRowsEqualAFullRedraw(int cellWidth, int seed)
    {
        var random = new Random(seed);
        string[] pieces = { "abc", "#", "\r\n", "\n", "\u001b[2S", "\u001b[T", "\u001bM", "\u001b[3;6r", "\u001b[r", "\u001b[L", "\u001b[2M", "\u001b[H", "\u001b[8;1H", "xyz!" };
        const int columns = 10, rows = 8;
        var terminal = new Term(columns, rows);
        var renderer = new TerminalRenderer(new PatternGlyphs(cellWidth));
        int width = columns * cellWidth, height = rows * CellHeight;
        var incremental = new uint[width * height];
        for (int frame = 0; frame < 200; frame++)
        {
            for (int i = random.Next(1, 5); i > 0; i--)
            {
                terminal.Write(pieces[random.Next(pieces.Length)]);
            }

            var full = new uint[width * height];
            fixed (uint* p = incremental)
            fixed (uint* f = full)
            {
                renderer.Render(terminal, (byte*)p, width, height, width * 4);
                new TerminalRenderer(new PatternGlyphs(cellWidth)).Render(terminal, (byte*)f, width, height, width * 4, full: true);
            }

            Assert.That(incremental, Is.EqualTo(full), "frame " + frame);
        }
    }
}
