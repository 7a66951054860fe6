using System.Globalization;

namespace System;

/// <summary>
/// A 64-bit IEEE 754 number. Text is culture-invariant: ToString gives the shortest text
/// that reads back as the same value, as .NET Core 3.0+ does (see FloatingPoint/).
/// </summary>
public readonly struct Double : IComparable, IComparable<double>, IEquatable<double>, IFormattable
{
    private readonly double m_value;

    public const double NaN = 0.0 / 0.0;
    public const double PositiveInfinity = 1.0 / 0.0;
    public const double NegativeInfinity = -1.0 / 0.0;
    public const double MaxValue = 1.7976931348623157E+308;
    public const double MinValue = -1.7976931348623157E+308;
    public const double Epsilon = 4.9406564584124654E-324;
    public const double NegativeZero = -0.0;
    public const double E = 2.7182818284590451;
    public const double Pi = 3.1415926535897931;
    public const double Tau = 6.2831853071795862;

#pragma warning disable CS1718 // NaN is the only value not equal to itself
    public static bool IsNaN(double d) => d != d;
#pragma warning restore CS1718

    public static bool IsInfinity(double d) => d == PositiveInfinity || d == NegativeInfinity;

    public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;

    public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;

    public static bool IsFinite(double d) => (BitConverter.DoubleToInt64Bits(d) & 0x7FFF_FFFF_FFFF_FFFF) < 0x7FF0_0000_0000_0000;

    /// <summary>True when the sign bit is set: for -0.0 too.</summary>
    public static bool IsNegative(double d) => BitConverter.DoubleToInt64Bits(d) < 0;

    public static bool IsNormal(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFF_FFFF_FFFF_FFFF;
        return bits >= 0x0010_0000_0000_0000 && bits < 0x7FF0_0000_0000_0000;
    }

    public static bool IsSubnormal(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFF_FFFF_FFFF_FFFF;
        return bits != 0 && bits < 0x0010_0000_0000_0000;
    }

    public static bool IsInteger(double d) => IsFinite(d) && d == Math.Truncate(d);

    /// <summary>NaN sorts before everything, as in .NET.</summary>
    public int CompareTo(double value)
    {
        if (m_value < value)
            return -1;
        if (m_value > value)
            return 1;
        if (m_value == value)
            return 0;
        return IsNaN(m_value) ? (IsNaN(value) ? 0 : -1) : 1;
    }

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is double other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type Double.");
    }

    /// <summary>NaN equals NaN here, unlike the == operator (as in .NET).</summary>
    public bool Equals(double obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

    public override bool Equals(object obj) => obj is double other && Equals(other);

    public override int GetHashCode()
    {
        double value = m_value;
        if (value == 0)
            return 0; // +0.0 and -0.0 are equal
        if (IsNaN(value))
            value = NaN;
        long bits = BitConverter.DoubleToInt64Bits(value);
        return (int)bits ^ (int)(bits >> 32);
    }

    public override string ToString() => Number.FormatFloat(new FloatBits(m_value), default);

    public string ToString(string format) => Number.FormatFloat(new FloatBits(m_value), format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => ToString(format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatFloat(new FloatBits(m_value), format, destination, out charsWritten);

    public static double Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null);

    public static double Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static double Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);

    public static double Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static double Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Float | NumberStyles.AllowThousands, IFormatProvider provider = null)
    {
        Number.ValidateFloatStyle(style);
        if (!FloatParser.TryParseDouble(s, style, out double result))
            throw Number.FloatParseFailure(s);
        return result;
    }

    public static bool TryParse(string s, out double result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out double result) =>
        TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out double result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out double result)
    {
        Number.ValidateFloatStyle(style);
        if (s == null)
        {
            result = 0;
            return false;
        }
        return FloatParser.TryParseDouble(s, style, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out double result)
    {
        Number.ValidateFloatStyle(style);
        return FloatParser.TryParseDouble(s, style, out result);
    }
}
