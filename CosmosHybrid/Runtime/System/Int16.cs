using System.Globalization;

namespace System;

/// <summary>A 16-bit signed integer. Formatting and parsing are culture-invariant (see Number).</summary>
public readonly struct Int16 : IComparable, IComparable<short>, IEquatable<short>, IFormattable
{
    private readonly short m_value;

    public const short MaxValue = 0x7FFF;
    public const short MinValue = -0x8000;

    public int CompareTo(short value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is short other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type Int16.");
    }

    public bool Equals(short obj) => m_value == obj;

    public override bool Equals(object obj) => obj is short other && m_value == other;

    public override int GetHashCode() => m_value;

    public override string ToString() => Number.FormatInt64(m_value, 16, null);

    /// <summary>Standard formats "G", "D", "X"/"x", "B" with an optional digit count (see Number).</summary>
    public string ToString(string format) => Number.FormatInt64(m_value, 16, format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, 16, format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatInt64(m_value, 16, format, destination, out charsWritten);

    public static short Parse(string s) => Parse(s, NumberStyles.Integer, null);

    public static short Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static short Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

    public static short Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static short Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
    {
        Number.ParsingStatus status = TryParse(s, style, out short result);
        if (status != Number.ParsingStatus.OK)
            throw Number.ParseFailure(status, "Int16");
        return result;
    }

    public static bool TryParse(string s, out short result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out short result) => TryParse(s, NumberStyles.Integer, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out short result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result)
    {
        if (s == null)
        {
            Number.ValidateIntegerStyle(style);
            result = 0;
            return false;
        }
        return TryParse(s.AsSpan(), style, provider, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out short result) =>
        TryParse(s, style, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParse(ReadOnlySpan<char> s, NumberStyles style, out short result)
    {
        Number.ParsingStatus status = Number.TryParseSigned(s, style, 16, out long value);
        result = (short)value;
        return status;
    }
}
