using System.Text;
using CosmosHybrid.Console.Output;
using CosmosHybrid.Services.Abi.Fonts;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Console.Output;

[TestFixture]
public unsafe class FramebufferConsoleTests
{
    private const uint Ink = 0x00FFFFFF;
    private const uint Paper = 0x00000080;

    // A font whose cells are 8 x 16 (advance 8, ascent 12 + descent 4) but whose MAXW is 10.
    private static readonly Pf2Font TestFont = BuildTestFont();

    private TestScreen _screen;

    [TearDown]
    public void TearDown()
    {
        _screen?.Dispose();
        _screen = null;
    }

    [Test]
    public void CellSizeComesFromTheAdvanceNotMaxWidth()
    {
        FramebufferConsole console = Open(35, 53, 40);
        Assert.That((console.CellWidth, console.CellHeight), Is.EqualTo((8, 16)));
        Assert.That((console.Columns, console.Rows), Is.EqualTo((4, 3)));
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((0, 0)));
    }

    [Test]
    public void SystemFontGivesEightBySixteenCells()
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        _screen = new TestScreen(640, 480, 640);
        var console = new FramebufferConsole(_screen.Pixels, 640, 480, _screen.PitchBytes, font);
        Assert.That(console.CellWidth, Is.EqualTo(8), "MAXW is 16 only because of the double-width control glyphs");
        Assert.That(console.CellHeight, Is.EqualTo(font.Ascent + font.Descent));
        Assert.That((console.Columns, console.Rows), Is.EqualTo((80, 30)));
    }

    [Test]
    public void ClearPaintsTheVisibleAreaOnly()
    {
        Open(35, 53, 40);
        for (int y = 0; y < 53; y++)
        {
            for (int x = 0; x < 35; x++)
            {
                Assert.That(_screen[x, y], Is.EqualTo(Paper), $"({x},{y})");
            }
        }

        Assert.That(_screen.PaddingIntact(), Is.True);
    }

    [Test]
    public void GlyphSitsOnTheBaseline()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write('H');

        Assert.That(Cell(0, 0), Is.EqualTo(Place(2, 8, "####", "####", "####", "####")));
        Assert.That(Cell(1, 0), Is.EqualTo(Blank()));
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((1, 0)));
    }

    [Test]
    public void RowsAreNotByteAlignedWhenDrawn()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write('T');
        Assert.That(Cell(0, 0), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
    }

    [Test]
    public void DescenderReachesTheCellBottom()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write('i');
        Assert.That(Cell(0, 0), Is.EqualTo(Place(0, 10, "#", "#", "#", "#", "#", "#")));
    }

    [Test]
    public void HiWithTheSystemFontStaysInTheFirstTwoCells()
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        _screen = new TestScreen(64, 48, 64);
        var console = new FramebufferConsole(_screen.Pixels, 64, 48, _screen.PitchBytes, font);
        console.Foreground = Ink;
        console.Background = Paper;
        console.Clear();
        console.Write("Hi");

        int inkFirst = 0;
        int inkSecond = 0;
        for (int y = 0; y < 48; y++)
        {
            for (int x = 0; x < 64; x++)
            {
                uint pixel = _screen[x, y];
                bool inCells = y < 16 && x < 16;
                Assert.That(pixel, Is.EqualTo(inCells && pixel == Ink ? Ink : Paper), $"({x},{y})");
                if (pixel == Ink)
                {
                    if (x < 8)
                    {
                        inkFirst++;
                    }
                    else
                    {
                        inkSecond++;
                    }
                }
            }
        }

        Assert.That(inkFirst, Is.GreaterThan(10), "'H'");
        Assert.That(inkSecond, Is.GreaterThan(4), "'i'");
        Assert.That(_screen[0, 0], Is.EqualTo(Paper), "the first row of the cell is above the cap height");
        TestContext.Out.WriteLine(string.Join("\n", Cell(0, 0)));
    }

    [Test]
    public void NewlineGoesToTheStartOfTheNextLine()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write("HH\nT");

        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((1, 1)));
        Assert.That(Cell(0, 1), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
        Assert.That(Cell(1, 1), Is.EqualTo(Blank()));
    }

    [Test]
    public void CarriageReturnOverwritesTheLine()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write("HH\rT");

        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((1, 0)));
        Assert.That(Cell(0, 0), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")), "the cell is repainted, not overlaid");
        Assert.That(Cell(1, 0), Is.EqualTo(Place(2, 8, "####", "####", "####", "####")));
    }

    [Test]
    public void BackspaceMovesBackWithoutErasing()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write("HH\b");
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((1, 0)));
        Assert.That(Cell(1, 0), Is.EqualTo(Place(2, 8, "####", "####", "####", "####")));

        console.Write('T');
        Assert.That(Cell(1, 0), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));

        console.Write("\b\b\b\b");
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((0, 0)), "stops at column 0");
    }

    [Test]
    public void TabGoesToTheNextMultipleOfEight()
    {
        FramebufferConsole console = Open(160, 32, 160);
        Assert.That(console.Columns, Is.EqualTo(20));

        console.Write("H\tT");
        Assert.That(Cell(8, 0), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
        Assert.That(Cell(1, 0), Is.EqualTo(Blank()));
        Assert.That(console.CursorColumn, Is.EqualTo(9));

        console.Write('\t');
        Assert.That(console.CursorColumn, Is.EqualTo(16));
        console.Write('\t');
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((20, 0)), "no stop left: past the end, like a full line");
        console.Write('\t');
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((20, 0)));
    }

    [Test]
    public void TabPastTheLastStopWrapsWithTheNextCharacter()
    {
        FramebufferConsole console = Open(160, 32, 160);
        console.Write("HHHHHHHHHHHHHHHHH\tT");
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((1, 1)));
        Assert.That(Cell(0, 1), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
    }

    [Test]
    public void LongLineWrapsToTheNextLine()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write("HHHH");
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((4, 0)), "the wrap waits for the next character");

        console.Write('T');
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((1, 1)));
        Assert.That(Cell(3, 0), Is.EqualTo(Place(2, 8, "####", "####", "####", "####")));
        Assert.That(Cell(0, 1), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
        Assert.That(_screen.PaddingIntact(), Is.True);
    }

    [Test]
    public void NewlineAfterAFullLineDoesNotLeaveABlankLine()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write("HHHH\nT");
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((1, 1)));
        Assert.That(Cell(0, 1), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
    }

    // Odd widths leave a 4-byte tail after the 8-byte copies; equal width and pitch make rows contiguous.
    [TestCase(35, 53, 40)]
    [TestCase(35, 48, 35)]
    [TestCase(32, 50, 32)]
    [TestCase(33, 48, 36)]
    public void NewlineOnTheLastLineScrollsUp(int width, int height, int pitch)
    {
        FramebufferConsole console = Open(width, height, pitch);
        Assert.That(console.Rows, Is.EqualTo(3));
        console.Write("H\nT\ni");
        uint[] lowerLines = _screen.Snapshot(16, 32);
        uint[] belowText = _screen.Snapshot(48, height - 48);

        console.Write('\n');

        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((0, 2)));
        Assert.That(_screen.Snapshot(0, 32), Is.EqualTo(lowerLines), "lines 1 and 2 moved up to 0 and 1");
        Assert.That(Cell(0, 0), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
        Assert.That(Cell(0, 1), Is.EqualTo(Place(0, 10, "#", "#", "#", "#", "#", "#")));
        for (int y = 32; y < 48; y++)
        {
            for (int x = 0; x < width; x++)
            {
                Assert.That(_screen[x, y], Is.EqualTo(Paper), $"new bottom line at ({x},{y})");
            }
        }

        Assert.That(_screen.Snapshot(48, height - 48), Is.EqualTo(belowText), "rows below the last line are left alone");
        Assert.That(_screen.PaddingIntact(), Is.True);
    }

    // The VBE modes of a BIOS boot: the same text at 24 bits (b8g8r8 bytes) and 16 bits (r5g6b5), with a pitch
    // that is not a whole number of 8-byte words, scrolled once; the pitch's padding is never written.
    [TestCase(24)]
    [TestCase(16)]
    public void TwentyFourAndSixteenBitsShowWhatThirtyTwoBitsShow(int depth)
    {
        const int width = 35, height = 53, padding = 6;
        const string text = "H\nT\ni\nZ";
        FramebufferConsole wide = Open(width, height, width);
        wide.Write(text);

        int bytesPerPixel = depth / 8, pitch = width * bytesPerPixel + padding;
        byte[] memory = new byte[pitch * height];
        System.Array.Fill(memory, (byte)0x5A);
        fixed (byte* pixels = memory)
        {
            var console = new FramebufferConsole(pixels, width, height, pitch, depth, TestFont);
            console.Foreground = Ink;
            console.Background = Paper;
            console.Clear();
            console.Write(text);
            Assert.That((console.Columns, console.Rows, console.CursorRow), Is.EqualTo((wide.Columns, wide.Rows, wide.CursorRow)));
        }

        for (int y = 0; y < height; y++)
        {
            int row = y * pitch;
            for (int x = 0; x < width; x++)
            {
                int at = row + x * bytesPerPixel;
                uint shown = depth == 24
                    ? (uint)(memory[at] | memory[at + 1] << 8 | memory[at + 2] << 16)
                    : (uint)(memory[at] | memory[at + 1] << 8);
                uint expected = depth == 24 ? _screen[x, y] : To565(_screen[x, y]);
                Assert.That(shown, Is.EqualTo(expected), $"({x},{y})");
            }
            for (int i = width * bytesPerPixel; i < pitch; i++)
                Assert.That(memory[row + i], Is.EqualTo((byte)0x5A), $"padding of row {y}");
        }
    }

    [Test]
    public void OtherDepthsGiveNoCells()
    {
        byte[] memory = new byte[64 * 64];
        fixed (byte* pixels = memory)
        {
            var console = new FramebufferConsole(pixels, 32, 32, 64, 8, TestFont);
            Assert.That((console.Columns, console.Rows), Is.EqualTo((0, 0)));
        }
    }

    private static uint To565(uint color) => ((color >> 8) & 0xF800) | ((color >> 5) & 0x07E0) | ((color >> 3) & 0x001F);

    [Test]
    public void WrapOnTheLastLineScrollsUp()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write("HHHHHHHHHHHT");
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((4, 2)));

        console.Write('i');
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((1, 2)));
        Assert.That(Cell(3, 1), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
        Assert.That(Cell(0, 2), Is.EqualTo(Place(0, 10, "#", "#", "#", "#", "#", "#")));
        Assert.That(Cell(1, 2), Is.EqualTo(Blank()));
    }

    [Test]
    public void ManyLinesKeepOnlyTheLastOnes()
    {
        FramebufferConsole console = Open(35, 53, 40);
        for (int i = 0; i < 20; i++)
        {
            console.Write("H\n");
        }

        console.Write("T\ni");
        Assert.That(Cell(0, 0), Is.EqualTo(Place(2, 8, "####", "####", "####", "####")));
        Assert.That(Cell(0, 1), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
        Assert.That(Cell(0, 2), Is.EqualTo(Place(0, 10, "#", "#", "#", "#", "#", "#")));
        Assert.That(_screen.PaddingIntact(), Is.True);
    }

    [TestCase('Z')]
    [TestCase('\u0001')]
    [TestCase('\u007F')]
    [TestCase('\u4E00')]
    [TestCase('\uD800')]
    public void UnknownCharacterIsDrawnAsQuestionMark(char c)
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write(c);
        Assert.That(Cell(0, 0), Is.EqualTo(Full()));
        Assert.That(console.CursorColumn, Is.EqualTo(1));
    }

    [Test]
    public void UnknownCharacterWithoutQuestionMarkIsBlank()
    {
        byte[] file = Pf2TestFont.Build(8, 16, 12, 4, new TestGlyph('H', 0, 0, 8, "##"));
        Assert.That(Pf2Font.TryParse(file, out Pf2Font font), Is.True);
        FramebufferConsole console = Open(35, 53, 40, font);
        console.Write('Z');
        Assert.That(Cell(0, 0), Is.EqualTo(Blank()));
        Assert.That(console.CursorColumn, Is.EqualTo(1));
    }

    [Test]
    public void GlyphLargerThanTheCellIsClipped()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Write("HXH");
        Assert.That(Cell(1, 0), Is.EqualTo(Full()));
        Assert.That(Cell(0, 0), Is.EqualTo(Place(2, 8, "####", "####", "####", "####")));
        Assert.That(Cell(2, 0), Is.EqualTo(Place(2, 8, "####", "####", "####", "####")));
        Assert.That(Cell(1, 1), Is.EqualTo(Blank()));
    }

    [Test]
    public void ColoursCanBeChanged()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.Foreground = 0x00123456;
        console.Background = 0x00654321;
        console.Write('H');

        Assert.That(_screen[3, 9], Is.EqualTo(0x00123456u));
        Assert.That(_screen[0, 0], Is.EqualTo(0x00654321u));
        Assert.That(_screen[7, 15], Is.EqualTo(0x00654321u));
        Assert.That(_screen[8, 0], Is.EqualTo(Paper), "the next cell is untouched");
    }

    [Test]
    public void SetCursorClampsToTheScreen()
    {
        FramebufferConsole console = Open(35, 53, 40);
        console.SetCursor(2, 1);
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((2, 1)));
        console.SetCursor(99, -5);
        Assert.That((console.CursorColumn, console.CursorRow), Is.EqualTo((3, 0)));
        console.Write('T');
        Assert.That(Cell(3, 0), Is.EqualTo(Place(0, 9, "#.#", ".#.", "###")));
    }

    [TestCase(35, 53, 34, false)] // pitch narrower than a row
    [TestCase(35, 53, 40, true)]  // no pixels
    [TestCase(7, 53, 8, false)]   // narrower than a cell
    [TestCase(35, 15, 40, false)] // shorter than a cell
    [TestCase(0, 0, 40, false)]
    public void UnusableFramebufferDrawsNothing(int width, int height, int pitch, bool nullPixels)
    {
        _screen = new TestScreen(40, 60, 40);
        uint* pixels = nullPixels ? null : _screen.Pixels;
        var console = new FramebufferConsole(pixels, width, height, pitch * 4, TestFont);
        console.Clear();
        console.Write("HT\n\t\bX\n\n\n\n");
        Assert.That((console.Columns, console.Rows), Is.EqualTo((0, 0)));
        Assert.That(_screen.IsUntouched(), Is.True);
    }

    [Test]
    public void PitchThatIsNotWholePixelsIsRefused()
    {
        _screen = new TestScreen(40, 60, 40);
        var console = new FramebufferConsole(_screen.Pixels, 35, 53, 158, TestFont);
        Assert.That(console.Columns, Is.Zero);
    }

    [Test]
    public void NullFontOrStringDrawsNothing()
    {
        _screen = new TestScreen(40, 60, 40);
        var console = new FramebufferConsole(_screen.Pixels, 35, 53, 160, null);
        console.Write("H");
        Assert.That(console.Columns, Is.Zero);

        console = new FramebufferConsole(_screen.Pixels, 35, 53, 160, TestFont);
        console.Write((string)null);
        Assert.That(_screen.IsUntouched(), Is.True);
    }

    private FramebufferConsole Open(int width, int height, int pitchPixels, Pf2Font font = null)
    {
        _screen = new TestScreen(width, height, pitchPixels);
        var console = new FramebufferConsole(_screen.Pixels, width, height, _screen.PitchBytes, font ?? TestFont);
        console.Foreground = Ink;
        console.Background = Paper;
        console.Clear();
        return console;
    }

    /// <summary>The 8 x 16 cell as text: '#' ink, '.' paper, '!' anything else.</summary>
    private string[] Cell(int column, int row)
    {
        var lines = new string[16];
        for (int y = 0; y < 16; y++)
        {
            var line = new StringBuilder();
            for (int x = 0; x < 8; x++)
            {
                uint pixel = _screen[(column * 8) + x, (row * 16) + y];
                line.Append(pixel == Ink ? '#' : pixel == Paper ? '.' : '!');
            }

            lines[y] = line.ToString();
        }

        return lines;
    }

    private static string[] Blank() => Place(0, 0);

    private static string[] Full() => Place(0, 0, Repeat("########", 16));

    /// <summary>An expected cell: <paramref name="rows"/> drawn with their top-left at (left, top).</summary>
    private static string[] Place(int left, int top, params string[] rows)
    {
        var cell = new char[16][];
        for (int y = 0; y < 16; y++)
        {
            cell[y] = "........".ToCharArray();
        }

        for (int y = 0; y < rows.Length; y++)
        {
            for (int x = 0; x < rows[y].Length; x++)
            {
                cell[top + y][left + x] = rows[y][x];
            }
        }

        var lines = new string[16];
        for (int y = 0; y < 16; y++)
        {
            lines[y] = new string(cell[y]);
        }

        return lines;
    }

    private static string[] Repeat(string line, int count)
    {
        var lines = new string[count];
        for (int i = 0; i < count; i++)
        {
            lines[i] = line;
        }

        return lines;
    }

    private static Pf2Font BuildTestFont()
    {
        byte[] file = Pf2TestFont.Build(10, 20, 12, 4,
            new TestGlyph(' ', 0, 0, 8),
            new TestGlyph('M', 0, 0, 8),
            new TestGlyph('H', 2, 0, 8, "####", "####", "####", "####"),
            new TestGlyph('T', 0, 0, 8, "#.#", ".#.", "###"),
            new TestGlyph('i', 0, -4, 8, "#", "#", "#", "#", "#", "#"),
            new TestGlyph('?', 0, -4, 8, Repeat("########", 16)),
            new TestGlyph('X', -1, -6, 10, Repeat("##########", 20)));
        Pf2Font.TryParse(file, out Pf2Font font);
        return font;
    }
}
