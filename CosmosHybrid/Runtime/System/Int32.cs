using System.Globalization;

namespace System;

/// <summary>A 32-bit signed integer. Formatting and parsing are culture-invariant (see Number).</summary>
public readonly struct Int32 : IComparable, IComparable<int>, IEquatable<int>, IFormattable
{
    private readonly int m_value;

    public const int MaxValue = 0x7FFFFFFF;
    public const int MinValue = unchecked((int)0x80000000);

    public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is int other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type Int32.");
    }

    public bool Equals(int obj) => m_value == obj;

    public override bool Equals(object obj) => obj is int other && m_value == other;

    public override int GetHashCode() => m_value;

    public override string ToString() => Number.FormatInt64(m_value, 32, null);

    /// <summary>Standard formats "G", "D", "X"/"x", "B" with an optional digit count (see Number).</summary>
    public string ToString(string format) => Number.FormatInt64(m_value, 32, format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, 32, format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatInt64(m_value, 32, format, destination, out charsWritten);

    public static int Parse(string s) => Parse(s, NumberStyles.Integer, null);

    public static int Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static int Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

    public static int Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static int Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
    {
        Number.ParsingStatus status = TryParse(s, style, out int result);
        if (status != Number.ParsingStatus.OK)
            throw Number.ParseFailure(status, "Int32");
        return result;
    }

    public static bool TryParse(string s, out int result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out int result) => TryParse(s, NumberStyles.Integer, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out int result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result)
    {
        if (s == null)
        {
            Number.ValidateIntegerStyle(style);
            result = 0;
            return false;
        }
        return TryParse(s.AsSpan(), style, provider, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out int result) =>
        TryParse(s, style, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParse(ReadOnlySpan<char> s, NumberStyles style, out int result)
    {
        Number.ParsingStatus status = Number.TryParseSigned(s, style, 32, out long value);
        result = (int)value;
        return status;
    }
}
