using System.Globalization;

namespace System;

/// <summary>A 64-bit signed integer. Formatting and parsing are culture-invariant (see Number).</summary>
public readonly struct Int64 : IComparable, IComparable<long>, IEquatable<long>, IFormattable
{
    private readonly long m_value;

    public const long MaxValue = 0x7FFFFFFFFFFFFFFF;
    public const long MinValue = unchecked((long)0x8000000000000000);

    public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is long other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type Int64.");
    }

    public bool Equals(long obj) => m_value == obj;

    public override bool Equals(object obj) => obj is long other && m_value == other;

    public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

    public override string ToString() => Number.FormatInt64(m_value, 64, null);

    /// <summary>Standard formats "G", "D", "X"/"x", "B" with an optional digit count (see Number).</summary>
    public string ToString(string format) => Number.FormatInt64(m_value, 64, format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, 64, format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatInt64(m_value, 64, format, destination, out charsWritten);

    public static long Parse(string s) => Parse(s, NumberStyles.Integer, null);

    public static long Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static long Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

    public static long Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static long Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
    {
        Number.ParsingStatus status = TryParse(s, style, out long result);
        if (status != Number.ParsingStatus.OK)
            throw Number.ParseFailure(status, "Int64");
        return result;
    }

    public static bool TryParse(string s, out long result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out long result) => TryParse(s, NumberStyles.Integer, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out long result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result)
    {
        if (s == null)
        {
            Number.ValidateIntegerStyle(style);
            result = 0;
            return false;
        }
        return TryParse(s.AsSpan(), style, provider, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out long result) =>
        TryParse(s, style, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParse(ReadOnlySpan<char> s, NumberStyles style, out long result)
    {
        Number.ParsingStatus status = Number.TryParseSigned(s, style, 64, out long value);
        result = (long)value;
        return status;
    }
}
