namespace System;

/// <summary>
/// Integer formatting behind the primitive types' ToString and string interpolation.
/// Standard formats: "G"/"D" (decimal, "D5" pads with zeros), "X"/"x" (hexadecimal; a
/// negative value shows its two's complement at the type's width, "x8" pads), "B"/"b"
/// (binary). Culture-dependent formats (C, E, F, N, P, R) and custom format strings
/// ("0000", "#,##0") throw <see cref="NotSupportedException"/>; other letters throw
/// <see cref="FormatException"/>, as in .NET.
/// </summary>
internal static partial class Number
{
    private const int MaxPrecision = 999_999_999;

    public static string FormatInt64(long value) => FormatInt64(value, 64, null);

    public static string FormatUInt64(ulong value) => FormatUInt64(value, null);

    /// <summary>Formats a signed value of a type <paramref name="bitWidth"/> bits wide.</summary>
    public static string FormatInt64(long value, int bitWidth, string format) =>
        Format(value < 0, value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value, Truncate((ulong)value, bitWidth), format);

    public static string FormatUInt64(ulong value, string format) => Format(false, value, value, format);

    public static bool TryFormatInt64(long value, int bitWidth, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten) =>
        TryFormat(value < 0, value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value, Truncate((ulong)value, bitWidth), format, destination, out charsWritten);

    public static bool TryFormatUInt64(ulong value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten) =>
        TryFormat(false, value, value, format, destination, out charsWritten);

    /// <summary>Hexadecimal digits of <paramref name="value"/>, zero-padded to <paramref name="minDigits"/>.</summary>
    public static string FormatHex(ulong value, int minDigits, bool upperCase)
    {
        int length = Math.Max(CountDigits(value, 4), minDigits);
        string result = string.FastAllocateString(length);
        WriteDigits(new Span<char>(ref result.GetRawStringData(), length), value, 4, upperCase);
        return result;
    }

    private static ulong Truncate(ulong bits, int bitWidth) => bitWidth >= 64 ? bits : bits & ((1UL << bitWidth) - 1);

    private static string Format(bool negative, ulong magnitude, ulong bits, string format)
    {
        int length = Plan(negative, magnitude, bits, format, out int radixBits, out bool upperCase);
        if (length == 0)
            return string.Empty;
        string result = string.FastAllocateString(length);
        Write(new Span<char>(ref result.GetRawStringData(), length), negative, radixBits == 0 ? magnitude : bits, radixBits, upperCase);
        return result;
    }

    private static bool TryFormat(bool negative, ulong magnitude, ulong bits, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
    {
        int length = Plan(negative, magnitude, bits, format, out int radixBits, out bool upperCase);
        if (length > destination.Length)
        {
            charsWritten = 0;
            return false;
        }
        Write(destination.Slice(0, length), negative, radixBits == 0 ? magnitude : bits, radixBits, upperCase);
        charsWritten = length;
        return true;
    }

    /// <summary>Reads the format string; returns the length of the text.</summary>
    /// <param name="radixBits">0 for decimal, 4 for hexadecimal, 1 for binary.</param>
    private static int Plan(bool negative, ulong magnitude, ulong bits, ReadOnlySpan<char> format, out int radixBits, out bool upperCase)
    {
        char kind = 'G';
        int precision = -1;
        if (format.Length > 0)
        {
            kind = format[0];
            if (!char.IsAsciiLetter(kind))
                throw CustomFormatNotSupported();
            if (format.Length > 1)
            {
                precision = 0;
                for (int i = 1; i < format.Length; i++)
                {
                    char c = format[i];
                    if (!char.IsAsciiDigit(c))
                        throw CustomFormatNotSupported();
                    precision = precision * 10 + (c - '0');
                    if (precision > MaxPrecision)
                        throw new FormatException("Precision cannot be larger than 999999999.");
                }
            }
        }

        upperCase = kind == 'X';
        switch (kind)
        {
            case 'D':
            case 'd':
            case 'G':
            case 'g':
            {
                radixBits = 0;
                int digits = CountDecimalDigits(magnitude);
                if (kind == 'G' || kind == 'g')
                {
                    // With a precision smaller than the number, .NET switches to scientific notation.
                    if (precision > 0 && digits > precision)
                        throw new NotSupportedException("Scientific notation is not supported for integers.");
                    precision = 0;
                }
                return Math.Max(digits, precision) + (negative ? 1 : 0);
            }
            case 'X':
            case 'x':
                radixBits = 4;
                return Math.Max(CountDigits(bits, 4), precision);
            case 'B':
            case 'b':
                radixBits = 1;
                return Math.Max(CountDigits(bits, 1), precision);
            case 'C':
            case 'c':
            case 'E':
            case 'e':
            case 'F':
            case 'f':
            case 'N':
            case 'n':
            case 'P':
            case 'p':
            case 'R':
            case 'r':
                throw new NotSupportedException("The numeric format '" + kind.ToString() + "' is not supported.");
            default:
                throw new FormatException("Format specifier '" + kind.ToString() + "' was invalid.");
        }
    }

    private static Exception CustomFormatNotSupported() => new NotSupportedException("Custom numeric format strings are not supported.");

    /// <summary>Fills <paramref name="destination"/> completely: sign, zero padding, digits.</summary>
    private static void Write(Span<char> destination, bool negative, ulong value, int radixBits, bool upperCase)
    {
        if (radixBits == 0)
        {
            int start = negative ? 1 : 0;
            if (negative)
                destination[0] = '-';
            Span<char> digits = destination.Slice(start);
            int end = digits.Length;
            do
            {
                ulong quotient = value / 10;
                digits[--end] = (char)('0' + (int)(value - quotient * 10));
                value = quotient;
            }
            while (value != 0);
            digits.Slice(0, end).Fill('0');
            return;
        }
        WriteDigits(destination, value, radixBits, upperCase);
    }

    // Power-of-two radix digits, right-aligned, zero-filled on the left.
    private static void WriteDigits(Span<char> destination, ulong value, int radixBits, bool upperCase)
    {
        int end = destination.Length;
        ulong mask = (1UL << radixBits) - 1;
        char letterBase = upperCase ? 'A' : 'a';
        do
        {
            int digit = (int)(value & mask);
            destination[--end] = (char)(digit < 10 ? '0' + digit : letterBase + digit - 10);
            value >>= radixBits;
        }
        while (value != 0);
        destination.Slice(0, end).Fill('0');
    }

    internal static int CountDecimalDigits(ulong value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }
        return digits;
    }

    private static int CountDigits(ulong value, int radixBits)
    {
        int digits = 1;
        while ((value >>= radixBits) != 0)
            digits++;
        return digits;
    }
}
