using System.Globalization;

namespace System;

/// <summary>A 32-bit unsigned integer. Formatting and parsing are culture-invariant (see Number).</summary>
public readonly struct UInt32 : IComparable, IComparable<uint>, IEquatable<uint>, IFormattable
{
    private readonly uint m_value;

    public const uint MaxValue = 0xFFFFFFFF;
    public const uint MinValue = 0;

    public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is uint other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type UInt32.");
    }

    public bool Equals(uint obj) => m_value == obj;

    public override bool Equals(object obj) => obj is uint other && m_value == other;

    public override int GetHashCode() => (int)m_value;

    public override string ToString() => Number.FormatUInt64(m_value, null);

    /// <summary>Standard formats "G", "D", "X"/"x", "B" with an optional digit count (see Number).</summary>
    public string ToString(string format) => Number.FormatUInt64(m_value, format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatUInt64(m_value, format, destination, out charsWritten);

    public static uint Parse(string s) => Parse(s, NumberStyles.Integer, null);

    public static uint Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static uint Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

    public static uint Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static uint Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
    {
        Number.ParsingStatus status = TryParse(s, style, out uint result);
        if (status != Number.ParsingStatus.OK)
            throw Number.ParseFailure(status, "UInt32");
        return result;
    }

    public static bool TryParse(string s, out uint result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out uint result) => TryParse(s, NumberStyles.Integer, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out uint result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result)
    {
        if (s == null)
        {
            Number.ValidateIntegerStyle(style);
            result = 0;
            return false;
        }
        return TryParse(s.AsSpan(), style, provider, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out uint result) =>
        TryParse(s, style, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParse(ReadOnlySpan<char> s, NumberStyles style, out uint result)
    {
        Number.ParsingStatus status = Number.TryParseUnsigned(s, style, 32, out ulong value);
        result = (uint)value;
        return status;
    }
}
