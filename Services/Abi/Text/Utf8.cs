using System;

namespace CosmosHybrid.Services.Abi.Text;

/// <summary>
/// UTF-8, the one encoding of text at the system-call boundary, shared by the kernel, every
/// ring-3 program and the host tests. The strict methods refuse anything that is not
/// well-formed UTF-8 as the Unicode standard defines it (they never substitute '?' or
/// U+FFFD); the lenient ones are for display and replace each maximal ill-formed subpart
/// with U+FFFD, as .NET's <c>Encoding.UTF8</c> does. The span methods do not allocate.
/// </summary>
public static class Utf8
{
    /// <summary>What the lenient methods show in place of ill-formed input.</summary>
    public const char ReplacementCharacter = '\uFFFD';

    /// <summary>Most bytes one Unicode scalar value takes.</summary>
    public const int MaxBytesPerScalar = 4;

    /// <summary>
    /// Decodes <paramref name="source"/> into UTF-16; supplementary characters become surrogate
    /// pairs. Stops at the first ill-formed sequence with <see cref="Utf8Status.Invalid"/>.
    /// </summary>
    public static Utf8Status Decode(ReadOnlySpan<byte> source, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        int index = 0;
        while (index < source.Length)
        {
            if (!Utf8Scalar.TryRead(source, index, out int scalar, out int length))
            {
                return Utf8Status.Invalid;
            }

            int units = scalar >= 0x10000 ? 2 : 1;
            if (charsWritten + units > destination.Length)
            {
                return Utf8Status.DestinationTooSmall;
            }

            charsWritten += Utf8Scalar.WriteUtf16(scalar, destination.Slice(charsWritten));
            index += length;
        }

        return Utf8Status.Ok;
    }

    /// <summary>
    /// Number of UTF-16 code units <paramref name="source"/> decodes to; false (and 0) when
    /// it is not well-formed UTF-8.
    /// </summary>
    public static bool TryGetCharCount(ReadOnlySpan<byte> source, out int charCount)
    {
        charCount = 0;
        int index = 0;
        while (index < source.Length)
        {
            if (!Utf8Scalar.TryRead(source, index, out int scalar, out int length))
            {
                charCount = 0;
                return false;
            }

            charCount += scalar >= 0x10000 ? 2 : 1;
            index += length;
        }

        return true;
    }

    /// <summary>True when <paramref name="source"/> is well-formed UTF-8.</summary>
    public static bool IsValid(ReadOnlySpan<byte> source) => TryGetCharCount(source, out _);

    /// <summary>The text of well-formed UTF-8 as a new string, or null when it is ill-formed.</summary>
    public static string GetString(ReadOnlySpan<byte> source)
    {
        if (!TryGetCharCount(source, out int count))
        {
            return null;
        }

        if (count == 0)
        {
            return string.Empty;
        }

        char[] chars = new char[count];
        Decode(source, chars, out int written);
        return new string(chars, 0, written);
    }

    /// <summary>
    /// Encodes UTF-16 text as UTF-8. An unpaired surrogate is refused with
    /// <see cref="Utf8Status.Invalid"/> (it has no UTF-8 form; nothing is substituted).
    /// </summary>
    public static Utf8Status Encode(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int index = 0;
        while (index < source.Length)
        {
            int scalar = Utf8Scalar.ReadUtf16(source, index, out int units);
            if (scalar < 0)
            {
                return Utf8Status.Invalid;
            }

            int length = Utf8Scalar.EncodedLength(scalar);
            if (bytesWritten + length > destination.Length)
            {
                return Utf8Status.DestinationTooSmall;
            }

            Utf8Scalar.Write(scalar, destination.Slice(bytesWritten));
            bytesWritten += length;
            index += units;
        }

        return Utf8Status.Ok;
    }

    /// <summary>Bytes the UTF-8 form of <paramref name="source"/> takes, or -1 when it holds an unpaired surrogate.</summary>
    public static int GetByteCount(ReadOnlySpan<char> source)
    {
        int count = 0;
        int index = 0;
        while (index < source.Length)
        {
            int scalar = Utf8Scalar.ReadUtf16(source, index, out int units);
            if (scalar < 0)
            {
                return -1;
            }

            count += Utf8Scalar.EncodedLength(scalar);
            index += units;
        }

        return count;
    }

    /// <summary>Bytes <see cref="EncodeLenient"/> needs for all of <paramref name="source"/> (an unpaired surrogate: the 3 of U+FFFD).</summary>
    public static int GetLenientByteCount(ReadOnlySpan<char> source)
    {
        int count = 0;
        int index = 0;
        while (index < source.Length)
        {
            int scalar = Utf8Scalar.ReadUtf16(source, index, out int units);
            count += scalar < 0 ? 3 : Utf8Scalar.EncodedLength(scalar);
            index += units;
        }

        return count;
    }

    /// <summary>The UTF-8 form of <paramref name="text"/> as a new array, or null when it holds an unpaired surrogate.</summary>
    public static byte[] GetBytes(string text)
    {
        int count = GetByteCount(text);
        if (count < 0)
        {
            return null;
        }

        byte[] bytes = new byte[count];
        Encode(text, bytes, out _);
        return bytes;
    }

    /// <summary>
    /// Encodes for display: like <see cref="Encode"/>, but an unpaired surrogate becomes
    /// U+FFFD (EF BF BD). Writes what fits; returns the number of bytes written.
    /// </summary>
    public static int EncodeLenient(ReadOnlySpan<char> source, Span<byte> destination)
    {
        int written = 0;
        int index = 0;
        while (index < source.Length)
        {
            int scalar = Utf8Scalar.ReadUtf16(source, index, out int units);
            if (scalar < 0)
            {
                scalar = ReplacementCharacter;
            }

            int length = Utf8Scalar.EncodedLength(scalar);
            if (written + length > destination.Length)
            {
                break;
            }

            Utf8Scalar.Write(scalar, destination.Slice(written));
            written += length;
            index += units;
        }

        return written;
    }

    /// <summary>
    /// Decodes for display: each maximal ill-formed subpart becomes one U+FFFD. Writes whole
    /// characters while they fit; returns the number of UTF-16 code units written.
    /// </summary>
    public static int DecodeLenient(ReadOnlySpan<byte> source, Span<char> destination)
    {
        int written = 0;
        int index = 0;
        while (index < source.Length)
        {
            if (!Utf8Scalar.TryRead(source, index, out int scalar, out int length))
            {
                scalar = ReplacementCharacter;
            }

            int units = scalar >= 0x10000 ? 2 : 1;
            if (written + units > destination.Length)
            {
                break;
            }

            written += Utf8Scalar.WriteUtf16(scalar, destination.Slice(written));
            index += length;
        }

        return written;
    }

    /// <summary>Number of UTF-16 code units <see cref="DecodeLenient"/> makes of <paramref name="source"/>.</summary>
    public static int GetLenientCharCount(ReadOnlySpan<byte> source)
    {
        int count = 0;
        int index = 0;
        while (index < source.Length)
        {
            bool valid = Utf8Scalar.TryRead(source, index, out int scalar, out int length);
            count += valid && scalar >= 0x10000 ? 2 : 1;
            index += length;
        }

        return count;
    }

    /// <summary>The display form of any bytes as a new string (U+FFFD for ill-formed parts).</summary>
    public static string GetStringLenient(ReadOnlySpan<byte> source)
    {
        int count = GetLenientCharCount(source);
        if (count == 0)
        {
            return string.Empty;
        }

        char[] chars = new char[count];
        int written = DecodeLenient(source, chars);
        return new string(chars, 0, written);
    }

    /// <summary>
    /// Length in bytes of the character starting at <paramref name="index"/>: the whole
    /// sequence when it is well-formed, otherwise the ill-formed part the lenient decoder
    /// shows as one U+FFFD (at least 1). 0 at or past the end.
    /// </summary>
    public static int SequenceLength(ReadOnlySpan<byte> text, int index)
    {
        if ((uint)index >= (uint)text.Length)
        {
            return 0;
        }

        Utf8Scalar.TryRead(text, index, out _, out int length);
        return length;
    }

    /// <summary>
    /// Start of the character that ends just before <paramref name="index"/>, stepping the same
    /// units as <see cref="SequenceLength"/> (so a line editor never lands inside a sequence).
    /// 0 at the start.
    /// </summary>
    public static int PreviousBoundary(ReadOnlySpan<byte> text, int index)
    {
        if (index <= 0)
        {
            return 0;
        }

        if (index > text.Length)
        {
            index = text.Length;
        }

        // A character is at most four bytes: look back for the lead byte whose step ends here.
        for (int back = 1; back <= MaxBytesPerScalar && back <= index; back++)
        {
            int start = index - back;
            if (!Utf8Scalar.IsContinuation(text[start]) || back == MaxBytesPerScalar)
            {
                return start + SequenceLength(text, start) == index ? start : index - 1;
            }
        }

        return index - 1;
    }

    /// <summary>Number of characters (Unicode scalar values, or lenient U+FFFD units) in <paramref name="text"/>.</summary>
    public static int CountCharacters(ReadOnlySpan<byte> text)
    {
        int count = 0;
        for (int index = 0; index < text.Length; index += SequenceLength(text, index))
        {
            count++;
        }

        return count;
    }
}
