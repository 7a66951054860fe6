using System;
using CosmosHybrid.Console.Output;
using CosmosHybrid.Services.Abi.Fonts;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Console.Output;

[TestFixture]
public class Pf2FontTests
{
    [Test]
    public void SystemFontHasSaneMetrics()
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        TestContext.Out.WriteLine(
            $"PTSZ {font.PointSize} MAXW {font.MaxWidth} MAXH {font.MaxHeight} ASCE {font.Ascent} DESC {font.Descent} glyphs {font.GlyphCount}");

        Assert.That(font.MaxWidth, Is.InRange(4, 64));
        Assert.That(font.MaxHeight, Is.InRange(8, 64));
        Assert.That(font.Ascent, Is.GreaterThan(0));
        Assert.That(font.Descent, Is.GreaterThanOrEqualTo(0));
        Assert.That(font.Ascent + font.Descent, Is.InRange(font.MaxHeight / 2, font.MaxHeight * 2));
        Assert.That(font.GlyphCount, Is.GreaterThanOrEqualTo(95));
    }

    [Test]
    public void SystemFontCapitalAIsSymmetricArch()
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        Assert.That(font.TryGetGlyph('A', out Pf2Glyph a), Is.True);
        string art = Pf2TestFont.Render(a);
        TestContext.Out.WriteLine($"'A' {a.Width}x{a.Height} offset ({a.XOffset},{a.YOffset}) advance {a.DeviceWidth}");
        TestContext.Out.WriteLine(art);

        Assert.That(a.Width, Is.InRange(3, font.MaxWidth));
        Assert.That(a.Height, Is.InRange(3, font.MaxHeight));
        Assert.That(a.YOffset, Is.EqualTo(0), "a capital sits on the baseline");

        // Mirror symmetry only comes out right if rows are read continuously, not byte-aligned.
        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                Assert.That(a.IsSet(x, y), Is.EqualTo(a.IsSet(a.Width - 1 - x, y)), art);
            }
        }

        // An arch: the top row is narrow, the legs reach both edges at the bottom.
        Assert.That(a.IsSet(0, 0), Is.False, art);
        Assert.That(a.IsSet(0, a.Height - 1) && a.IsSet(a.Width - 1, a.Height - 1), Is.True, art);
        Assert.That(CountSet(a), Is.GreaterThan(a.Height * 2), art);
    }

    [Test]
    public void SystemFontSpaceIsBlank()
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        Assert.That(font.TryGetGlyph(' ', out Pf2Glyph space), Is.True);
        Assert.That(CountSet(space), Is.Zero);
        Assert.That(space.DeviceWidth, Is.GreaterThan(0));
    }

    [Test]
    public void SystemFontHasInkForEveryPrintableAscii()
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        Assert.That(font.TryGetGlyph('M', out Pf2Glyph m), Is.True);
        for (int c = 0x21; c < 0x7F; c++)
        {
            Assert.That(font.TryGetGlyph(c, out Pf2Glyph glyph), Is.True, $"U+{c:X4}");
            Assert.That(CountSet(glyph), Is.GreaterThan(0), $"U+{c:X4}");
            Assert.That(glyph.DeviceWidth, Is.EqualTo(m.DeviceWidth), $"U+{c:X4} is monospaced");
            Assert.That(glyph.XOffset + glyph.Width, Is.LessThanOrEqualTo(glyph.DeviceWidth), $"U+{c:X4}");
        }
    }

    [Test]
    public void SystemFontDescenderHasNegativeYOffset()
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        Assert.That(font.TryGetGlyph('g', out Pf2Glyph g), Is.True);
        Assert.That(g.YOffset, Is.LessThan(0));
        Assert.That(-g.YOffset, Is.LessThanOrEqualTo(font.Descent));
    }

    [Test]
    public void SystemFontIndexIsSortedAndComplete()
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        int previous = -1;
        for (int i = 0; i < font.GlyphCount; i++)
        {
            int codepoint = font.GetCodepointAt(i);
            Assert.That(codepoint, Is.GreaterThan(previous));
            Assert.That(font.TryGetGlyph(codepoint, out _), Is.True, $"U+{codepoint:X4}");
            previous = codepoint;
        }

        Assert.That(font.GetCodepointAt(-1), Is.EqualTo(-1));
        Assert.That(font.GetCodepointAt(font.GlyphCount), Is.EqualTo(-1));
    }

    [TestCase(-1)]
    [TestCase(int.MinValue)]
    [TestCase(0x4E00)]
    [TestCase(0x10FFFF)]
    [TestCase(int.MaxValue)]
    public void MissingCodepointIsNotFound(int codepoint)
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        Assert.That(font.TryGetGlyph(codepoint, out Pf2Glyph glyph), Is.False);
        Assert.That(glyph.Width, Is.Zero);
        Assert.That(glyph.IsSet(0, 0), Is.False, "a default glyph is blank");
    }

    [Test]
    public void BitsRunAcrossRowsWithoutPadding()
    {
        // 3x3 uses 9 bits: row 1 starts in the middle of the first byte, row 2 spills into the second.
        byte[] file = Pf2TestFont.Build(8, 8, 6, 2,
            new TestGlyph('T', 0, 0, 8, "#.#", ".#.", "###"),
            new TestGlyph('U', 1, -2, 8, "##.#.", "#....", "....#"));
        Assert.That(Pf2Font.TryParse(file, out Pf2Font font), Is.True);

        Assert.That(font.TryGetGlyph('T', out Pf2Glyph t), Is.True);
        Assert.That(Pf2TestFont.Render(t), Is.EqualTo("#.#\n.#.\n###\n"));

        Assert.That(font.TryGetGlyph('U', out Pf2Glyph u), Is.True);
        Assert.That(Pf2TestFont.Render(u), Is.EqualTo("##.#.\n#....\n....#\n"));
        Assert.That((u.XOffset, u.YOffset, u.DeviceWidth), Is.EqualTo((1, -2, 8)));
    }

    [Test]
    public void IsSetIsFalseOutsideTheBitmap()
    {
        Pf2Font font = Pf2TestFont.ParseSystemFont();
        Assert.That(font.TryGetGlyph('#', out Pf2Glyph glyph), Is.True);
        Assert.That(glyph.IsSet(-1, 0), Is.False);
        Assert.That(glyph.IsSet(0, -1), Is.False);
        Assert.That(glyph.IsSet(glyph.Width, 0), Is.False);
        Assert.That(glyph.IsSet(0, glyph.Height), Is.False);
        Assert.That(glyph.IsSet(int.MaxValue, int.MaxValue), Is.False);
    }

    [Test]
    public void NullAndEmptyAreRejected()
    {
        Assert.That(Pf2Font.TryParse(null, out Pf2Font font), Is.False);
        Assert.That(font, Is.Null);
        Assert.That(Pf2Font.TryParse(Array.Empty<byte>(), out _), Is.False);
    }

    [Test]
    public void WrongMagicIsRejected()
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        file[11] = (byte)'3';
        Assert.That(Pf2Font.TryParse(file, out _), Is.False);
    }

    [TestCase("CHIX")]
    [TestCase("DATA")]
    [TestCase("MAXW")]
    [TestCase("MAXH")]
    [TestCase("ASCE")]
    [TestCase("DESC")]
    public void MissingRequiredSectionIsRejected(string tag)
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        int section = Pf2TestFont.FindSection(file, tag);
        if (tag == "DATA")
        {
            section = Pf2TestFont.FindSection(file, "CHIX");
            section += 8 + (int)Pf2TestFont.ReadU32(file, section + 4);
        }

        file[section] = (byte)'X';
        Assert.That(Pf2Font.TryParse(file, out _), Is.False);
    }

    [Test]
    public void SectionLongerThanTheFileIsRejected()
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        Pf2TestFont.WriteU32(file, Pf2TestFont.FindSection(file, "NAME") + 4, 0xFFFFFFF0);
        Assert.That(Pf2Font.TryParse(file, out _), Is.False);

        // Only DATA may use the run-to-end length.
        file = Pf2TestFont.ReadSystemFont();
        Pf2TestFont.WriteU32(file, Pf2TestFont.FindSection(file, "NAME") + 4, 0xFFFFFFFF);
        Assert.That(Pf2Font.TryParse(file, out _), Is.False);
    }

    [Test]
    public void MetricSectionOfWrongLengthIsRejected()
    {
        // MAXW with 3 data bytes; every other section stays intact.
        byte[] file = Pf2TestFont.ReadSystemFont();
        int maxw = Pf2TestFont.FindSection(file, "MAXW");
        byte[] longer = InsertByte(file, maxw + 10);
        Pf2TestFont.WriteU32(longer, maxw + 4, 3);
        Assert.That(Pf2Font.TryParse(longer, out _), Is.False);
    }

    [Test]
    public void ZeroMaxWidthIsRejected()
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        Pf2TestFont.WriteU16(file, Pf2TestFont.FindSection(file, "MAXW") + 8, 0);
        Assert.That(Pf2Font.TryParse(file, out _), Is.False);
    }

    [Test]
    public void IndexWithPartialEntryIsRejected()
    {
        // CHIX one byte longer than a whole number of entries; DATA still follows it.
        byte[] file = Pf2TestFont.ReadSystemFont();
        int chix = Pf2TestFont.FindSection(file, "CHIX");
        uint length = Pf2TestFont.ReadU32(file, chix + 4);
        byte[] longer = InsertByte(file, chix + 8 + (int)length);
        Pf2TestFont.WriteU32(longer, chix + 4, length + 1);
        Assert.That(Pf2Font.TryParse(longer, out _), Is.False);
    }

    [Test]
    public void UnsortedIndexIsRejected()
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        int entryA = Pf2TestFont.FindIndexEntry(file, 'A');
        int entryB = Pf2TestFont.FindIndexEntry(file, 'B');
        Pf2TestFont.WriteU32(file, entryA, 'B');
        Pf2TestFont.WriteU32(file, entryB, 'A');
        Assert.That(Pf2Font.TryParse(file, out _), Is.False);

        // A duplicate codepoint would make the search ambiguous.
        file = Pf2TestFont.ReadSystemFont();
        Pf2TestFont.WriteU32(file, Pf2TestFont.FindIndexEntry(file, 'B'), 'A');
        Assert.That(Pf2Font.TryParse(file, out _), Is.False);
    }

    [TestCase(0xFFFFFFFFu)]
    [TestCase(0x7FFFFFFFu)]
    [TestCase(0x80000000u)]
    public void GlyphOffsetPastTheEndIsNotFound(uint offset)
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        Pf2TestFont.WriteU32(file, Pf2TestFont.FindIndexEntry(file, 'A') + 5, offset);
        Assert.That(Pf2Font.TryParse(file, out Pf2Font font), Is.True);
        Assert.That(font.TryGetGlyph('A', out _), Is.False);
        Assert.That(font.TryGetGlyph('B', out _), Is.True, "other glyphs are unaffected");
    }

    [Test]
    public void GlyphHeaderCutByTheEndIsNotFound()
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        Pf2TestFont.WriteU32(file, Pf2TestFont.FindIndexEntry(file, 'A') + 5, (uint)file.Length - 9);
        Assert.That(Pf2Font.TryParse(file, out Pf2Font font), Is.True);
        Assert.That(font.TryGetGlyph('A', out _), Is.False);
    }

    [Test]
    public void HugeGlyphIsNotFound()
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        int glyph = (int)Pf2TestFont.ReadU32(file, Pf2TestFont.FindIndexEntry(file, 'A') + 5);
        Pf2TestFont.WriteU16(file, glyph, 0xFFFF);
        Pf2TestFont.WriteU16(file, glyph + 2, 0xFFFF);
        Assert.That(Pf2Font.TryParse(file, out Pf2Font font), Is.True);
        Assert.That(font.TryGetGlyph('A', out _), Is.False, "wider than MAXW");

        // Even with MAXW and MAXH raised to match, the bitmap cannot fit in the file.
        Pf2TestFont.WriteU16(file, Pf2TestFont.FindSection(file, "MAXW") + 8, 0xFFFF);
        Pf2TestFont.WriteU16(file, Pf2TestFont.FindSection(file, "MAXH") + 8, 0xFFFF);
        Assert.That(Pf2Font.TryParse(file, out font), Is.True);
        Assert.That(font.TryGetGlyph('A', out _), Is.False, "bitmap runs past the end");
        Assert.That(font.TryGetGlyph('B', out Pf2Glyph b), Is.True);
        Assert.That(CountSet(b), Is.GreaterThan(0));
    }

    [Test]
    public void CompressedGlyphIsNotFound()
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        file[Pf2TestFont.FindIndexEntry(file, 'A') + 4] = 1;
        Assert.That(Pf2Font.TryParse(file, out Pf2Font font), Is.True);
        Assert.That(font.TryGetGlyph('A', out _), Is.False);
    }

    [Test]
    public void DataWithExplicitLengthIsAccepted()
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        int chix = Pf2TestFont.FindSection(file, "CHIX");
        int data = chix + 8 + (int)Pf2TestFont.ReadU32(file, chix + 4);
        Pf2TestFont.WriteU32(file, data + 4, (uint)(file.Length - data - 8));
        Assert.That(Pf2Font.TryParse(file, out Pf2Font font), Is.True);
        Assert.That(font.TryGetGlyph('A', out _), Is.True);

        Pf2TestFont.WriteU32(file, data + 4, (uint)(file.Length - data - 7));
        Assert.That(Pf2Font.TryParse(file, out _), Is.False, "DATA longer than the file");
    }

    [Test]
    public void EveryPrefixOfTheFileIsHandled()
    {
        byte[] file = Pf2TestFont.ReadSystemFont();
        int chix = Pf2TestFont.FindSection(file, "CHIX");
        int dataBody = chix + 8 + (int)Pf2TestFont.ReadU32(file, chix + 4) + 8;
        int glyphA = (int)Pf2TestFont.ReadU32(file, Pf2TestFont.FindIndexEntry(file, 'A') + 5);
        int bitsA = ((file[glyphA] << 8) | file[glyphA + 1]) * ((file[glyphA + 2] << 8) | file[glyphA + 3]);
        int endA = glyphA + 10 + ((bitsA + 7) / 8);

        for (int length = 0; length <= file.Length; length++)
        {
            byte[] prefix = file.AsSpan(0, length).ToArray();
            bool parsed = Pf2Font.TryParse(prefix, out Pf2Font font);

            // Everything up to the DATA header is needed; after it, a cut only loses glyphs.
            Assert.That(parsed, Is.EqualTo(length >= dataBody), $"length {length}");
            if (parsed)
            {
                FontChecks.Exercise(font, prefix.Length);
                Assert.That(font.TryGetGlyph('A', out _), Is.EqualTo(length >= endA), $"length {length}");
            }
        }
    }

    [Test]
    public void RandomCorruptionNeverThrows()
    {
        byte[] original = Pf2TestFont.ReadSystemFont();
        var random = new Random(20261101);
        int parsedCount = 0;
        for (int round = 0; round < 3000; round++)
        {
            byte[] file = (byte[])original.Clone();
            int flips = random.Next(1, 4);
            for (int i = 0; i < flips; i++)
            {
                // Aim most flips at the headers and index, where they matter most.
                int limit = random.Next(4) == 0 ? file.Length : 1600;
                file[random.Next(limit)] = (byte)random.Next(256);
            }

            if (random.Next(8) == 0)
            {
                Array.Resize(ref file, random.Next(file.Length));
            }

            if (Pf2Font.TryParse(file, out Pf2Font font))
            {
                parsedCount++;
                FontChecks.Exercise(font, file.Length);
                if (round % 16 == 0)
                {
                    FontChecks.DrawWithConsole(font);
                }
            }
        }

        TestContext.Out.WriteLine($"{parsedCount} of 3000 corrupted files still parsed");
        Assert.That(parsedCount, Is.GreaterThan(0));
    }

    private static byte[] InsertByte(byte[] file, int at)
    {
        byte[] longer = new byte[file.Length + 1];
        file.AsSpan(0, at).CopyTo(longer);
        file.AsSpan(at).CopyTo(longer.AsSpan(at + 1));
        return longer;
    }

    internal static int CountSet(Pf2Glyph glyph)
    {
        int count = 0;
        for (int y = 0; y < glyph.Height; y++)
        {
            for (int x = 0; x < glyph.Width; x++)
            {
                if (glyph.IsSet(x, y))
                {
                    count++;
                }
            }
        }

        return count;
    }
}

/// <summary>Consistency checks that any font accepted by the parser must pass.</summary>
internal static class FontChecks
{
    public static void Exercise(Pf2Font font, int fileLength)
    {
        Assert.That(font.MaxWidth, Is.GreaterThan(0));
        Assert.That(font.MaxHeight, Is.GreaterThan(0));
        Assert.That(font.Ascent + font.Descent, Is.GreaterThan(0));
        Assert.That(font.GlyphCount, Is.LessThanOrEqualTo(fileLength / 9));

        for (int i = -1; i <= font.GlyphCount; i++)
        {
            Check(font, font.GetCodepointAt(i), fileLength);
        }

        for (int c = 0; c < 0x80; c++)
        {
            Check(font, c, fileLength);
        }
    }

    private static void Check(Pf2Font font, int codepoint, int fileLength)
    {
        if (!font.TryGetGlyph(codepoint, out Pf2Glyph glyph))
        {
            return;
        }

        Assert.That(glyph.Width, Is.InRange(0, font.MaxWidth));
        Assert.That(glyph.Height, Is.InRange(0, font.MaxHeight));
        Assert.That((long)glyph.Width * glyph.Height, Is.LessThanOrEqualTo(8L * fileLength));

        // Touch the last pixel and every corner; these would index out of range on a bad bitmap.
        glyph.IsSet(glyph.Width - 1, glyph.Height - 1);
        glyph.IsSet(0, glyph.Height - 1);
        glyph.IsSet(glyph.Width - 1, 0);
        glyph.IsSet(glyph.Width, glyph.Height);
    }

    public static unsafe void DrawWithConsole(Pf2Font font)
    {
        using var screen = new TestScreen(64, 48, 70);
        var console = new FramebufferConsole(screen.Pixels, screen.Width, screen.Height, screen.PitchBytes, font);
        console.Clear();
        for (int c = 0; c < 0x80; c++)
        {
            console.Write((char)c);
        }

        Assert.That(screen.PaddingIntact(), Is.True);
    }
}
