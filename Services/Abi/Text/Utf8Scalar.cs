using System;

namespace CosmosHybrid.Services.Abi.Text;

/// <summary>One Unicode scalar value in UTF-8 and in UTF-16: the steps the <see cref="Utf8"/> methods are made of.</summary>
internal static class Utf8Scalar
{
    /// <summary>True for 10xxxxxx, the bytes that continue a sequence.</summary>
    public static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    /// <summary>
    /// Reads the sequence starting at <paramref name="index"/>. True with the scalar value and
    /// its length when it is well-formed; otherwise false, with <paramref name="length"/> the
    /// maximal ill-formed subpart (1-3 bytes) that one U+FFFD stands for.
    /// </summary>
    /// <remarks>
    /// The ranges of the second byte are those of the Unicode standard's table of well-formed
    /// sequences (table 3-7): they exclude overlong forms (C0, C1, E0 80-9F, F0 80-8F),
    /// surrogates (ED A0-BF) and values above U+10FFFF (F4 90-BF, F5-FF); 5- and 6-byte lead
    /// bytes (F8-FD) and FE, FF are never valid.
    /// </remarks>
    public static bool TryRead(ReadOnlySpan<byte> source, int index, out int scalar, out int length)
    {
        byte lead = source[index];
        length = 1;
        scalar = 0;
        if (lead < 0x80)
        {
            scalar = lead;
            return true;
        }

        int needed;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            needed = 1;
            scalar = lead & 0x1F;
        }
        else if (lead >= 0xE0 && lead <= 0xEF)
        {
            needed = 2;
            scalar = lead & 0x0F;
            if (lead == 0xE0)
            {
                low = 0xA0;
            }
            else if (lead == 0xED)
            {
                high = 0x9F;
            }
        }
        else if (lead >= 0xF0 && lead <= 0xF4)
        {
            needed = 3;
            scalar = lead & 0x07;
            if (lead == 0xF0)
            {
                low = 0x90;
            }
            else if (lead == 0xF4)
            {
                high = 0x8F;
            }
        }
        else
        {
            return false;
        }

        for (int i = 1; i <= needed; i++)
        {
            if (index + i >= source.Length)
            {
                return false;
            }

            byte next = source[index + i];
            if (next < low || next > high)
            {
                return false;
            }

            scalar = (scalar << 6) | (next & 0x3F);
            length = i + 1;
            low = 0x80;
            high = 0xBF;
        }

        return true;
    }

    /// <summary>Bytes of the UTF-8 form of a scalar value.</summary>
    public static int EncodedLength(int scalar) => scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4;

    /// <summary>Writes the UTF-8 form of a scalar value (destination must have room).</summary>
    public static void Write(int scalar, Span<byte> destination)
    {
        if (scalar < 0x80)
        {
            destination[0] = (byte)scalar;
        }
        else if (scalar < 0x800)
        {
            destination[0] = (byte)(0xC0 | (scalar >> 6));
            destination[1] = (byte)(0x80 | (scalar & 0x3F));
        }
        else if (scalar < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (scalar >> 12));
            destination[1] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (scalar & 0x3F));
        }
        else
        {
            destination[0] = (byte)(0xF0 | (scalar >> 18));
            destination[1] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
            destination[2] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
            destination[3] = (byte)(0x80 | (scalar & 0x3F));
        }
    }

    /// <summary>
    /// The scalar value at <paramref name="index"/> of UTF-16 text and the code units it takes
    /// (2 for a surrogate pair); -1 (and 1 unit) for an unpaired surrogate.
    /// </summary>
    public static int ReadUtf16(ReadOnlySpan<char> source, int index, out int units)
    {
        char c = source[index];
        units = 1;
        if (c < 0xD800 || c > 0xDFFF)
        {
            return c;
        }

        if (c <= 0xDBFF && index + 1 < source.Length)
        {
            char low = source[index + 1];
            if (low >= 0xDC00 && low <= 0xDFFF)
            {
                units = 2;
                return 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            }
        }

        return -1;
    }

    /// <summary>Writes a scalar value as UTF-16 (destination must have room); returns the code units written.</summary>
    public static int WriteUtf16(int scalar, Span<char> destination)
    {
        if (scalar < 0x10000)
        {
            destination[0] = (char)scalar;
            return 1;
        }

        scalar -= 0x10000;
        destination[0] = (char)(0xD800 + (scalar >> 10));
        destination[1] = (char)(0xDC00 + (scalar & 0x3FF));
        return 2;
    }
}
