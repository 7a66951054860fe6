namespace System;

/// <summary>
/// Text of a <see cref="double"/> or <see cref="float"/> as .NET Core 3.0+ writes it with
/// the invariant culture. Formats: none or "R" (shortest round-trip digits, scientific
/// when the decimal point is more than 17 digits (9 for float) to the right or more than
/// 4 zeros to the left of the first digit, as in "1E-05"), "G"/"Gn" (n significant
/// digits), "E"/"En" (n decimals of a mantissa, three exponent digits), "F"/"Fn",
/// "N"/"Nn" (groups of three), "P"/"Pn" (× 100, " %"). Rounding is of the exact binary
/// value, half to even. NaN, infinities and the sign of -0 read as in .NET.
/// Currency ("C") and custom formats ("0.00") throw <see cref="NotSupportedException"/>;
/// other letters throw <see cref="FormatException"/>.
/// </summary>
internal static class FloatFormatter
{
    private const int MaxPrecision = 999_999_999;

    /// <summary>
    /// Formats <paramref name="value"/> into <paramref name="destination"/>; returns the
    /// length of the text, which was written only if it is at most the destination's length.
    /// </summary>
    public static int Format(in FloatBits value, ReadOnlySpan<char> format, Span<char> destination)
    {
        char kind = ParseFormat(format, out int precision);
        var output = new TextSink(destination);
        if (value.IsNaN)
        {
            output.Append("NaN");
            return output.Length;
        }
        if (value.IsNegative)
            output.Append('-');
        if (value.IsSpecial)
        {
            output.Append("Infinity");
            return output.Length;
        }

        Span<byte> digits = stackalloc byte[FloatDigits.MaxDigits];
        int count;
        int exponent;
        switch (kind)
        {
            case 'R':
            case 'r':
            case 'G':
            case 'g':
            {
                bool shortest = precision <= 0 || kind == 'R' || kind == 'r';
                if (value.IsZero)
                {
                    count = 0;
                    exponent = 1;
                }
                else if (shortest)
                    count = FloatDigits.Shortest(value, digits, out exponent);
                else
                    count = FloatDigits.Rounded(value, false, precision, digits, out exponent);
                int limit = shortest ? (value.IsSingle ? 9 : 17) : precision;
                char exponentLetter = kind == 'g' || kind == 'r' ? 'e' : 'E';
                if (count > 0 && (exponent > limit || exponent < -3))
                    WriteScientific(ref output, digits.Slice(0, count), exponent, Math.Max(count - 1, 0), false, exponentLetter, 2);
                else
                    WriteFixed(ref output, digits.Slice(0, count), exponent, 0, false, true);
                break;
            }
            case 'E':
            case 'e':
            {
                if (precision < 0)
                    precision = 6;
                exponent = 1;
                count = value.IsZero ? 0 : FloatDigits.Rounded(value, false, Math.Min(precision + 1, FloatDigits.MaxDigits), digits, out exponent);
                WriteScientific(ref output, digits.Slice(0, count), exponent, precision, true, kind, 3);
                break;
            }
            case 'F':
            case 'f':
            case 'N':
            case 'n':
            case 'P':
            case 'p':
            {
                if (precision < 0)
                    precision = 2;
                bool percent = kind == 'P' || kind == 'p';
                int shift = percent ? 2 : 0;
                exponent = 0;
                count = value.IsZero ? 0 : FloatDigits.Rounded(value, true, precision + shift, digits, out exponent);
                WriteFixed(ref output, digits.Slice(0, count), count == 0 ? 0 : exponent + shift, precision, kind != 'F' && kind != 'f', false);
                if (percent)
                    output.Append(" %");
                break;
            }
            case 'C':
            case 'c':
                throw new NotSupportedException("The numeric format 'C' is not supported.");
            default:
                throw new FormatException("Format specifier '" + kind.ToString() + "' was invalid.");
        }
        return output.Length;
    }

    /// <summary>The format letter ('G' for an empty format) and precision (-1 when absent).</summary>
    private static char ParseFormat(ReadOnlySpan<char> format, out int precision)
    {
        precision = -1;
        if (format.Length == 0)
            return 'G';
        char kind = format[0];
        bool standard = (uint)((kind | 0x20) - 'a') <= 'z' - 'a';
        for (int i = 1; standard && i < format.Length; i++)
            standard = (uint)(format[i] - '0') <= 9;
        if (!standard)
            throw new NotSupportedException("Custom numeric format strings are not supported.");
        if (format.Length > 1)
        {
            precision = 0;
            for (int i = 1; i < format.Length; i++)
            {
                precision = precision * 10 + (format[i] - '0');
                if (precision > MaxPrecision)
                    throw new FormatException("Precision cannot be larger than 999999999.");
            }
        }
        return kind;
    }

    /// <summary>0.digits × 10^exponent as d.ddd, then the exponent with a sign and at least <paramref name="exponentDigits"/> digits.</summary>
    private static void WriteScientific(ref TextSink output, scoped ReadOnlySpan<byte> digits, int exponent, int decimals, bool padDecimals, char letter, int exponentDigits)
    {
        output.Append(DigitAt(digits, 0));
        int shown = padDecimals ? decimals : Math.Min(decimals, digits.Length - 1);
        if (shown > 0)
        {
            output.Append('.');
            for (int i = 1; i <= shown; i++)
                output.Append(DigitAt(digits, i));
        }
        output.Append(letter);
        int power = digits.Length == 0 ? 0 : exponent - 1;
        output.Append(power < 0 ? '-' : '+');
        if (power < 0)
            power = -power;
        Span<char> text = stackalloc char[10];
        int length = 0;
        do
        {
            text[length++] = (char)('0' + power % 10);
            power /= 10;
        }
        while (power != 0);
        for (int i = length; i < exponentDigits; i++)
            output.Append('0');
        while (length > 0)
            output.Append(text[--length]);
    }

    /// <summary>
    /// 0.digits × 10^exponent in positional notation: the integer part (at least "0",
    /// grouped by three when <paramref name="grouped"/>), then <paramref name="decimals"/>
    /// fraction digits, or all the remaining digits when <paramref name="allDigits"/>.
    /// </summary>
    private static void WriteFixed(ref TextSink output, scoped ReadOnlySpan<byte> digits, int exponent, int decimals, bool grouped, bool allDigits)
    {
        if (exponent <= 0)
            output.Append('0');
        for (int i = 0; i < exponent; i++)
        {
            if (grouped && i > 0 && (exponent - i) % 3 == 0)
                output.Append(',');
            output.Append(DigitAt(digits, i));
        }
        int fraction = allDigits ? Math.Max(digits.Length - exponent, 0) : decimals;
        if (fraction == 0)
            return;
        output.Append('.');
        for (int i = 0; i < fraction; i++)
            output.Append(DigitAt(digits, exponent + i));
    }

    private static char DigitAt(ReadOnlySpan<byte> digits, int index) =>
        (uint)index < (uint)digits.Length ? (char)('0' + digits[index]) : '0';

    /// <summary>Writes what fits and counts everything.</summary>
    private ref struct TextSink
    {
        private readonly Span<char> _destination;

        public TextSink(Span<char> destination)
        {
            _destination = destination;
            Length = 0;
        }

        public int Length { get; private set; }

        public void Append(char c)
        {
            if (Length < _destination.Length)
                _destination[Length] = c;
            Length++;
        }

        public void Append(string text)
        {
            foreach (char c in text)
                Append(c);
        }
    }
}
