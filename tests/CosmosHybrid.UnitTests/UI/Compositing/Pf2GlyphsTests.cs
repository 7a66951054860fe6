using CosmosHybrid.Services.Abi.Fonts;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.UnitTests.Console.Output;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Compositing;

public class Pf2GlyphsTests
{
    // A 6-wide cell (the 'M'), ascent 5 + descent 2 = 7 rows.
    private static Pf2Glyphs Build()
    {
        byte[] file = Pf2TestFont.Build(8, 7, 5, 2,
            new TestGlyph('M', 0, 0, 6, "#....#", "##..##", "#.##.#", "#....#", "#....#"),
            new TestGlyph('?', 1, 0, 6, "###", "..#", ".#.", "...", ".#."),
            new TestGlyph('g', 2, -2, 6, "##", "##", ".#", "##"));
        Assert.That(Pf2Font.TryParse(file, out Pf2Font font), Is.True);
        return new Pf2Glyphs(font);
    }

    [Test]
    public void CellIsTheWidthOfMAndAscentPlusDescent()
    {
        Pf2Glyphs glyphs = Build();
        Assert.That(glyphs.CellWidth, Is.EqualTo(6));
        Assert.That(glyphs.CellHeight, Is.EqualTo(7));
    }

    [Test]
    public void RowsPutColumnZeroInTheHighestCellBit()
    {
        Pf2Glyphs glyphs = Build();
        // 'M' sits on the baseline: its 5 rows are cell rows 0..4.
        Assert.That(glyphs.GlyphRow('M', 0), Is.EqualTo(0b100001u));
        Assert.That(glyphs.GlyphRow('M', 1), Is.EqualTo(0b110011u));
        Assert.That(glyphs.GlyphRow('M', 2), Is.EqualTo(0b101101u));
        Assert.That(glyphs.GlyphRow('M', 5), Is.EqualTo(0u));
    }

    [Test]
    public void DescendersAndOffsetsLandBelowTheBaselineAndToTheRight()
    {
        Pf2Glyphs glyphs = Build();
        // 'g': 4 rows, 2 below the baseline (rows 3..6), starting at column 2.
        Assert.That(glyphs.GlyphRow('g', 2), Is.EqualTo(0u));
        Assert.That(glyphs.GlyphRow('g', 3), Is.EqualTo(0b001100u));
        Assert.That(glyphs.GlyphRow('g', 5), Is.EqualTo(0b000100u));
        Assert.That(glyphs.GlyphRow('g', 6), Is.EqualTo(0b001100u));
    }

    [Test]
    public void MissingCharactersDrawTheQuestionMarkAndSpaceIsBlank()
    {
        Pf2Glyphs glyphs = Build();
        Assert.That(glyphs.GlyphRow('Z', 0), Is.EqualTo(0b011100u));
        Assert.That(glyphs.GlyphRow(0x10FFFF, 0), Is.EqualTo(0b011100u));
        Assert.That(glyphs.GlyphRow(' ', 0), Is.EqualTo(0u));
        Assert.That(glyphs.GlyphRow('M', -1), Is.EqualTo(0u));
        Assert.That(glyphs.GlyphRow('M', 99), Is.EqualTo(0u));
    }

    [Test]
    public void SystemFontDrawsLetters()
    {
        var glyphs = new Pf2Glyphs(Pf2TestFont.ParseSystemFont());
        Assert.That(glyphs.CellWidth, Is.InRange(6, 16));
        bool ink = false;
        for (int row = 0; row < glyphs.CellHeight; row++)
            ink |= glyphs.GlyphRow('A', row) != 0;
        Assert.That(ink, Is.True);
    }
}
