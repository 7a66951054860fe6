using System.Globalization;

namespace System;

/// <summary>An 8-bit signed integer. Formatting and parsing are culture-invariant (see Number).</summary>
public readonly struct SByte : IComparable, IComparable<sbyte>, IEquatable<sbyte>, IFormattable
{
    private readonly sbyte m_value;

    public const sbyte MaxValue = 0x7F;
    public const sbyte MinValue = -0x80;

    public int CompareTo(sbyte value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is sbyte other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type SByte.");
    }

    public bool Equals(sbyte obj) => m_value == obj;

    public override bool Equals(object obj) => obj is sbyte other && m_value == other;

    public override int GetHashCode() => m_value;

    public override string ToString() => Number.FormatInt64(m_value, 8, null);

    /// <summary>Standard formats "G", "D", "X"/"x", "B" with an optional digit count (see Number).</summary>
    public string ToString(string format) => Number.FormatInt64(m_value, 8, format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, 8, format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatInt64(m_value, 8, format, destination, out charsWritten);

    public static sbyte Parse(string s) => Parse(s, NumberStyles.Integer, null);

    public static sbyte Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static sbyte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

    public static sbyte Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static sbyte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
    {
        Number.ParsingStatus status = TryParse(s, style, out sbyte result);
        if (status != Number.ParsingStatus.OK)
            throw Number.ParseFailure(status, "SByte");
        return result;
    }

    public static bool TryParse(string s, out sbyte result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out sbyte result) => TryParse(s, NumberStyles.Integer, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out sbyte result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result)
    {
        if (s == null)
        {
            Number.ValidateIntegerStyle(style);
            result = 0;
            return false;
        }
        return TryParse(s.AsSpan(), style, provider, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out sbyte result) =>
        TryParse(s, style, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParse(ReadOnlySpan<char> s, NumberStyles style, out sbyte result)
    {
        Number.ParsingStatus status = Number.TryParseSigned(s, style, 8, out long value);
        result = (sbyte)value;
        return status;
    }
}
