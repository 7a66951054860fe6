using System.Globalization;

namespace System;

/// <summary>
/// Text to <see cref="double"/> or <see cref="float"/>, correctly rounded (half to even)
/// as .NET Core 3.0+ reads it with the invariant culture: white space, a sign, digits with
/// "," group separators (with <see cref="NumberStyles.AllowThousands"/>, after the first
/// digit), a "." decimal point, an exponent ("e-5"), and "Infinity", "NaN" in any case,
/// with a sign. Out-of-range values become infinities or zeros. The first 768 significant
/// digits are kept exactly; later ones count only for being non-zero, which is enough to
/// round correctly.
/// </summary>
internal static class FloatParser
{
    private const int MaxSignificantDigits = 768;

    private static readonly double[] s_powersOf10 =
    {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    public static bool TryParseDouble(ReadOnlySpan<char> text, NumberStyles style, out double result)
    {
        result = 0;
        if (!TryParse(text, style, isSingle: false, out ulong bits))
            return false;
        result = BitConverter.UInt64BitsToDouble(bits);
        return true;
    }

    public static bool TryParseSingle(ReadOnlySpan<char> text, NumberStyles style, out float result)
    {
        result = 0;
        if (!TryParse(text, style, isSingle: true, out ulong bits))
            return false;
        result = BitConverter.UInt32BitsToSingle((uint)bits);
        return true;
    }

    private static bool TryParse(ReadOnlySpan<char> text, NumberStyles style, bool isSingle, out ulong bits)
    {
        bits = 0;
        // Trailing NULs are ignored, as in .NET.
        while (text.Length > 0 && text[text.Length - 1] == '\0')
            text = text.Slice(0, text.Length - 1);
        int start = 0;
        int end = text.Length;
        if ((style & NumberStyles.AllowLeadingWhite) != 0)
            while (start < end && IsWhite(text[start]))
                start++;
        if ((style & NumberStyles.AllowTrailingWhite) != 0)
            while (end > start && IsWhite(text[end - 1]))
                end--;
        text = text.Slice(start, end - start);

        bool negative = false;
        int position = 0;
        if ((style & NumberStyles.AllowLeadingSign) != 0 && text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            negative = text[0] == '-';
            position = 1;
        }
        else if ((style & NumberStyles.AllowTrailingSign) != 0 && text.Length > 0 && (text[text.Length - 1] == '+' || text[text.Length - 1] == '-'))
        {
            negative = text[text.Length - 1] == '-';
            text = text.Slice(0, text.Length - 1);
        }

        ReadOnlySpan<char> rest = text.Slice(position);
        if (EqualsIgnoreCase(rest, "Infinity"))
        {
            bits = Infinity(isSingle, negative);
            return true;
        }
        if (EqualsIgnoreCase(rest, "NaN"))
        {
            bits = isSingle ? 0xFFC0_0000UL : 0xFFF8_0000_0000_0000UL;
            return true;
        }

        Span<byte> digits = stackalloc byte[MaxSignificantDigits + 1];
        int count = 0;
        long exponent = 0; // value = digits × 10^exponent
        bool sticky = false; // a non-zero digit beyond the ones kept
        bool anyDigit = false;
        bool thousands = (style & NumberStyles.AllowThousands) != 0;
        int i = position;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if ((uint)(c - '0') <= 9)
            {
                anyDigit = true;
                AddDigit(digits, ref count, ref sticky, c - '0', ref exponent, fraction: false);
            }
            else if (c == ',' && thousands && anyDigit)
                continue;
            else
                break;
        }
        if (i < text.Length && text[i] == '.' && (style & NumberStyles.AllowDecimalPoint) != 0)
        {
            for (i++; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
            {
                anyDigit = true;
                AddDigit(digits, ref count, ref sticky, text[i] - '0', ref exponent, fraction: true);
            }
        }
        if (!anyDigit)
            return false;
        if (i < text.Length && (text[i] | 0x20) == 'e' && (style & NumberStyles.AllowExponent) != 0)
        {
            i++;
            bool negativeExponent = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
                negativeExponent = text[i++] == '-';
            if (i == text.Length || (uint)(text[i] - '0') > 9)
                return false;
            long written = 0;
            for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
                written = Math.Min(written * 10 + (text[i] - '0'), 1_000_000_000L);
            exponent += negativeExponent ? -written : written;
        }
        if (i != text.Length)
            return false;

        bits = negative ? SignBit(isSingle) : 0;
        while (count > 0 && digits[count - 1] == 0)
        {
            count--;
            exponent++;
        }
        if (sticky)
        {
            // Stands for the dropped tail: strictly between the kept digits and the next value up.
            digits[count++] = 1;
            exponent--;
        }
        if (count == 0 || count + exponent < -345)
            return true;
        if (count + exponent > 310)
        {
            bits = Infinity(isSingle, negative);
            return true;
        }
        bits |= Convert(digits.Slice(0, count), (int)exponent, isSingle);
        return true;
    }

    private static void AddDigit(Span<byte> digits, ref int count, ref bool sticky, int digit, ref long exponent, bool fraction)
    {
        if (count == 0 && digit == 0)
        {
            if (fraction)
                exponent--;
            return;
        }
        if (count < MaxSignificantDigits)
        {
            digits[count++] = (byte)digit;
            if (fraction)
                exponent--;
            return;
        }
        sticky |= digit != 0;
        if (!fraction)
            exponent++;
    }

    /// <summary>The bits (without sign) of digits × 10^exponent, rounded half to even.</summary>
    private static ulong Convert(ReadOnlySpan<byte> digits, int exponent, bool isSingle)
    {
        if (!isSingle && digits.Length <= 15 && exponent >= -22 && exponent <= 22)
        {
            // Both operands are exact, so the one IEEE operation rounds correctly.
            ulong small = 0;
            foreach (byte digit in digits)
                small = small * 10 + digit;
            double value = exponent >= 0 ? small * s_powersOf10[exponent] : small / s_powersOf10[-exponent];
            return BitConverter.DoubleToUInt64Bits(value);
        }

        Span<uint> numeratorBuffer = stackalloc uint[FloatBigInteger.MaxLimbs];
        Span<uint> denominatorBuffer = stackalloc uint[FloatBigInteger.MaxLimbs];
        var numerator = new FloatBigInteger(numeratorBuffer, 0);
        for (int i = 0; i < digits.Length; i++)
            numerator.MultiplyAdd(10, digits[i]);

        if (exponent >= 0)
        {
            numerator.MultiplyPow10(exponent);
            int length = numerator.BitLength;
            ulong top = numerator.Top64(out bool rest);
            return Assemble(top, length - 64, rest, isSingle);
        }

        // numerator / 10^-exponent, 64 quotient bits at a time by binary long division.
        var denominator = new FloatBigInteger(denominatorBuffer, 1);
        denominator.MultiplyPow10(-exponent);
        int shift = denominator.BitLength - numerator.BitLength;
        if (shift > 0)
            numerator.ShiftLeft(shift);
        else
            denominator.ShiftLeft(-shift);
        if (FloatBigInteger.Compare(numerator, denominator) < 0)
        {
            numerator.ShiftLeft(1);
            shift++;
        }
        // Now 1 <= numerator/denominator < 2, and the value is that ratio × 2^-shift.
        ulong quotient = 0;
        for (int bit = 0; bit < 64; bit++)
        {
            quotient <<= 1;
            if (FloatBigInteger.Compare(numerator, denominator) >= 0)
            {
                numerator.Subtract(denominator);
                quotient |= 1;
            }
            numerator.ShiftLeft(1);
        }
        return Assemble(quotient, -63 - shift, !numerator.IsZero, isSingle);
    }

    /// <summary>
    /// Rounds <paramref name="top"/> × 2^<paramref name="exponent"/> (bit 63 of top set;
    /// <paramref name="sticky"/> for non-zero bits below it) to the format's bits.
    /// </summary>
    private static ulong Assemble(ulong top, int exponent, bool sticky, bool isSingle)
    {
        int mantissaBits = isSingle ? 24 : 53;
        int minExponent = isSingle ? -149 : -1074;
        int maxBiased = isSingle ? 255 : 2047;
        int drop = 64 - mantissaBits;
        int resultExponent = exponent + drop;
        if (resultExponent < minExponent)
        {
            drop += minExponent - resultExponent;
            resultExponent = minExponent;
        }
        if (drop > 64)
            return 0;
        ulong mantissa = drop == 64 ? 0 : top >> drop;
        bool roundBit = ((top >> (drop - 1)) & 1) != 0;
        bool below = drop > 1 && (top & ((1UL << (drop - 1)) - 1)) != 0 || sticky;
        if (roundBit && (below || (mantissa & 1) != 0))
        {
            mantissa++;
            if (mantissa == 1UL << mantissaBits)
            {
                mantissa >>= 1;
                resultExponent++;
            }
        }
        ulong hidden = 1UL << (mantissaBits - 1);
        if (mantissa < hidden)
            return mantissa; // subnormal (or zero): biased exponent 0
        int biased = resultExponent - minExponent + 1;
        if (biased >= maxBiased)
            return Infinity(isSingle, false);
        return ((ulong)biased << (mantissaBits - 1)) | (mantissa - hidden);
    }

    private static ulong Infinity(bool isSingle, bool negative) =>
        (isSingle ? 0x7F80_0000UL : 0x7FF0_0000_0000_0000UL) | (negative ? SignBit(isSingle) : 0);

    private static ulong SignBit(bool isSingle) => isSingle ? 0x8000_0000UL : 0x8000_0000_0000_0000UL;

    private static bool IsWhite(char c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t';

    private static bool EqualsIgnoreCase(ReadOnlySpan<char> text, string expected)
    {
        if (text.Length != expected.Length)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != expected[i] && (c | 0x20) != (expected[i] | 0x20))
                return false;
        }
        return true;
    }
}
