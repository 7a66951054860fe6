using System.Collections.Generic;
using System.IO;
using System.Text;
using CosmosHybrid.Services.Abi.Fonts;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Console.Output;

/// <summary>A glyph for <see cref="Pf2TestFont.Build"/>: rows of '#' (set) and '.' (clear).</summary>
internal sealed class TestGlyph
{
    public TestGlyph(int codepoint, int xOffset, int yOffset, int deviceWidth, params string[] rows)
    {
        Codepoint = codepoint;
        XOffset = xOffset;
        YOffset = yOffset;
        DeviceWidth = deviceWidth;
        Rows = rows;
    }

    public int Codepoint { get; }

    public int XOffset { get; }

    public int YOffset { get; }

    public int DeviceWidth { get; }

    public string[] Rows { get; }

    public int Width => Rows.Length == 0 ? 0 : Rows[0].Length;

    public int Height => Rows.Length;
}

/// <summary>Writes PF2 files for tests and finds the system's GRUB font.</summary>
internal static class Pf2TestFont
{
    public const string SystemFontPath = "/usr/share/grub/ascii.pf2";

    /// <summary>Reads GRUB's ascii.pf2, or marks the test inconclusive when it is not installed.</summary>
    public static byte[] ReadSystemFont()
    {
        if (!File.Exists(SystemFontPath))
        {
            Assert.Ignore(SystemFontPath + " not installed (Debian package grub-common)");
        }

        return File.ReadAllBytes(SystemFontPath);
    }

    public static Pf2Font ParseSystemFont()
    {
        Assert.That(Pf2Font.TryParse(ReadSystemFont(), out Pf2Font font), Is.True);
        return font;
    }

    /// <summary>Builds a PF2 file the way grub-mkfont lays it out, glyphs sorted by codepoint.</summary>
    public static byte[] Build(int maxWidth, int maxHeight, int ascent, int descent, params TestGlyph[] glyphs)
    {
        var sorted = new List<TestGlyph>(glyphs);
        sorted.Sort((a, b) => a.Codepoint.CompareTo(b.Codepoint));

        var output = new List<byte>();
        Section(output, "FILE", Encoding.ASCII.GetBytes("PFF2"));
        Section(output, "NAME", Encoding.ASCII.GetBytes("Test Regular 16\0"));
        Section(output, "PTSZ", U16(maxHeight));
        Section(output, "MAXW", U16(maxWidth));
        Section(output, "MAXH", U16(maxHeight));
        Section(output, "ASCE", U16(ascent));
        Section(output, "DESC", U16(descent));

        var bitmaps = new List<byte[]>();
        foreach (TestGlyph glyph in sorted)
        {
            bitmaps.Add(GlyphRecord(glyph));
        }

        // Glyph offsets are absolute: the DATA body starts after CHIX and the DATA header.
        int offset = output.Count + 8 + (9 * sorted.Count) + 8;
        var index = new List<byte>();
        for (int i = 0; i < sorted.Count; i++)
        {
            index.AddRange(U32((uint)sorted[i].Codepoint));
            index.Add(0);
            index.AddRange(U32((uint)offset));
            offset += bitmaps[i].Length;
        }

        Section(output, "CHIX", index.ToArray());
        output.AddRange(Encoding.ASCII.GetBytes("DATA"));
        output.AddRange(U32(0xFFFFFFFF));
        foreach (byte[] bitmap in bitmaps)
        {
            output.AddRange(bitmap);
        }

        return output.ToArray();
    }

    /// <summary>Glyph header followed by its bits, packed MSB first with no row padding.</summary>
    private static byte[] GlyphRecord(TestGlyph glyph)
    {
        var record = new List<byte>();
        record.AddRange(U16(glyph.Width));
        record.AddRange(U16(glyph.Height));
        record.AddRange(U16(glyph.XOffset));
        record.AddRange(U16(glyph.YOffset));
        record.AddRange(U16(glyph.DeviceWidth));

        var bits = new byte[((glyph.Width * glyph.Height) + 7) / 8];
        int bit = 0;
        foreach (string row in glyph.Rows)
        {
            foreach (char c in row)
            {
                if (c == '#')
                {
                    bits[bit / 8] |= (byte)(0x80 >> (bit % 8));
                }

                bit++;
            }
        }

        record.AddRange(bits);
        return record.ToArray();
    }

    private static void Section(List<byte> output, string tag, byte[] data)
    {
        output.AddRange(Encoding.ASCII.GetBytes(tag));
        output.AddRange(U32((uint)data.Length));
        output.AddRange(data);
    }

    public static byte[] U16(int value) => new[] { (byte)(value >> 8), (byte)value };

    public static byte[] U32(uint value) =>
        new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };

    /// <summary>Finds the offset of a section header by tag, or -1.</summary>
    public static int FindSection(byte[] file, string tag)
    {
        int offset = 0;
        while (offset + 8 <= file.Length)
        {
            if (Encoding.ASCII.GetString(file, offset, 4) == tag)
            {
                return offset;
            }

            uint length = ReadU32(file, offset + 4);
            if (length == 0xFFFFFFFF)
            {
                return -1;
            }

            offset += 8 + (int)length;
        }

        return -1;
    }

    /// <summary>Offset of the CHIX entry for a codepoint, or -1.</summary>
    public static int FindIndexEntry(byte[] file, int codepoint)
    {
        int chix = FindSection(file, "CHIX");
        int count = (int)ReadU32(file, chix + 4) / 9;
        for (int i = 0; i < count; i++)
        {
            int entry = chix + 8 + (9 * i);
            if (ReadU32(file, entry) == (uint)codepoint)
            {
                return entry;
            }
        }

        return -1;
    }

    public static uint ReadU32(byte[] file, int offset) =>
        ((uint)file[offset] << 24) | ((uint)file[offset + 1] << 16) | ((uint)file[offset + 2] << 8) | file[offset + 3];

    public static void WriteU32(byte[] file, int offset, uint value) => U32(value).CopyTo(file, offset);

    public static void WriteU16(byte[] file, int offset, int value) => U16(value).CopyTo(file, offset);

    /// <summary>Draws a glyph as text, one line per row, for failure messages.</summary>
    public static string Render(Pf2Glyph glyph)
    {
        var text = new StringBuilder();
        for (int y = 0; y < glyph.Height; y++)
        {
            for (int x = 0; x < glyph.Width; x++)
            {
                text.Append(glyph.IsSet(x, y) ? '#' : '.');
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
