using System.IO;
using CosmosHybrid.Services.Abi.Fonts;
using CosmosHybrid.Services.Terminal.Emulation;
using CosmosHybrid.UnitTests.Console.Output;
using NUnit.Framework;
using Term = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.UnitTests.Terminal.Emulation;

[TestFixture]
public unsafe class Pf2GlyphSourceTests
{
    private const string UnicodeFontPath = "/usr/share/grub/unicode.pf2";

    private static Pf2GlyphSource BuildSource()
    {
        // Cell 8x16, baseline 12. 'A' is 2x2 at x offset 1 sitting on the baseline.
        byte[] file = Pf2TestFont.Build(16, 16, 12, 4,
            new TestGlyph('A', 1, 0, 8, "##", "#."),
            new TestGlyph('M', 0, 0, 8, "#......#"),
            new TestGlyph('g', 0, -2, 8, "#", "#", "#", "#"));
        Assert.That(Pf2Font.TryParse(file, out Pf2Font font), Is.True);
        return new Pf2GlyphSource(font);
    }

    [Test]
    public void CellComesFromAdvanceAndLineHeight()
    {
        Pf2GlyphSource source = BuildSource();
        Assert.That((source.CellWidth, source.CellHeight, source.Baseline), Is.EqualTo((8, 16, 12)));
    }

    [Test]
    public void GlyphIsPlacedOnTheBaseline()
    {
        Pf2GlyphSource source = BuildSource();
        Assert.That(source.TryGetGlyph('A', out CellGlyph glyph), Is.True);
        Assert.That(glyph.IsSet(1, 10), Is.True);
        Assert.That(glyph.IsSet(2, 10), Is.True);
        Assert.That(glyph.IsSet(1, 11), Is.True);
        Assert.That(glyph.IsSet(2, 11), Is.False);
        Assert.That(glyph.IsSet(0, 10), Is.False);
        Assert.That(glyph.IsSet(1, 9), Is.False);
    }

    [Test]
    public void DescenderGoesBelowBaseline()
    {
        Pf2GlyphSource source = BuildSource();
        Assert.That(source.TryGetGlyph('g', out CellGlyph glyph), Is.True);
        Assert.That(glyph.IsSet(0, 10), Is.True);
        Assert.That(glyph.IsSet(0, 13), Is.True);
        Assert.That(glyph.IsSet(0, 14), Is.False);
        Assert.That(glyph.IsSet(0, 9), Is.False);
    }

    [Test]
    public void MissingAndControlCharactersHaveNoGlyph()
    {
        Pf2GlyphSource source = BuildSource();
        Assert.That(source.TryGetGlyph('Z', out _), Is.False);
        Assert.That(source.TryGetGlyph(0x0A, out _), Is.False);
        Assert.That(source.TryGetGlyph(0x1F600, out _), Is.False);
        Assert.That(source.TryGetGlyph(0x1F600, out _), Is.False, "a cached miss stays a miss");
        Assert.That(source.TryGetGlyph('A', out _), Is.True);
    }

    [Test]
    public void RendererDrawsPf2Glyph()
    {
        var terminal = new Term(4, 2);
        var renderer = new TerminalRenderer(BuildSource());
        terminal.Write("\u001b[?25l\u001b[32mxA");
        int pitch = 4 * 8 + 5;
        var pixels = new uint[pitch * 32];
        fixed (uint* p = pixels)
        {
            renderer.Render(terminal, (byte*)p, 32, 32, pitch * 4);
        }

        Assert.That(pixels[10 * pitch + 8 + 1], Is.EqualTo(0x00CD00u));
        Assert.That(pixels[11 * pitch + 8 + 2], Is.EqualTo(0x000000u));
    }

    [Test]
    public void UnicodeFontCoversLatinGreekCyrillic()
    {
        if (!File.Exists(UnicodeFontPath))
        {
            Assert.Ignore(UnicodeFontPath + " not installed (Debian package grub-common)");
        }

        Assert.That(Pf2Font.TryParse(File.ReadAllBytes(UnicodeFontPath), out Pf2Font font), Is.True);
        var source = new Pf2GlyphSource(font);
        Assert.That(source.CellWidth, Is.EqualTo(8));
        Assert.That(source.CellHeight, Is.EqualTo(font.Ascent + font.Descent));
        foreach (int scalar in new[] { 'a', 0xE9, 0x3BB, 0x416, 0x2500, 0xFFFD })
        {
            Assert.That(source.TryGetGlyph(scalar, out CellGlyph glyph), Is.True, "U+" + scalar.ToString("X4"));
            int set = 0;
            for (int y = 0; y < glyph.Height; y++)
            {
                for (int x = 0; x < glyph.Width; x++)
                {
                    set += glyph.IsSet(x, y) ? 1 : 0;
                }
            }

            Assert.That(set, Is.GreaterThan(3), "U+" + scalar.ToString("X4") + " has ink");
        }
    }
}
