namespace CosmosHybrid.Services.Abi.Fonts;

/// <summary>
/// A bitmap font in GRUB's PF2 format, read in place from the bytes of the font file.
/// </summary>
/// <remarks>
/// A PF2 file is a sequence of sections, each a 4-byte ASCII tag, a 4-byte big-endian
/// length and that many bytes of data. The first section is "FILE" holding "PFF2";
/// the last is "DATA", whose length is 0xFFFFFFFF because it runs to the end of the
/// file. "CHIX" indexes the glyphs: 9-byte entries of codepoint (u32), storage flags
/// (u8) and the absolute file offset of the glyph (u32), sorted by codepoint.
/// All numbers are big-endian. The parser trusts nothing in the file: every length and
/// offset is checked, so a truncated or corrupted file makes <see cref="TryParse"/>
/// or <see cref="TryGetGlyph"/> return false instead of failing.
/// </remarks>
public sealed class Pf2Font
{
    /// <summary>Length of a section header: tag and length.</summary>
    private const int SectionHeaderSize = 8;

    /// <summary>Length of one CHIX entry.</summary>
    private const int IndexEntrySize = 9;

    /// <summary>Length of a glyph header: width, height, x offset, y offset, device width.</summary>
    private const int GlyphHeaderSize = 10;

    /// <summary>Length field value of a section that runs to the end of the file.</summary>
    private const uint ToEndOfFile = 0xFFFFFFFF;

    private readonly byte[] _file;
    private readonly int _indexOffset;
    private readonly int _indexCount;

    private Pf2Font(byte[] file, int indexOffset, int indexCount, int pointSize,
        int maxWidth, int maxHeight, int ascent, int descent)
    {
        _file = file;
        _indexOffset = indexOffset;
        _indexCount = indexCount;
        PointSize = pointSize;
        MaxWidth = maxWidth;
        MaxHeight = maxHeight;
        Ascent = ascent;
        Descent = descent;
    }

    /// <summary>Nominal size of the font in points ("PTSZ"), 0 if the file does not say.</summary>
    public int PointSize { get; }

    /// <summary>Width in pixels of the widest glyph bitmap ("MAXW").</summary>
    public int MaxWidth { get; }

    /// <summary>Height in pixels of the tallest glyph bitmap ("MAXH").</summary>
    public int MaxHeight { get; }

    /// <summary>Pixels from the top of a line to the baseline ("ASCE").</summary>
    public int Ascent { get; }

    /// <summary>Pixels from the baseline to the bottom of a line ("DESC").</summary>
    public int Descent { get; }

    /// <summary>Number of entries in the character index.</summary>
    public int GlyphCount => _indexCount;

    /// <summary>
    /// Reads the section directory of a PF2 file. The font keeps a reference to
    /// <paramref name="file"/> and reads glyphs from it on demand, so the caller must not
    /// change the array afterwards.
    /// </summary>
    /// <returns>false if the file is not a well-formed PF2 font.</returns>
    public static bool TryParse(byte[] file, out Pf2Font font)
    {
        font = null;
        if (file == null || !HasFileMagic(file))
        {
            return false;
        }

        int pointSize = 0;
        int maxWidth = -1;
        int maxHeight = -1;
        int ascent = -1;
        int descent = -1;
        int indexOffset = -1;
        int indexLength = 0;
        bool hasData = false;

        // Every pass moves past at least one header, so the loop ends.
        int offset = SectionHeaderSize + 4;
        while (offset < file.Length)
        {
            if (file.Length - offset < SectionHeaderSize)
            {
                return false;
            }

            uint length = ReadUInt32(file, offset + 4);
            int dataOffset = offset + SectionHeaderSize;
            int remaining = file.Length - dataOffset;

            if (TagIs(file, offset, "DATA"))
            {
                if (length != ToEndOfFile && length > (uint)remaining)
                {
                    return false;
                }

                hasData = true;
                break;
            }

            if (length > (uint)remaining)
            {
                return false;
            }

            int size = (int)length;
            if (TagIs(file, offset, "CHIX"))
            {
                indexOffset = dataOffset;
                indexLength = size;
            }
            else if (TagIs(file, offset, "PTSZ"))
            {
                pointSize = ReadUInt16Section(file, dataOffset, size);
            }
            else if (TagIs(file, offset, "MAXW"))
            {
                maxWidth = ReadUInt16Section(file, dataOffset, size);
            }
            else if (TagIs(file, offset, "MAXH"))
            {
                maxHeight = ReadUInt16Section(file, dataOffset, size);
            }
            else if (TagIs(file, offset, "ASCE"))
            {
                ascent = ReadUInt16Section(file, dataOffset, size);
            }
            else if (TagIs(file, offset, "DESC"))
            {
                descent = ReadUInt16Section(file, dataOffset, size);
            }

            // Sections this parser does not use (NAME, FAMI, WEIG, SLAN, ...) are skipped.
            offset = dataOffset + size;
        }

        if (!hasData || indexOffset < 0 || pointSize < 0)
        {
            return false;
        }

        if (maxWidth <= 0 || maxHeight <= 0 || ascent < 0 || descent < 0 || ascent + descent <= 0)
        {
            return false;
        }

        if (indexLength % IndexEntrySize != 0)
        {
            return false;
        }

        int indexCount = indexLength / IndexEntrySize;
        if (!IsIndexSorted(file, indexOffset, indexCount))
        {
            return false;
        }

        font = new Pf2Font(file, indexOffset, indexCount, pointSize, maxWidth, maxHeight, ascent, descent);
        return true;
    }

    /// <summary>
    /// Finds the glyph of <paramref name="codepoint"/>.
    /// </summary>
    /// <returns>
    /// false if the font has no glyph for it, or the glyph is stored in a way this reader
    /// does not support (compressed), or its record is damaged.
    /// </returns>
    public bool TryGetGlyph(int codepoint, out Pf2Glyph glyph)
    {
        glyph = default;
        int index = FindIndexEntry(codepoint);
        if (index < 0)
        {
            return false;
        }

        return TryReadGlyphAt(index, out glyph);
    }

    /// <summary>Returns the codepoint of the index entry at <paramref name="index"/>, or -1 if out of range.</summary>
    public int GetCodepointAt(int index)
    {
        if ((uint)index >= (uint)_indexCount)
        {
            return -1;
        }

        uint codepoint = ReadUInt32(_file, _indexOffset + index * IndexEntrySize);
        return codepoint > 0x7FFFFFFF ? -1 : (int)codepoint;
    }

    /// <summary>Binary search of the character index; returns the entry number or -1.</summary>
    private int FindIndexEntry(int codepoint)
    {
        if (codepoint < 0)
        {
            return -1;
        }

        uint key = (uint)codepoint;
        int low = 0;
        int high = _indexCount - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            uint found = ReadUInt32(_file, _indexOffset + middle * IndexEntrySize);
            if (found == key)
            {
                return middle;
            }

            if (found < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private bool TryReadGlyphAt(int index, out Pf2Glyph glyph)
    {
        glyph = default;
        int entry = _indexOffset + index * IndexEntrySize;

        // Non-zero storage flags mean a compressed bitmap, which GRUB's tools never write.
        if (_file[entry + 4] != 0)
        {
            return false;
        }

        uint offset = ReadUInt32(_file, entry + 5);
        if (offset > (uint)_file.Length || (uint)_file.Length - offset < GlyphHeaderSize)
        {
            return false;
        }

        int at = (int)offset;
        int width = ReadUInt16(_file, at);
        int height = ReadUInt16(_file, at + 2);
        if (width > MaxWidth || height > MaxHeight)
        {
            return false;
        }

        // The bitmap is width*height bits packed without row padding, rounded up to bytes.
        // long: a damaged header can claim 65535 x 65535, which overflows int.
        int bitmapOffset = at + GlyphHeaderSize;
        long bitmapBytes = ((long)width * height + 7) >> 3;
        if (bitmapBytes > _file.Length - bitmapOffset)
        {
            return false;
        }

        glyph = new Pf2Glyph(_file, bitmapOffset, width, height,
            ReadInt16(_file, at + 4), ReadInt16(_file, at + 6), ReadInt16(_file, at + 8));
        return true;
    }

    private static bool HasFileMagic(byte[] file)
    {
        return file.Length >= SectionHeaderSize + 4
            && TagIs(file, 0, "FILE")
            && ReadUInt32(file, 4) == 4
            && TagIs(file, SectionHeaderSize, "PFF2");
    }

    /// <summary>
    /// Checks that codepoints strictly increase, which the binary search relies on.
    /// </summary>
    private static bool IsIndexSorted(byte[] file, int indexOffset, int count)
    {
        for (int i = 1; i < count; i++)
        {
            int entry = indexOffset + i * IndexEntrySize;
            if (ReadUInt32(file, entry - IndexEntrySize) >= ReadUInt32(file, entry))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares the 4-byte tag at <paramref name="offset"/> with an ASCII string.</summary>
    private static bool TagIs(byte[] file, int offset, string tag)
    {
        for (int i = 0; i < 4; i++)
        {
            if (file[offset + i] != tag[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the value of a section holding one u16; -1 if its length is not 2.</summary>
    private static int ReadUInt16Section(byte[] file, int dataOffset, int size)
    {
        return size == 2 ? ReadUInt16(file, dataOffset) : -1;
    }

    private static int ReadUInt16(byte[] file, int offset)
    {
        return (file[offset] << 8) | file[offset + 1];
    }

    private static int ReadInt16(byte[] file, int offset)
    {
        return (short)ReadUInt16(file, offset);
    }

    private static uint ReadUInt32(byte[] file, int offset)
    {
        return ((uint)file[offset] << 24)
            | ((uint)file[offset + 1] << 16)
            | ((uint)file[offset + 2] << 8)
            | file[offset + 3];
    }
}

/// <summary>
/// One glyph of a <see cref="Pf2Font"/>: its metrics and a view of its bitmap.
/// </summary>
/// <remarks>
/// <see cref="YOffset"/> is the distance from the baseline up to the bottom row of the
/// bitmap (negative for descenders), so the top row lies
/// <c>YOffset + Height</c> pixels above the baseline. <see cref="XOffset"/> is the
/// distance from the pen position to the left column.
/// </remarks>
public struct Pf2Glyph
{
    private readonly byte[] _file;
    private readonly int _bitmapOffset;

    internal Pf2Glyph(byte[] file, int bitmapOffset, int width, int height,
        int xOffset, int yOffset, int deviceWidth)
    {
        _file = file;
        _bitmapOffset = bitmapOffset;
        Width = width;
        Height = height;
        XOffset = xOffset;
        YOffset = yOffset;
        DeviceWidth = deviceWidth;
    }

    /// <summary>Width of the bitmap in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of the bitmap in pixels.</summary>
    public int Height { get; }

    /// <summary>Pixels from the pen position to the left column of the bitmap.</summary>
    public int XOffset { get; }

    /// <summary>Pixels from the baseline up to the bottom row of the bitmap.</summary>
    public int YOffset { get; }

    /// <summary>How far the pen advances after this glyph.</summary>
    public int DeviceWidth { get; }

    /// <summary>
    /// Whether the pixel at column <paramref name="x"/>, row <paramref name="y"/>
    /// (row 0 at the top) is set; false outside the bitmap.
    /// </summary>
    public bool IsSet(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height || _file == null)
        {
            return false;
        }

        // Rows are not byte-aligned: bit n of the bitmap is pixel (n % Width, n / Width),
        // most significant bit first.
        long bit = (long)y * Width + x;
        return (_file[_bitmapOffset + (int)(bit >> 3)] & (0x80 >> (int)(bit & 7))) != 0;
    }
}
