using System;
using System.Globalization;
using System.Text;

namespace CosmosHybrid.SelfTest.Conformance;

/// <summary>double and float text (ToString, formats, Parse) and the floating-point Math functions.</summary>
internal static class FloatingPointCases
{
    public static ConformanceCase[] Cases => new[]
    {
        new ConformanceCase("float: shortest round-trip ToString", Shortest),
        new ConformanceCase("float: NaN, infinities and negative zero", SpecialValues),
        new ConformanceCase("float: G, R and E formats", ScientificFormats),
        new ConformanceCase("float: F, N and P formats round half to even", FixedFormats),
        new ConformanceCase("float: float ToString", SingleText),
        new ConformanceCase("float: TryFormat, interpolation and StringBuilder", Composition),
        new ConformanceCase("float: Parse and TryParse accept", ParseAccepts),
        new ConformanceCase("float: Parse rounds correctly", ParseRounds),
        new ConformanceCase("float: TryParse rejects malformed text", ParseRejects),
        new ConformanceCase("float: generated values read back", GeneratedValues),
        new ConformanceCase("float: classification and comparison", Classification),
        new ConformanceCase("float: Math.Floor, Ceiling, Truncate, Round", Rounding),
        new ConformanceCase("float: Math.Round with digits and modes", RoundingModes),
        new ConformanceCase("float: Math.Abs, Min, Max, Sign, CopySign", SignAndMagnitude),
        new ConformanceCase("float: Math.Sqrt, Pow, Exp, Log", ExponentialFunctions),
        new ConformanceCase("float: Math.Sin, Cos, Tan, Atan2 and inverses", Trigonometry),
        new ConformanceCase("float: MathF", SinglePrecisionMath),
        new ConformanceCase("float: format errors", FormatErrors),
    };

    private static string Text(double value, string format = null) => value.ToString(format, CultureInfo.InvariantCulture);

    private static void Shortest(ConformanceCheck c)
    {
        c.Equal("0.1", 0.1.ToString(), "0.1");
        c.Equal("0.30000000000000004", (0.1 + 0.2).ToString(), "0.1 + 0.2");
        c.Equal("0.3333333333333333", (1.0 / 3).ToString(), "1/3");
        c.Equal("3.141592653589793", Math.PI.ToString(), "pi");
        c.Equal("1E+23", 1e23.ToString(), "1e23 (a tie the even mantissa wins)");
        c.Equal("1.7976931348623157E+308", double.MaxValue.ToString(), "MaxValue");
        c.Equal("5E-324", double.Epsilon.ToString(), "Epsilon");
        c.Equal("2.2250738585072014E-308", 2.2250738585072014E-308.ToString(), "smallest normal");
        c.Equal("12345678901234568", 12345678901234567.0.ToString(), "17 integer digits print whole");
        c.Equal("1.2345678901234568E+17", 123456789012345678.0.ToString(), "18 do not");
        c.Equal("1.2345678901234568E+20", 123456789012345678901.0.ToString(), "beyond 17 digits");
        c.Equal("1E-05", 0.00001.ToString(), "1e-5 is scientific");
        c.Equal("0.0001", 0.0001.ToString(), "1e-4 is not");
        c.Equal("-1234.5678", (-1234.5678).ToString(), "negative");
        c.Equal("9007199254740992", 9007199254740993.0.ToString(), "2^53 + 1 is no double: the literal is 2^53");
        c.Equal("42", 42.0.ToString(), "integer");
    }

    private static void SpecialValues(ConformanceCheck c)
    {
        c.Equal("NaN", double.NaN.ToString(), "NaN");
        c.Equal("Infinity", double.PositiveInfinity.ToString(), "+inf");
        c.Equal("-Infinity", double.NegativeInfinity.ToString(), "-inf");
        c.Equal("-0", (-0.0).ToString(), "-0");
        c.Equal("-0.00", Text(-0.0, "F2"), "-0 F2");
        c.Equal("-0.00", Text(-0.001, "F2"), "a negative value rounding to zero keeps its sign");
        c.Equal("NaN", Text(double.NaN, "F2"), "NaN F2");
        c.Equal("-Infinity", Text(double.NegativeInfinity, "N"), "-inf N");
        c.Equal("-0E+000", Text(-0.0, "E0"), "-0 E0");
        c.Equal("0.00 %", Text(0.0, "P"), "0 P");
    }

    private static void ScientificFormats(ConformanceCheck c)
    {
        c.Equal("1.2345678901234568E-05", Text(1.2345678901234567E-05, "R"), "R");
        c.Equal("1.23E+03", Text(1234.5678, "G3"), "G3");
        c.Equal("1234.57", Text(1234.5678, "G6"), "G6");
        c.Equal("0.10000000000000001", Text(0.1, "G17"), "G17");
        c.Equal("0.000123", Text(0.0001234, "G3"), "G3 small");
        c.Equal("1.234568E+003", Text(1234.5678, "E"), "E");
        c.Equal("1.23e+003", Text(1234.5678, "e2"), "e2");
        c.Equal("1E+010", Text(1e10, "E0"), "E0");
        c.Equal("2E+000", Text(2.5, "E0"), "E0 tie to even");
        c.Equal("1.25E-001", Text(0.125, "E2"), "E2 exact");
        c.Equal("1.23456000000000003069544618483632802963256835937500E+002", Text(123.456, "E50"), "E50: the exact binary value");
        c.Equal("2.6749999999999998", Text(2.675, "G17"), "2.675 is below 2.675");
        c.Equal("1e+16", Text(1e16, "g1"), "g1");
    }

    private static void FixedFormats(ConformanceCheck c)
    {
        c.Equal("1234.57", Text(1234.5678, "F"), "F");
        c.Equal("0.12", Text(0.125, "F2"), "F2 tie goes to even");
        c.Equal("0.38", Text(0.375, "F2"), "F2 tie goes to even (up)");
        c.Equal("2.67", Text(2.675, "F2"), "2.675 is below the tie");
        c.Equal("2", Text(2.5, "F0"), "F0 2.5");
        c.Equal("4", Text(3.5, "F0"), "F0 3.5");
        c.Equal("0.100000000000000005551115123126", Text(0.1, "F30"), "F30");
        c.Equal("99999999999999991611392", Text(1e23, "F0"), "F0 of 1e23 is exact");
        c.Equal("-1,234,567.89", Text(-1234567.891, "N"), "N");
        c.Equal("1,234,568", Text(1234567.891, "N0"), "N0");
        c.Equal("0.0", Text(0.04, "N1"), "N1 small");
        c.Equal("12.50 %", Text(0.125, "P"), "P");
        c.Equal("-50 %", Text(-0.5, "P0"), "P0");
        c.Equal("1,234.6 %", Text(12.3456, "P1"), "P1 groups");
        c.Equal(309 + 3, Text(double.MaxValue, "F2").Length, "F2 of MaxValue has every digit");
    }

    private static void SingleText(ConformanceCheck c)
    {
        c.Equal("0.1", 0.1f.ToString(), "0.1f");
        c.Equal("0.33333334", (1f / 3).ToString(), "1/3f");
        c.Equal("3.4028235E+38", float.MaxValue.ToString(), "float.MaxValue");
        c.Equal("1E-45", float.Epsilon.ToString(), "float.Epsilon");
        c.Equal("100000000", 1e8f.ToString(), "1e8f prints whole (9 digits)");
        c.Equal("1E+09", 1e9f.ToString(), "1e9f is scientific");
        c.Equal("16777216", 16777216f.ToString(), "2^24");
        c.Equal("0.100000001", 0.1f.ToString("G9", CultureInfo.InvariantCulture), "G9");
        c.Equal("3.14", 3.14159f.ToString("F2", CultureInfo.InvariantCulture), "F2");
        c.Equal("NaN", float.NaN.ToString(), "float NaN");
        c.Equal("-0", (-0f).ToString(), "float -0");
    }

    private static void Composition(ConformanceCheck c)
    {
        double pi = Math.PI;
        float half = 0.5f;
        c.Equal("pi=3.141592653589793, 3.14, half=0.5", $"pi={pi}, {pi:F2}, half={half}", "interpolation");
        c.Equal("[  1.5]", $"[{1.5,5}]", "interpolation alignment");
        Span<char> buffer = stackalloc char[8];
        c.True(2.5.TryFormat(buffer, out int written, "F3", CultureInfo.InvariantCulture), "TryFormat fits");
        c.Equal("2.500", buffer.Slice(0, written).ToString(), "TryFormat text");
        c.False(Math.PI.TryFormat(buffer, out written), "TryFormat too small");
        c.Equal(0, written, "nothing written");
        var builder = new StringBuilder();
        builder.Append(0.25).Append(' ').Append(1.5f);
        c.Equal("0.25 1.5", builder.ToString(), "StringBuilder.Append");
        c.Equal("1.5", ((object)1.5).ToString(), "boxed");
        c.Equal("0.5", string.Format(CultureInfo.InvariantCulture, "{0}", 0.5), "string.Format");
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static void ParseAccepts(ConformanceCheck c)
    {
        c.Equal(1.5, Parse("1.5"), "1.5");
        c.Equal(-0.25, Parse("  -0.25  "), "white space and sign");
        c.Equal(12345.0, Parse("1,234.5e1"), "thousands and exponent");
        c.Equal(0.5, Parse(".5"), ".5");
        c.Equal(5.0, Parse("5."), "5.");
        c.Equal(100000.0, Parse("1E5"), "1E5");
        c.Equal(1e-5, Parse("1e-5"), "1e-5");
        c.Equal(12.0, Parse("1,,2"), "repeated separators");
        c.Equal(double.PositiveInfinity, Parse("Infinity"), "Infinity");
        c.Equal(double.NegativeInfinity, Parse("-infinity"), "-infinity");
        c.True(double.IsNaN(Parse("NaN")), "NaN");
        c.True(double.IsNaN(Parse("-nan")), "-nan");
        c.True(double.IsNegative(Parse("-0")), "-0 keeps its sign");
        c.Equal(double.PositiveInfinity, Parse("1e400"), "overflow gives infinity");
        c.Equal(0.0, Parse("1e-400"), "underflow gives zero");
        c.True(double.TryParse("2.5", out double value) && value == 2.5, "TryParse(string)");
        c.True(double.TryParse("2.5".AsSpan(), out value) && value == 2.5, "TryParse(span)");
        c.Equal(0.1f, float.Parse("0.1", CultureInfo.InvariantCulture), "float.Parse");
        c.Equal(1.5, double.Parse("1.5".AsSpan(), NumberStyles.Float, CultureInfo.InvariantCulture), "span Parse");
    }

    private static void ParseRounds(ConformanceCheck c)
    {
        c.Equal(9007199254740992.0, Parse("9007199254740993"), "a tie rounds to the even mantissa");
        c.Equal(9007199254740996.0, Parse("9007199254740995"), "a tie rounds to the even mantissa (up)");
        c.Equal(9007199254740994.0, Parse("9007199254740993.0000000000000000000000000001"), "just above the tie rounds up");
        c.Equal(double.Epsilon, Parse("2.4703282292062328e-324"), "just above half the smallest subnormal");
        c.Equal(0.0, Parse("2.4703282292062327e-324"), "just below it");
        c.Equal(double.MaxValue, Parse("1.7976931348623158e308"), "below the overflow threshold");
        c.Equal(double.PositiveInfinity, Parse("1.7976931348623159e308"), "above it");
        c.Equal(0.1, Parse("0." + new string('0', 0) + "1000000000000000055511151231257827021181583404541015625"), "the exact value of 0.1");
        c.Equal(1.0, Parse("0." + new string('9', 800)), "800 nines round up to 1");
        c.Equal(1e23, Parse("1e23"), "1e23");
        c.Equal(16777216f, float.Parse("16777217", CultureInfo.InvariantCulture), "float tie");
        c.Equal(1.00000012f, float.Parse("1.00000006", CultureInfo.InvariantCulture), "float rounds once (not via double)");
    }

    private static void ParseRejects(ConformanceCheck c)
    {
        foreach (string text in new[] { "", " ", ".", "-", "1e", "1e+", ",1", "1.5.2", "0x10", "1_0", "∞", "Infinityx", "1 2", "e5", "--1" })
            c.False(double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _), "rejects \"" + text + "\"");
        c.False(double.TryParse("1,000", NumberStyles.Float, CultureInfo.InvariantCulture, out _), "thousands need AllowThousands");
        c.False(double.TryParse((string)null, out _), "null");
        c.Throws<FormatException>(() => double.Parse("abc", CultureInfo.InvariantCulture), "Parse throws FormatException");
        c.Throws<ArgumentNullException>(() => double.Parse((string)null, CultureInfo.InvariantCulture), "Parse(null)");
        c.Throws<ArgumentException>(() => double.Parse("1", NumberStyles.HexNumber), "hexadecimal style");
    }

    private static void GeneratedValues(ConformanceCheck c)
    {
        string summary = FloatTextVectors.Summary(200);
        c.True(summary.EndsWith(", 0 round-trip failures", StringComparison.Ordinal), "generated values: " + summary);
    }

    private static void Classification(ConformanceCheck c)
    {
        c.True(double.IsFinite(1.0) && !double.IsFinite(double.NaN) && !double.IsFinite(double.NegativeInfinity), "IsFinite");
        c.True(double.IsNegative(-0.0) && !double.IsNegative(0.0), "IsNegative");
        c.True(double.IsSubnormal(double.Epsilon) && !double.IsSubnormal(1.0), "IsSubnormal");
        c.True(double.IsNormal(1.0) && !double.IsNormal(0.0), "IsNormal");
        c.True(double.IsPositiveInfinity(1 / 0.0) && double.IsNegativeInfinity(-1 / 0.0), "infinities");
        c.True(double.IsInteger(3.0) && !double.IsInteger(3.5), "IsInteger");
        c.Equal(-1, double.NaN.CompareTo(0.0), "NaN sorts first");
        c.Equal(0, double.NaN.CompareTo(double.NaN), "NaN equals NaN in CompareTo");
        c.Equal(1, 2.0.CompareTo(1.0), "CompareTo");
        c.True(float.IsNaN(float.NaN) && float.IsNegative(-0f) && float.IsSubnormal(float.Epsilon), "float classification");
        c.Equal(0x3FF0000000000000L, BitConverter.DoubleToInt64Bits(1.0), "DoubleToInt64Bits");
        c.Equal(1.5f, BitConverter.Int32BitsToSingle(0x3FC00000), "Int32BitsToSingle");
    }

    private static void Rounding(ConformanceCheck c)
    {
        c.Equal(2.0, Math.Floor(2.7), "Floor");
        c.Equal(-3.0, Math.Floor(-2.1), "Floor negative");
        c.Equal(3.0, Math.Ceiling(2.1), "Ceiling");
        c.True(double.IsNegative(Math.Ceiling(-0.5)), "Ceiling(-0.5) is -0");
        c.True(double.IsNegative(Math.Truncate(-0.7)), "Truncate(-0.7) is -0");
        c.Equal(-2.0, Math.Truncate(-2.7), "Truncate");
        c.Equal(2.0, Math.Round(2.5), "Round half to even");
        c.Equal(4.0, Math.Round(3.5), "Round half to even (up)");
        c.Equal(-2.0, Math.Round(-2.5), "Round negative half");
        c.Equal(4503599627370497.0, Math.Round(4503599627370497.0), "integers of 2^52 stay");
        c.Equal(1e300, Math.Floor(1e300), "large values stay");
        c.True(double.IsNaN(Math.Floor(double.NaN)), "Floor NaN");
        c.Equal(double.NegativeInfinity, Math.Ceiling(double.NegativeInfinity), "Ceiling -inf");
        c.Equal(0.0, Math.Round(0.49999999999999994), "the largest double below one half");
    }

    private static void RoundingModes(ConformanceCheck c)
    {
        c.Equal(3.0, Math.Round(2.5, MidpointRounding.AwayFromZero), "AwayFromZero");
        c.Equal(-3.0, Math.Round(-2.5, MidpointRounding.AwayFromZero), "AwayFromZero negative");
        c.Equal(2.0, Math.Round(2.9, MidpointRounding.ToZero), "ToZero");
        c.Equal(-3.0, Math.Round(-2.1, MidpointRounding.ToNegativeInfinity), "ToNegativeInfinity");
        c.Equal(3.0, Math.Round(2.1, MidpointRounding.ToPositiveInfinity), "ToPositiveInfinity");
        c.Equal(1.23, Math.Round(1.2345, 2), "2 digits");
        c.Equal(2.68, Math.Round(2.675, 2, MidpointRounding.AwayFromZero), "2.675 × 100 rounds to 267.5 first, as in .NET");
        c.Equal(0.13, Math.Round(0.125, 2, MidpointRounding.AwayFromZero), "0.125 AwayFromZero");
        c.Equal(0.12, Math.Round(0.125, 2), "0.125 ToEven");
        c.Equal(1e16, Math.Round(1e16, 3), "large values are left alone");
        c.Throws<ArgumentOutOfRangeException>(() => Math.Round(1.0, 16), "16 digits");
        c.Throws<ArgumentException>(() => Math.Round(1.0, (MidpointRounding)7), "bad mode");
    }

    private static void SignAndMagnitude(ConformanceCheck c)
    {
        c.Equal(2.5, Math.Abs(-2.5), "Abs");
        c.False(double.IsNegative(Math.Abs(-0.0)), "Abs(-0)");
        c.Equal(1.5f, Math.Abs(-1.5f), "Abs float");
        c.Equal(3.0, Math.Max(2.0, 3.0), "Max");
        c.Equal(2.0, Math.Min(2.0, 3.0), "Min");
        c.True(double.IsNaN(Math.Max(double.NaN, 1.0)) && double.IsNaN(Math.Min(1.0, double.NaN)), "NaN wins");
        c.False(double.IsNegative(Math.Max(-0.0, 0.0)), "Max(-0, 0) is +0");
        c.True(double.IsNegative(Math.Min(0.0, -0.0)), "Min(0, -0) is -0");
        c.Equal(-1, Math.Sign(-2.5), "Sign");
        c.Equal(0, Math.Sign(-0.0), "Sign(-0)");
        c.Throws<ArithmeticException>(() => Math.Sign(double.NaN), "Sign(NaN)");
        c.Equal(-3.0, Math.CopySign(3.0, -0.0), "CopySign");
        c.Equal(2.5, Math.Clamp(7.0, 1.0, 2.5), "Clamp");
        c.Equal(1.0000000000000002, Math.BitIncrement(1.0), "BitIncrement");
        c.Equal(-double.Epsilon, Math.BitDecrement(0.0), "BitDecrement");
    }

    /// <summary>Within one unit in the last place of .NET's result (glibc's on Linux).</summary>
    private static bool Near(double expected, double actual)
    {
        if (expected == actual || (double.IsNaN(expected) && double.IsNaN(actual)))
            return true;
        long distance = BitConverter.DoubleToInt64Bits(expected) - BitConverter.DoubleToInt64Bits(actual);
        return (expected < 0) == (actual < 0) && distance >= -1 && distance <= 1;
    }

    private static void ExponentialFunctions(ConformanceCheck c)
    {
        c.Equal(1.4142135623730951, Math.Sqrt(2), "Sqrt(2) is correctly rounded");
        c.Equal(3.0, Math.Sqrt(9), "Sqrt(9)");
        c.True(double.IsNaN(Math.Sqrt(-1)), "Sqrt(-1)");
        c.True(double.IsNegative(Math.Sqrt(-0.0)), "Sqrt(-0)");
        c.Equal(1024.0, Math.Pow(2, 10), "Pow(2, 10)");
        c.Equal(0.001, Math.Pow(10, -3), "Pow(10, -3)");
        c.Equal(-8.0, Math.Pow(-2, 3), "Pow(-2, 3)");
        c.True(double.IsNaN(Math.Pow(-2, 0.5)), "Pow(-2, 0.5)");
        c.Equal(1.0, Math.Pow(double.NaN, 0), "Pow(NaN, 0)");
        c.Equal(1.0, Math.Pow(1, double.NaN), "Pow(1, NaN)");
        c.Equal(double.PositiveInfinity, Math.Pow(0, -1), "Pow(0, -1)");
        c.Equal(double.NegativeInfinity, Math.Pow(-0.0, -3), "Pow(-0, -3)");
        c.Equal(0.0, Math.Pow(0.5, double.PositiveInfinity), "Pow(0.5, +inf)");
        c.True(Near(1.4142135623730951, Math.Pow(2, 0.5)), "Pow(2, 0.5)");
        c.True(Near(2.65692890962935, Math.Pow(1.5, 2.41)), "Pow(1.5, 2.41)");
        c.Equal(1.0, Math.Exp(0), "Exp(0)");
        c.Equal(Math.E, Math.Exp(1), "Exp(1)");
        c.Equal(double.PositiveInfinity, Math.Exp(710), "Exp overflow");
        c.Equal(0.0, Math.Exp(-746), "Exp underflow");
        c.True(Near(4.5399929762484854E-05, Math.Exp(-10)), "Exp(-10)");
        c.Equal(0.0, Math.Log(1), "Log(1)");
        c.Equal(1.0, Math.Log(Math.E), "Log(e)");
        c.Equal(double.NegativeInfinity, Math.Log(0), "Log(0)");
        c.True(double.IsNaN(Math.Log(-1)), "Log(-1)");
        c.True(Near(2.302585092994046, Math.Log(10)), "Log(10)");
        c.Equal(3.0, Math.Log10(1000), "Log10(1000)");
        c.Equal(-300.0, Math.Log10(1e-300), "Log10(1e-300)");
        c.Equal(10.0, Math.Log2(1024), "Log2(1024)");
        c.Equal(-1074.0, Math.Log2(double.Epsilon), "Log2(Epsilon)");
        c.Equal(3.0, Math.Log(8, 2), "Log(8, 2)");
    }

    private static void Trigonometry(ConformanceCheck c)
    {
        c.Equal(0.0, Math.Sin(0), "Sin(0)");
        c.True(double.IsNegative(Math.Sin(-0.0)), "Sin(-0)");
        c.Equal(1.0, Math.Cos(0), "Cos(0)");
        c.Equal(1.2246467991473532E-16, Math.Sin(Math.PI), "Sin(pi): pi is not π");
        c.Equal(-1.0, Math.Cos(Math.PI), "Cos(pi)");
        c.Equal(1.0, Math.Sin(Math.PI / 2), "Sin(pi/2)");
        c.True(Near(0.8414709848078965, Math.Sin(1)), "Sin(1)");
        c.True(Near(0.5403023058681398, Math.Cos(1)), "Cos(1)");
        c.True(Near(1.5574077246549023, Math.Tan(1)), "Tan(1)");
        c.True(Near(-0.8522008497671888, Math.Sin(1e22)), "Sin(1e22): exact reduction");
        c.True(Near(-0.8178819121159085, Math.Sin(1e300)), "Sin(1e300)");
        c.True(double.IsNaN(Math.Sin(double.PositiveInfinity)), "Sin(inf)");
        c.Equal(Math.PI / 4, Math.Atan(1), "Atan(1)");
        c.Equal(Math.PI / 2, Math.Atan(double.PositiveInfinity), "Atan(inf)");
        c.Equal(Math.PI / 4, Math.Atan2(1, 1), "Atan2(1, 1)");
        c.Equal(Math.PI, Math.Atan2(0.0, -1), "Atan2(0, -1)");
        c.Equal(-Math.PI, Math.Atan2(-0.0, -0.0), "Atan2(-0, -0)");
        c.Equal(-3 * Math.PI / 4, Math.Atan2(double.NegativeInfinity, double.NegativeInfinity), "Atan2(-inf, -inf)");
        c.Equal(Math.PI / 2, Math.Asin(1), "Asin(1)");
        c.Equal(Math.PI, Math.Acos(-1), "Acos(-1)");
        c.Equal(0.0, Math.Acos(1), "Acos(1)");
        c.True(double.IsNaN(Math.Asin(1.5)), "Asin(1.5)");
        c.True(Near(0.5235987755982989, Math.Asin(0.5)), "Asin(0.5)");
        c.True(Near(1.0471975511965979, Math.Acos(0.5)), "Acos(0.5)");
    }

    private static void SinglePrecisionMath(ConformanceCheck c)
    {
        c.Equal(1.41421354f, MathF.Sqrt(2f), "Sqrt");
        c.Equal(1024f, MathF.Pow(2f, 10f), "Pow");
        c.Equal(2.71828175f, MathF.Exp(1f), "Exp");
        c.Equal(0.841470957f, MathF.Sin(1f), "Sin");
        c.Equal(3f, MathF.Floor(3.7f), "Floor");
        c.Equal(2f, MathF.Round(2.5f), "Round");
        c.Equal(0.785398185f, MathF.Atan2(1f, 1f), "Atan2");
        c.Equal(2f, MathF.Log2(4f), "Log2");
    }

    private static void FormatErrors(ConformanceCheck c)
    {
        c.Throws<FormatException>(() => 1.5.ToString("Z", CultureInfo.InvariantCulture), "unknown letter");
        c.Throws<FormatException>(() => 1.5.ToString("D", CultureInfo.InvariantCulture), "D is for integers");
        c.Throws<FormatException>(() => 1.5.ToString("X2", CultureInfo.InvariantCulture), "X is for integers");
        c.Throws<FormatException>(() => 1.5.ToString("G1000000000", CultureInfo.InvariantCulture), "precision too large");
    }
}
