using System.Globalization;

namespace System;

/// <summary>A 64-bit unsigned integer. Formatting and parsing are culture-invariant (see Number).</summary>
public readonly struct UInt64 : IComparable, IComparable<ulong>, IEquatable<ulong>, IFormattable
{
    private readonly ulong m_value;

    public const ulong MaxValue = 0xFFFFFFFFFFFFFFFF;
    public const ulong MinValue = 0;

    public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is ulong other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type UInt64.");
    }

    public bool Equals(ulong obj) => m_value == obj;

    public override bool Equals(object obj) => obj is ulong other && m_value == other;

    public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

    public override string ToString() => Number.FormatUInt64(m_value, null);

    /// <summary>Standard formats "G", "D", "X"/"x", "B" with an optional digit count (see Number).</summary>
    public string ToString(string format) => Number.FormatUInt64(m_value, format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatUInt64(m_value, format, destination, out charsWritten);

    public static ulong Parse(string s) => Parse(s, NumberStyles.Integer, null);

    public static ulong Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static ulong Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

    public static ulong Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
    {
        Number.ParsingStatus status = TryParse(s, style, out ulong result);
        if (status != Number.ParsingStatus.OK)
            throw Number.ParseFailure(status, "UInt64");
        return result;
    }

    public static bool TryParse(string s, out ulong result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out ulong result) => TryParse(s, NumberStyles.Integer, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out ulong result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result)
    {
        if (s == null)
        {
            Number.ValidateIntegerStyle(style);
            result = 0;
            return false;
        }
        return TryParse(s.AsSpan(), style, provider, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ulong result) =>
        TryParse(s, style, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParse(ReadOnlySpan<char> s, NumberStyles style, out ulong result)
    {
        Number.ParsingStatus status = Number.TryParseUnsigned(s, style, 64, out ulong value);
        result = (ulong)value;
        return status;
    }
}
