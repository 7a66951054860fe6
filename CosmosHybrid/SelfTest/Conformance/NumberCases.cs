using System;
using System.Globalization;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>Integer formatting and parsing, char classification, Math.</summary>
internal static class NumberCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("number: decimal ToString of every integer type", DecimalFormatting),
        new ConformanceCase("number: hexadecimal formats and widths", HexFormatting),
        new ConformanceCase("number: D, G and B formats", OtherFormats),
        new ConformanceCase("number: int.Parse and TryParse accept", ParseAccepts),
        new ConformanceCase("number: TryParse rejects malformed text", ParseRejects),
        new ConformanceCase("number: TryParse reports overflow as false", ParseOverflow),
        new ConformanceCase("number: hexadecimal parsing", ParseHex),
        new ConformanceCase("number: unsigned and 64-bit parsing", ParseWide),
        new ConformanceCase("number: span parsing and TryFormat", SpanParsingAndFormatting),
        new ConformanceCase("number: CompareTo and Equals", CompareAndEquals),
        new ConformanceCase("number: bool parsing and text", Booleans),
        new ConformanceCase("number: char classification", CharClassification),
        new ConformanceCase("number: Math.Min, Max, Abs, Clamp, Sign", MathBasics),
        new ConformanceCase("number: Math.DivRem and BigMul", MathDivision),
        new ConformanceCase("number: parse and format errors", Errors),
    };

    private static void DecimalFormatting(ConformanceCheck c)
    {
        c.Equal("0", 0.ToString(), "0");
        c.Equal("-1234567", (-1234567).ToString(), "negative int");
        c.Equal("2147483647", int.MaxValue.ToString(), "int.MaxValue");
        c.Equal("-2147483648", int.MinValue.ToString(), "int.MinValue");
        c.Equal("-9223372036854775808", long.MinValue.ToString(), "long.MinValue");
        c.Equal("18446744073709551615", ulong.MaxValue.ToString(), "ulong.MaxValue");
        c.Equal("4294967295", uint.MaxValue.ToString(), "uint.MaxValue");
        c.Equal("255", byte.MaxValue.ToString(), "byte.MaxValue");
        c.Equal("-128", sbyte.MinValue.ToString(), "sbyte.MinValue");
        c.Equal("-32768", short.MinValue.ToString(), "short.MinValue");
        c.Equal("65535", ushort.MaxValue.ToString(), "ushort.MaxValue");
        object boxed = 77L;
        c.Equal("77", boxed.ToString(), "boxed long");
    }

    private static void HexFormatting(ConformanceCheck c)
    {
        c.Equal("ff", 255.ToString("x"), "x");
        c.Equal("FF", 255.ToString("X"), "X");
        c.Equal("000000ff", 255.ToString("x8"), "x8");
        c.Equal("0A", ((byte)10).ToString("X2"), "byte X2");
        c.Equal("ffffffff", (-1).ToString("x"), "negative int is two's complement");
        c.Equal("ffffffd6", (-42).ToString("x8"), "negative int x8");
        c.Equal("ff", ((sbyte)-1).ToString("x"), "negative sbyte");
        c.Equal("ffff", ((short)-1).ToString("x"), "negative short");
        c.Equal("8000000000000000", long.MinValue.ToString("x"), "long.MinValue");
        c.Equal("00000000cafe", 0xCAFEUL.ToString("x12"), "ulong x12");
        c.Equal("DEADBEEF", 0xDEADBEEFu.ToString("X1"), "width smaller than the digits");
        c.Equal("0", 0.ToString("x"), "zero");
        c.Equal(20, 1.ToString("x20").Length, "wide padding");
    }

    private static void OtherFormats(ConformanceCheck c)
    {
        c.Equal("00042", 42.ToString("D5"), "D5");
        c.Equal("-00042", (-42).ToString("D5"), "negative D5");
        c.Equal("42", 42.ToString("d"), "d");
        c.Equal("42", 42.ToString("D0"), "D0");
        c.Equal("42", 42.ToString("D1"), "D1 narrower than the number");
        c.Equal("123", 123.ToString("G"), "G");
        c.Equal("-5", (-5).ToString(""), "empty format");
        c.Equal("5", 5.ToString((string)null), "null format");
        c.Equal("00001010", 10.ToString("B8"), "B8");
        c.Equal("11111111", ((byte)255).ToString("b"), "byte b");
        c.Equal("7", 7u.ToString("G0"), "G0");
    }

    private static void ParseAccepts(ConformanceCheck c)
    {
        c.Equal(123, int.Parse("123"), "Parse(\"123\")");
        c.True(int.TryParse(" -42 ", out int value) && value == -42, "white space and minus");
        c.True(int.TryParse("+7", out value) && value == 7, "plus sign");
        c.True(int.TryParse("-2147483648", out value) && value == int.MinValue, "int.MinValue");
        c.True(int.TryParse("2147483647", out value) && value == int.MaxValue, "int.MaxValue");
        c.True(int.TryParse("0000000000000000000000012", out value) && value == 12, "many leading zeros");
        c.True(int.TryParse("\t\n12\r", out value) && value == 12, "control white space");
        c.True(int.TryParse("12\0\0", out value) && value == 12, "trailing NULs");
        c.True(int.TryParse("-0", out value) && value == 0, "-0");
        c.True(short.TryParse("-32768", out short s) && s == short.MinValue, "short.MinValue");
        c.True(byte.TryParse("255", out byte b) && b == 255, "byte 255");
        c.True(sbyte.TryParse("-128", out sbyte sb) && sb == -128, "sbyte -128");
        c.Equal(9, int.Parse("9", CultureInfo.InvariantCulture), "Parse with a provider");
    }

    private static void ParseRejects(ConformanceCheck c)
    {
        string[] bad = { "", " ", "-", "+", "12a", "1 2", "--1", "+-1", "0x10", "1.0", "1,000", "١٢", "12-", " - 1" };
        foreach (string text in bad)
        {
            bool parsed = int.TryParse(text, out int value);
            c.False(parsed, "TryParse(\"" + text + "\")");
            c.Equal(0, value, "result after failing on \"" + text + "\"");
        }
        c.False(int.TryParse((string)null, out _), "TryParse(null)");
        c.True(int.TryParse("12-", NumberStyles.Integer | NumberStyles.AllowTrailingSign, null, out int trailing) && trailing == -12, "AllowTrailingSign");
        c.False(int.TryParse(" 5", NumberStyles.None, null, out _), "NumberStyles.None rejects white space");
        c.False(int.TryParse("-5", NumberStyles.AllowLeadingWhite, null, out _), "sign not allowed");
    }

    private static void ParseOverflow(ConformanceCheck c)
    {
        c.False(int.TryParse("2147483648", out int i), "int.MaxValue + 1");
        c.Equal(0, i, "result after overflow");
        c.False(int.TryParse("-2147483649", out _), "int.MinValue - 1");
        c.False(long.TryParse("9223372036854775808", out _), "long.MaxValue + 1");
        c.False(long.TryParse("99999999999999999999999", out _), "far beyond long");
        c.False(ulong.TryParse("18446744073709551616", out _), "ulong.MaxValue + 1");
        c.False(byte.TryParse("256", out _), "byte 256");
        c.False(sbyte.TryParse("128", out _), "sbyte 128");
        c.False(uint.TryParse("-1", out _), "uint -1");
        c.True(uint.TryParse("-0", out uint zero) && zero == 0, "uint -0 is zero");
        c.False(ushort.TryParse("65536", out _), "ushort 65536");
    }

    private static void ParseHex(ConformanceCheck c)
    {
        c.True(int.TryParse("ff", NumberStyles.HexNumber, null, out int value) && value == 255, "ff");
        c.True(int.TryParse("FFFFFFFF", NumberStyles.HexNumber, null, out value) && value == -1, "FFFFFFFF is -1");
        c.True(int.TryParse("7fffffff", NumberStyles.HexNumber, null, out value) && value == int.MaxValue, "7fffffff");
        c.True(int.TryParse(" 1A ", NumberStyles.HexNumber, null, out value) && value == 26, "white space around hex");
        c.True(int.TryParse("000000000000001a", NumberStyles.HexNumber, null, out value) && value == 26, "leading zeros in hex");
        c.False(int.TryParse("100000000", NumberStyles.HexNumber, null, out _), "nine significant hex digits overflow");
        c.False(int.TryParse("0x10", NumberStyles.HexNumber, null, out _), "0x prefix is not accepted");
        c.False(int.TryParse("-1", NumberStyles.HexNumber, null, out _), "no sign in hex");
        c.False(int.TryParse("g", NumberStyles.HexNumber, null, out _), "g is not a hex digit");
        c.True(ulong.TryParse("ffffffffffffffff", NumberStyles.HexNumber, null, out ulong big) && big == ulong.MaxValue, "ulong max hex");
        c.True(byte.TryParse("80", NumberStyles.HexNumber, null, out byte b) && b == 0x80, "byte hex");
        c.True(sbyte.TryParse("80", NumberStyles.HexNumber, null, out sbyte sb) && sb == -128, "sbyte hex 80");
        c.True(long.TryParse("8000000000000000", NumberStyles.HexNumber, null, out long l) && l == long.MinValue, "long hex min");
        c.Equal(0xBEEF, int.Parse("beef", NumberStyles.HexNumber), "Parse hex");
        c.True(uint.TryParse("101", NumberStyles.BinaryNumber, null, out uint bits) && bits == 5, "binary");
    }

    private static void ParseWide(ConformanceCheck c)
    {
        c.Equal(ulong.MaxValue, ulong.Parse("18446744073709551615"), "ulong.MaxValue");
        c.Equal(long.MinValue, long.Parse("-9223372036854775808"), "long.MinValue");
        c.Equal(long.MaxValue, long.Parse("9223372036854775807"), "long.MaxValue");
        c.Equal(uint.MaxValue, uint.Parse("4294967295"), "uint.MaxValue");
        c.Equal(ulong.MaxValue, ulong.Parse(ulong.MaxValue.ToString()), "round trip");
        for (long value = -1000000; value <= 1000000; value += 99991)
            c.Equal(value, long.Parse(value.ToString()), "round trip " + value.ToString());
    }

    private static void SpanParsingAndFormatting(ConformanceCheck c)
    {
        ReadOnlySpan<char> line = "port=8080;";
        c.Equal(8080, int.Parse(line.Slice(5, 4)), "Parse(span)");
        c.True(int.TryParse(line.Slice(5, 4), out int port) && port == 8080, "TryParse(span)");
        c.False(int.TryParse(line.Slice(5), out _), "TryParse(span) with trailing text");

        Span<char> buffer = stackalloc char[16];
        c.True(1234.TryFormat(buffer, out int written), "TryFormat");
        c.Equal("1234", new string(buffer.Slice(0, written)), "TryFormat text");
        c.True(255.TryFormat(buffer, out written, "x4"), "TryFormat x4");
        c.Equal("00ff", new string(buffer.Slice(0, written)), "TryFormat x4 text");
        c.False(123456.TryFormat(buffer.Slice(0, 3), out written), "TryFormat into a short buffer");
        c.Equal(0, written, "nothing written into a short buffer");
    }

    private static void CompareAndEquals(ConformanceCheck c)
    {
        c.True(1.CompareTo(2) < 0, "1.CompareTo(2)");
        c.Equal(0, 5.CompareTo(5), "5.CompareTo(5)");
        c.True(uint.MaxValue.CompareTo(0u) > 0, "uint compare is unsigned");
        c.True((-1L).CompareTo(1L) < 0, "long compare is signed");
        c.True(3.Equals((object)3), "int.Equals(boxed int)");
        c.False(3.Equals((object)3L), "int.Equals(boxed long)");
        c.True(1.CompareTo((object)null) > 0, "CompareTo(null)");
        c.Equal(5.GetHashCode(), 5.GetHashCode(), "int hash is stable");
        c.True('a'.CompareTo('b') < 0, "char CompareTo");
    }

    private static void Booleans(ConformanceCheck c)
    {
        c.Equal("True", true.ToString(), "true.ToString()");
        c.Equal("False", false.ToString(), "false.ToString()");
        c.True(bool.Parse("true"), "Parse(\"true\")");
        c.True(bool.TryParse(" FALSE ", out bool value) && !value, "TryParse(\" FALSE \")");
        c.False(bool.TryParse("yes", out _), "TryParse(\"yes\")");
        c.False(bool.TryParse("1", out _), "TryParse(\"1\")");
        c.Equal(bool.TrueString, "True", "bool.TrueString");
    }

    private static void CharClassification(ConformanceCheck c)
    {
        c.True(char.IsDigit('7'), "IsDigit('7')");
        c.False(char.IsDigit('x'), "IsDigit('x')");
        c.True(char.IsLetter('q') && char.IsLetter('Q') && char.IsLetter('é'), "IsLetter");
        c.False(char.IsLetter('1') || char.IsLetter('_'), "IsLetter of non-letters");
        c.True(char.IsLetterOrDigit('9') && char.IsLetterOrDigit('z'), "IsLetterOrDigit");
        c.True(char.IsWhiteSpace(' ') && char.IsWhiteSpace('\t') && char.IsWhiteSpace('\u2028'), "IsWhiteSpace");
        c.False(char.IsWhiteSpace('x') || char.IsWhiteSpace('\0'), "IsWhiteSpace of others");
        c.True(char.IsUpper('A') && char.IsLower('a') && !char.IsUpper('a'), "IsUpper, IsLower");
        c.True(char.IsControl('\n') && !char.IsControl('n'), "IsControl");
        c.True(char.IsAsciiHexDigit('f') && char.IsAsciiHexDigit('F') && !char.IsAsciiHexDigit('g'), "IsAsciiHexDigit");
        c.True(char.IsPunctuation('!') && char.IsPunctuation(',') && !char.IsPunctuation('+'), "IsPunctuation");
        c.Equal("x", 'x'.ToString(), "char.ToString()");
    }

    private static void MathBasics(ConformanceCheck c)
    {
        c.Equal(2, Math.Min(2, 3), "Min");
        c.Equal(3L, Math.Max(2L, 3L), "Max long");
        c.Equal(5u, Math.Max(5u, 1u), "Max uint");
        c.Equal(7, Math.Abs(-7), "Abs");
        c.Equal(long.MaxValue, Math.Abs(-long.MaxValue), "Abs long");
        c.Equal(10, Math.Clamp(15, 0, 10), "Clamp above");
        c.Equal(0, Math.Clamp(-5, 0, 10), "Clamp below");
        c.Equal(4, Math.Clamp(4, 0, 10), "Clamp inside");
        c.Equal(-1, Math.Sign(-9), "Sign");
        c.Equal(0, Math.Sign(0L), "Sign 0");
        c.Equal((byte)9, Math.Min((byte)9, (byte)200), "Min byte");
    }

    private static void MathDivision(ConformanceCheck c)
    {
        c.Equal(3, Math.DivRem(17, 5, out int remainder), "DivRem quotient");
        c.Equal(2, remainder, "DivRem remainder");
        (int quotient, int rest) = Math.DivRem(-17, 5);
        c.Equal(-3, quotient, "DivRem tuple quotient rounds toward zero");
        c.Equal(-2, rest, "DivRem tuple remainder has the dividend's sign");
        (ulong q, ulong r) = Math.DivRem(100UL, 7UL);
        c.Equal(14UL, q, "DivRem ulong quotient");
        c.Equal(2UL, r, "DivRem ulong remainder");
        c.Equal(4611686014132420609L, Math.BigMul(int.MaxValue, int.MaxValue), "BigMul");
    }

    private static void Errors(ConformanceCheck c)
    {
        c.Throws<FormatException>(() => int.Parse("abc"), "Parse(\"abc\")");
        c.Throws<OverflowException>(() => int.Parse("99999999999"), "Parse overflow");
        c.Throws<FormatException>(() => int.Parse("99999999999x"), "format error wins over overflow");
        c.Throws<ArgumentNullException>(() => int.Parse((string)null), "Parse(null)");
        c.Throws<OverflowException>(() => byte.Parse("-1"), "byte.Parse(\"-1\")");
        c.Throws<FormatException>(() => 5.ToString("Q"), "unknown format letter");
        c.Throws<ArgumentException>(() => int.TryParse("1", NumberStyles.HexNumber | NumberStyles.AllowLeadingSign, null, out _), "hex with a sign style");
        c.Throws<OverflowException>(() => Math.Abs(int.MinValue), "Abs(int.MinValue)");
        c.Throws<ArgumentException>(() => Math.Clamp(1, 5, 3), "Clamp with min > max");
        c.Throws<FormatException>(() => bool.Parse("maybe"), "bool.Parse(\"maybe\")");
    }
}
