using System;
using CosmosHybrid.Services.Terminal.Emulation;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public unsafe class TerminalRendererTests
{
    private const int CellWidth = 4;
    private const int CellHeight = 6;
    private const uint Sentinel = 0xDEADBEEF;
    private const uint DefaultForeground = 0xE5E5E5;
    private const uint DefaultBackground = 0x000000;

    /// <summary>4x6 cells, baseline 4. 'A' is a 2x2 block in the top-left corner; '#' fills the cell; U+FFFD is the bottom-right pixel.</summary>
    private sealed class BlockGlyphs : GlyphSource
    {
        public override int CellWidth => TerminalRendererTests.CellWidth;

        public override int CellHeight => TerminalRendererTests.CellHeight;

        public override int Baseline => 4;

        public override bool TryGetGlyph(int scalar, out CellGlyph glyph)
        {
            var rows = new uint[CellHeight];
            switch (scalar)
            {
                case 'A':
                    rows[0] = rows[1] = 0xC0000000;
                    break;
                case '#':
                    for (int i = 0; i < rows.Length; i++)
                    {
                        rows[i] = 0xF0000000;
                    }

                    break;
                case '|':
                    for (int i = 0; i < rows.Length; i++)
                    {
                        rows[i] = 0x80000000;
                    }

                    break;
                case 0xFFFD:
                    rows[CellHeight - 1] = 0x10000000;
                    break;
                default:
                    if (scalar >= '0' && scalar <= 'z')
                    {
                        // Other letters: a pattern from the code so rows differ.
                        rows[2] = (uint)(scalar & 0xF) << 28;
                        break;
                    }

                    glyph = default;
                    return false;
            }

            glyph = new CellGlyph(rows, CellWidth, CellHeight);
            return true;
        }
    }

    /// <summary>A pixel buffer with spare pixels at the end of each row (pitch != width x 4).</summary>
    private sealed class Surface
    {
        public readonly int Width;
        public readonly int Height;
        public readonly int PitchPixels;
        public readonly uint[] Pixels;

        public Surface(int width, int height, int pitchPixels)
        {
            Width = width;
            Height = height;
            PitchPixels = pitchPixels;
            Pixels = new uint[pitchPixels * height];
            Array.Fill(Pixels, Sentinel);
        }

        public uint this[int x, int y]
        {
            get => Pixels[y * PitchPixels + x];
            set => Pixels[y * PitchPixels + x] = value;
        }

        public RenderResult Render(TerminalRenderer renderer, Term terminal, bool full = false)
        {
            fixed (uint* pixels = Pixels)
            {
                return renderer.Render(terminal, (byte*)pixels, Width, Height, PitchPixels * 4, full);
            }
        }
    }

    private static (Term, TerminalRenderer, Surface) Setup(int columns = 5, int rows = 3)
    {
        var terminal = new Term(columns, rows);
        var renderer = new TerminalRenderer(new BlockGlyphs());

        // Two pixels of margin right of the grid, one below, seven spare pixels in each row.
        var surface = new Surface(columns * CellWidth + 2, rows * CellHeight + 1, columns * CellWidth + 9);
        return (terminal, renderer, surface);
    }

    [Test]
    public void FirstFrameDrawsEverythingAndRespectsPitch()
    {
        var (terminal, renderer, surface) = Setup();
        terminal.Write("\u001b[?25l");
        RenderResult result = surface.Render(renderer, terminal);
        Assert.That(result.CellsDrawn, Is.EqualTo(15));
        Assert.That((result.Left, result.Top, result.Right, result.Bottom), Is.EqualTo((0, 0, surface.Width, surface.Height)));
        Assert.That(surface[0, 0], Is.EqualTo(DefaultBackground));
        Assert.That(surface[surface.Width - 1, 3], Is.EqualTo(DefaultBackground), "right margin");
        Assert.That(surface[7, surface.Height - 1], Is.EqualTo(DefaultBackground), "bottom margin");
        Assert.That(surface[surface.Width, 0], Is.EqualTo(Sentinel), "pixels past the width belong to nobody");
        Assert.That(surface[surface.PitchPixels - 1, surface.Height - 1], Is.EqualTo(Sentinel));
        Assert.That(terminal.Damage.Any, Is.False);
    }

    [Test]
    public void GlyphPixelsInForegroundRestInBackground()
    {
        var (terminal, renderer, surface) = Setup();
        terminal.Write("\u001b[?25l\u001b[1;2HA");
        surface.Render(renderer, terminal);
        Assert.That(surface[4, 0], Is.EqualTo(DefaultForeground));
        Assert.That(surface[5, 1], Is.EqualTo(DefaultForeground));
        Assert.That(surface[6, 0], Is.EqualTo(DefaultBackground));
        Assert.That(surface[4, 2], Is.EqualTo(DefaultBackground));
        Assert.That(surface[3, 0], Is.EqualTo(DefaultBackground), "the cell to the left is untouched by the glyph");
    }

    [Test]
    public void IndexedAndTrueColours()
    {
        var (terminal, renderer, surface) = Setup();
        terminal.Write("\u001b[?25l\u001b[31;44mA\u001b[38;2;1;2;3;48;5;196mA");
        surface.Render(renderer, terminal);
        Assert.That(surface[0, 0], Is.EqualTo(0xCD0000u));
        Assert.That(surface[3, 3], Is.EqualTo(0x0000EEu));
        Assert.That(surface[4, 0], Is.EqualTo(0x010203u));
        Assert.That(surface[7, 5], Is.EqualTo(0xFF0000u));
    }

    [Test]
    public void InverseBoldAndUnderline()
    {
        var (terminal, renderer, surface) = Setup();
        terminal.Write("\u001b[?25l\u001b[7mA\u001b[0;1;31mA\u001b[0;4mA");
        surface.Render(renderer, terminal);

        // Inverse: glyph in the background colour on the foreground colour.
        Assert.That(surface[0, 0], Is.EqualTo(DefaultBackground));
        Assert.That(surface[3, 3], Is.EqualTo(DefaultForeground));

        // Bold red: bright red, and the glyph one pixel wider.
        Assert.That(surface[4, 0], Is.EqualTo(0xFF0000u));
        Assert.That(surface[6, 0], Is.EqualTo(0xFF0000u));
        Assert.That(surface[7, 0], Is.EqualTo(DefaultBackground));

        // Underline: the row below the baseline (4 + 1) across the cell.
        Assert.That(surface[8, 5], Is.EqualTo(DefaultForeground));
        Assert.That(surface[11, 5], Is.EqualTo(DefaultForeground));
        Assert.That(surface[11, 4], Is.EqualTo(DefaultBackground));
    }

    [Test]
    public void CursorIsInverseCell()
    {
        var (terminal, renderer, surface) = Setup();
        terminal.Write("A\b");
        surface.Render(renderer, terminal);
        Assert.That(surface[0, 0], Is.EqualTo(DefaultBackground), "glyph pixel in the background colour");
        Assert.That(surface[3, 3], Is.EqualTo(DefaultForeground));
        terminal.Write("\u001b[C");
        surface.Render(renderer, terminal);
        Assert.That(surface[0, 0], Is.EqualTo(DefaultForeground), "the cell the cursor left is normal again");
        Assert.That(surface[3, 3], Is.EqualTo(DefaultBackground));
        Assert.That(surface[4, 0], Is.EqualTo(DefaultForeground), "blank cell under the cursor is all foreground");
        terminal.Write("\u001b[?25l");
        surface.Render(renderer, terminal);
        Assert.That(surface[4, 0], Is.EqualTo(DefaultBackground));
    }

    [Test]
    public void MissingGlyphDrawsReplacement()
    {
        var (terminal, renderer, surface) = Setup();
        terminal.Write("\u001b[?25l\u4E2D");
        surface.Render(renderer, terminal);
        Assert.That(surface[3, 5], Is.EqualTo(DefaultForeground));
        Assert.That(surface[0, 0], Is.EqualTo(DefaultBackground));
    }

    [Test]
    public void KeystrokeEchoRedrawsOnlyTwoCells()
    {
        var (terminal, renderer, surface) = Setup(columns: 20, rows: 10);
        terminal.Write("$ ");
        surface.Render(renderer, terminal);

        // Paint marks where nothing should be redrawn: if the renderer touched them, they would go.
        surface[40, 30] = Sentinel;
        surface[0, 0] = Sentinel;
        terminal.Write("A");
        RenderResult result = surface.Render(renderer, terminal);
        Assert.That(result.CellsDrawn, Is.EqualTo(2));
        Assert.That((result.Left, result.Top, result.Right, result.Bottom), Is.EqualTo((8, 0, 16, 6)));
        Assert.That(surface[40, 30], Is.EqualTo(Sentinel));
        Assert.That(surface[0, 0], Is.EqualTo(Sentinel));
        Assert.That(surface[8, 0], Is.EqualTo(DefaultForeground));
        Assert.That(surface[12, 0], Is.EqualTo(DefaultForeground), "cursor now on the next cell");
    }

    [Test]
    public void ScrollMovesPixelsAndDrawsOnlyTheNewRow()
    {
        var (terminal, renderer, surface) = Setup(columns: 5, rows: 3);
        terminal.Write("\u001b[?25lA\r\n#\r\n|");
        surface.Render(renderer, terminal);
        Assert.That(surface[0, 12], Is.EqualTo(DefaultForeground));
        Assert.That(surface[1, 12], Is.EqualTo(DefaultBackground));
        terminal.Write("\r\n");
        RenderResult result = surface.Render(renderer, terminal);
        Assert.That(result.ScrolledRows, Is.EqualTo(1));
        Assert.That(result.CellsDrawn, Is.EqualTo(5 + 1), "the new row and the old cursor cell");

        // '#' (full cell) moved from row 1 to row 0, '|' from row 2 to row 1.
        Assert.That(surface[3, 0], Is.EqualTo(DefaultForeground));
        Assert.That(surface[0, 6], Is.EqualTo(DefaultForeground));
        Assert.That(surface[1, 6], Is.EqualTo(DefaultBackground));
        Assert.That(surface[0, 12], Is.EqualTo(DefaultBackground));
        Assert.That(surface[surface.Width, 0], Is.EqualTo(Sentinel));
    }

    [Test]
    public void InvalidBuffersAreRefused()
    {
        var (terminal, renderer, surface) = Setup();
        fixed (uint* pixels = surface.Pixels)
        {
            Assert.That(renderer.Render(terminal, null, 10, 10, 40).IsEmpty, Is.True);
            Assert.That(renderer.Render(terminal, (byte*)pixels, 10, 10, 39).IsEmpty, Is.True);
            Assert.That(renderer.Render(terminal, (byte*)pixels, 10, 10, 36).IsEmpty, Is.True);
            Assert.That(renderer.Render(terminal, (byte*)pixels, 0, 10, 40).IsEmpty, Is.True);
        }

        Assert.That(surface.Pixels, Is.All.EqualTo(Sentinel));
        Assert.That(terminal.Damage.All, Is.True, "damage stays for the next good call");
    }

    [Test]
    public void SmallerBufferDrawsWhatFits()
    {
        var terminal = new Term(10, 10);
        var renderer = new TerminalRenderer(new BlockGlyphs());
        var surface = new Surface(9, 7, 9);
        terminal.Write("\u001b[?25l##########");
        RenderResult result = surface.Render(renderer, terminal);
        Assert.That(result.CellsDrawn, Is.EqualTo(2));
        Assert.That(surface[7, 0], Is.EqualTo(DefaultForeground));
        Assert.That(surface[8, 0], Is.EqualTo(DefaultBackground), "margin");
    }

    /// <summary>
    /// Whatever the sequence of writes, frames drawn incrementally (damage and scroll moves)
    /// must end up with the same pixels as one full redraw of the final state.
    /// </summary>
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void IncrementalFramesEqualFullRedraw(int seed)
    {
        var random = new Random(seed);
        string[] pieces =
        {
            "A", "#", "|", "xyz", "\r\n", "\n", "\b", "\t", "\u001b[2J", "\u001b[K", "\u001b[1K", "\u001b[3;5r", "\u001b[r",
            "\u001b[2S", "\u001b[T", "\u001bM", "\u001b[L", "\u001b[2M", "\u001b[3@", "\u001b[P", "\u001b[2X", "\u001b[7m",
            "\u001b[0m", "\u001b[1;33;44m", "\u001b[?25l", "\u001b[?25h", "\u001b[H", "\u001b[5;3H", "\u001b[8;1H", "\u001b[A",
            "\u001b[?1049h", "\u001b[?1049l", "\u001b[4m", "\u001b7", "\u001b8", "\u001b[J", "#####", "\u001b[?7l", "\u001b[?7h",
        };

        var terminal = new Term(12, 8);
        var renderer = new TerminalRenderer(new BlockGlyphs());
        var incremental = new Surface(12 * CellWidth, 8 * CellHeight, 12 * CellWidth + 3);
        for (int frame = 0; frame < 300; frame++)
        {
            int writes = random.Next(1, 6);
            for (int i = 0; i < writes; i++)
            {
                terminal.Write(pieces[random.Next(pieces.Length)]);
            }

            if (random.Next(10) == 0)
            {
                terminal.ScrollView(random.Next(-3, 4));
            }

            incremental.Render(renderer, terminal);
            var full = new Surface(incremental.Width, incremental.Height, incremental.PitchPixels);
            full.Render(renderer, terminal, full: true);
            Assert.That(incremental.Pixels, Is.EqualTo(full.Pixels), "frame " + frame);
        }
    }
}
