namespace System;

/// <summary>
/// Integer formatting for the primitive types' ToString. Supports the default
/// (decimal) format and the hexadecimal formats "x"/"X" with an optional
/// minimum digit count ("x8", "X16").
/// </summary>
internal static class Number
{
    public static string FormatInt64(long value)
    {
        if (value >= 0)
            return FormatUInt64((ulong)value);

        Span<char> digits = stackalloc char[20];
        int start = WriteDecimal(digits, (ulong)(-(value + 1)) + 1);
        digits[--start] = '-';
        return new string(digits.Slice(start));
    }

    public static string FormatUInt64(ulong value)
    {
        Span<char> digits = stackalloc char[20];
        int start = WriteDecimal(digits, value);
        return new string(digits.Slice(start));
    }

    public static string FormatUInt64(ulong value, string format)
    {
        if (format == null || format.Length == 0)
            return FormatUInt64(value);

        char kind = format[0];
        int minDigits = 0;
        for (int i = 1; i < format.Length; i++)
            minDigits = minDigits * 10 + (format[i] - '0');

        if (kind == 'x' || kind == 'X')
            return FormatHex(value, minDigits, kind == 'X');

        // "D"/"N" and friends: decimal with a minimum width.
        Span<char> digits = stackalloc char[20];
        int start = WriteDecimal(digits, value);
        while (20 - start < minDigits && start > 0)
            digits[--start] = '0';
        return new string(digits.Slice(start));
    }

    public static string FormatHex(ulong value, int minDigits, bool upperCase)
    {
        Span<char> digits = stackalloc char[16];
        int start = 16;
        char letterBase = upperCase ? 'A' : 'a';
        do
        {
            int nibble = (int)(value & 0xF);
            digits[--start] = (char)(nibble < 10 ? '0' + nibble : letterBase + nibble - 10);
            value >>= 4;
        }
        while (value != 0);

        while (16 - start < minDigits && start > 0)
            digits[--start] = '0';
        return new string(digits.Slice(start));
    }

    private static int WriteDecimal(Span<char> buffer, ulong value)
    {
        int start = buffer.Length;
        do
        {
            buffer[--start] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);
        return start;
    }
}
