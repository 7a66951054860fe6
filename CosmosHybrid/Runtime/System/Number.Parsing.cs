using System.Globalization;

namespace System;

/// <summary>
/// Integer parsing behind the primitive types' Parse and TryParse. Accepted: white space
/// (tab, line feed, vertical tab, form feed, carriage return, space) before and after,
/// a leading (or, when allowed, trailing) "+" or "-", decimal digits; with
/// <see cref="NumberStyles.AllowHexSpecifier"/> hexadecimal digits without a "0x" prefix,
/// which give the two's complement bits for signed types ("FFFFFFFF" is -1 as an int).
/// Trailing NUL characters are ignored, as in .NET.
/// </summary>
internal static partial class Number
{
    internal enum ParsingStatus
    {
        OK,
        Failed,
        Overflow,
    }

    private const NumberStyles InvalidNumberStyles = ~(NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowTrailingSign | NumberStyles.AllowParentheses
        | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent
        | NumberStyles.AllowCurrencySymbol | NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier);

    private const NumberStyles UnsupportedNumberStyles = NumberStyles.AllowParentheses | NumberStyles.AllowDecimalPoint
        | NumberStyles.AllowThousands | NumberStyles.AllowExponent | NumberStyles.AllowCurrencySymbol;

    /// <summary>Throws like .NET for invalid styles, and NotSupportedException for ones not implemented.</summary>
    public static void ValidateIntegerStyle(NumberStyles style)
    {
        if ((style & InvalidNumberStyles) != 0)
            throw new ArgumentException("An undefined NumberStyles value is being used.", nameof(style));
        if ((style & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0
            && (style & ~(NumberStyles.HexNumber | NumberStyles.AllowBinarySpecifier)) != 0)
            throw new ArgumentException("With the AllowHexSpecifier or AllowBinarySpecifier bit set in the enum bit field, the only other valid bits that can be combined into the enum value must be a subset of those in HexNumber.", nameof(style));
        if ((style & NumberStyles.AllowHexSpecifier) != 0 && (style & NumberStyles.AllowBinarySpecifier) != 0)
            throw new ArgumentException("An undefined NumberStyles value is being used.", nameof(style));
        if ((style & UnsupportedNumberStyles) != 0)
            throw new NotSupportedException("Only white space, sign, hexadecimal and binary styles are supported.");
    }

    /// <summary>Parses a signed integer of <paramref name="bitWidth"/> bits.</summary>
    public static ParsingStatus TryParseSigned(ReadOnlySpan<char> s, NumberStyles style, int bitWidth, out long result)
    {
        ulong maxPositive = (1UL << (bitWidth - 1)) - 1;
        ParsingStatus status = TryParseCore(s, style, bitWidth, maxPositive, maxPositive + 1, out bool negative, out ulong value);
        if (status != ParsingStatus.OK)
        {
            result = 0;
            return status;
        }
        if ((style & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
        {
            // The digits are the two's complement bits: sign-extend from the type's width.
            int shift = 64 - bitWidth;
            result = (long)(value << shift) >> shift;
        }
        else
        {
            result = negative ? -(long)(value - 1) - 1 : (long)value;
        }
        return ParsingStatus.OK;
    }

    /// <summary>Parses an unsigned integer of <paramref name="bitWidth"/> bits.</summary>
    public static ParsingStatus TryParseUnsigned(ReadOnlySpan<char> s, NumberStyles style, int bitWidth, out ulong result)
    {
        ulong max = bitWidth == 64 ? ulong.MaxValue : (1UL << bitWidth) - 1;
        ParsingStatus status = TryParseCore(s, style, bitWidth, max, 0, out _, out result);
        if (status != ParsingStatus.OK)
            result = 0;
        return status;
    }

    /// <summary>Turns a failed status into the exception Parse throws.</summary>
    public static Exception ParseFailure(ParsingStatus status, string typeName) => status == ParsingStatus.Overflow
        ? new OverflowException("Value was either too large or too small for " + (typeName[0] == 'U' || typeName == "Byte" ? "an unsigned " : "a ") + typeName + ".")
        : new FormatException("The input string was not in a correct format.");

    private static ParsingStatus TryParseCore(ReadOnlySpan<char> s, NumberStyles style, int bitWidth, ulong maxPositive, ulong maxNegative,
        out bool negative, out ulong magnitude)
    {
        ValidateIntegerStyle(style);
        negative = false;
        magnitude = 0;

        int end = s.Length;
        while (end > 0 && s[end - 1] == '\0')
            end--;
        s = s.Slice(0, end);

        int i = 0;
        if ((style & NumberStyles.AllowLeadingWhite) != 0)
        {
            while (i < s.Length && IsParseWhite(s[i]))
                i++;
        }

        bool overflow = false;
        bool sawSign = false;
        int radixBits = (style & NumberStyles.AllowHexSpecifier) != 0 ? 4 : (style & NumberStyles.AllowBinarySpecifier) != 0 ? 1 : 0;

        if (radixBits == 0 && (style & NumberStyles.AllowLeadingSign) != 0 && i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            negative = s[i] == '-';
            sawSign = true;
            i++;
        }

        int firstDigit = i;
        if (radixBits == 0)
        {
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                uint digit = (uint)(s[i] - '0');
                if (magnitude > (ulong.MaxValue - digit) / 10)
                    overflow = true;
                else
                    magnitude = magnitude * 10 + digit;
            }
        }
        else
        {
            ulong limit = bitWidth == 64 ? ulong.MaxValue : (1UL << bitWidth) - 1;
            for (; i < s.Length && DigitValue(s[i], radixBits) >= 0; i++)
            {
                if (magnitude > limit >> radixBits)
                    overflow = true;
                else
                    magnitude = (magnitude << radixBits) | (uint)DigitValue(s[i], radixBits);
            }
        }
        if (i == firstDigit)
            return ParsingStatus.Failed;

        if (radixBits == 0 && !sawSign && (style & NumberStyles.AllowTrailingSign) != 0 && i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            negative = s[i] == '-';
            i++;
        }

        if ((style & NumberStyles.AllowTrailingWhite) != 0)
        {
            while (i < s.Length && IsParseWhite(s[i]))
                i++;
        }
        if (i != s.Length)
            return ParsingStatus.Failed;

        // Hexadecimal and binary digits are bits: the digit loop already checked the width.
        if (overflow || (radixBits == 0 && magnitude > (negative ? maxNegative : maxPositive)))
        {
            // "-0" is zero even for unsigned types.
            if (!(negative && magnitude == 0 && !overflow))
                return ParsingStatus.Overflow;
        }
        return ParsingStatus.OK;
    }

    private static bool IsParseWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');

    private static int DigitValue(char c, int radixBits)
    {
        if (radixBits == 1)
            return c == '0' ? 0 : c == '1' ? 1 : -1;
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }
}
