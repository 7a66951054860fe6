using System.Globalization;

namespace System;

/// <summary>
/// A 32-bit IEEE 754 number. Text is culture-invariant: ToString gives the shortest text
/// that reads back as the same value, as .NET Core 3.0+ does (see FloatingPoint/).
/// </summary>
public readonly struct Single : IComparable, IComparable<float>, IEquatable<float>, IFormattable
{
    private readonly float m_value;

    public const float NaN = 0.0f / 0.0f;
    public const float PositiveInfinity = 1.0f / 0.0f;
    public const float NegativeInfinity = -1.0f / 0.0f;
    public const float MaxValue = 3.40282347E+38f;
    public const float MinValue = -3.40282347E+38f;
    public const float Epsilon = 1.401298E-45f;
    public const float NegativeZero = -0.0f;
    public const float E = 2.71828183f;
    public const float Pi = 3.14159265f;
    public const float Tau = 6.28318531f;

#pragma warning disable CS1718 // NaN is the only value not equal to itself
    public static bool IsNaN(float d) => d != d;
#pragma warning restore CS1718

    public static bool IsInfinity(float d) => d == PositiveInfinity || d == NegativeInfinity;

    public static bool IsPositiveInfinity(float d) => d == PositiveInfinity;

    public static bool IsNegativeInfinity(float d) => d == NegativeInfinity;

    public static bool IsFinite(float d) => (BitConverter.SingleToInt32Bits(d) & 0x7FFF_FFFF) < 0x7F80_0000;

    /// <summary>True when the sign bit is set: for -0.0 too.</summary>
    public static bool IsNegative(float d) => BitConverter.SingleToInt32Bits(d) < 0;

    public static bool IsNormal(float d)
    {
        int bits = BitConverter.SingleToInt32Bits(d) & 0x7FFF_FFFF;
        return bits >= 0x0080_0000 && bits < 0x7F80_0000;
    }

    public static bool IsSubnormal(float d)
    {
        int bits = BitConverter.SingleToInt32Bits(d) & 0x7FFF_FFFF;
        return bits != 0 && bits < 0x0080_0000;
    }

    public static bool IsInteger(float d) => IsFinite(d) && d == MathF.Truncate(d);

    /// <summary>NaN sorts before everything, as in .NET.</summary>
    public int CompareTo(float value)
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
        if (value is float other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type Single.");
    }

    /// <summary>NaN equals NaN here, unlike the == operator (as in .NET).</summary>
    public bool Equals(float obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

    public override bool Equals(object obj) => obj is float other && Equals(other);

    public override int GetHashCode()
    {
        float value = m_value;
        if (value == 0)
            return 0; // +0.0 and -0.0 are equal
        if (IsNaN(value))
            value = NaN;
        return BitConverter.SingleToInt32Bits(value);
    }

    public override string ToString() => Number.FormatFloat(new FloatBits(m_value), default);

    public string ToString(string format) => Number.FormatFloat(new FloatBits(m_value), format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => ToString(format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatFloat(new FloatBits(m_value), format, destination, out charsWritten);

    public static float Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null);

    public static float Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static float Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);

    public static float Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static float Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Float | NumberStyles.AllowThousands, IFormatProvider provider = null)
    {
        Number.ValidateFloatStyle(style);
        if (!FloatParser.TryParseSingle(s, style, out float result))
            throw Number.FloatParseFailure(s);
        return result;
    }

    public static bool TryParse(string s, out float result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out float result) =>
        TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out float result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out float result)
    {
        Number.ValidateFloatStyle(style);
        if (s == null)
        {
            result = 0;
            return false;
        }
        return FloatParser.TryParseSingle(s, style, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out float result)
    {
        Number.ValidateFloatStyle(style);
        return FloatParser.TryParseSingle(s, style, out result);
    }
}
