using System.Globalization;

namespace System;

/// <summary>An 8-bit unsigned integer. Formatting and parsing are culture-invariant (see Number).</summary>
public readonly struct Byte : IComparable, IComparable<byte>, IEquatable<byte>, IFormattable
{
    private readonly byte m_value;

    public const byte MaxValue = 0xFF;
    public const byte MinValue = 0;

    public int CompareTo(byte value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is byte other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type Byte.");
    }

    public bool Equals(byte obj) => m_value == obj;

    public override bool Equals(object obj) => obj is byte other && m_value == other;

    public override int GetHashCode() => m_value;

    public override string ToString() => Number.FormatUInt64(m_value, null);

    /// <summary>Standard formats "G", "D", "X"/"x", "B" with an optional digit count (see Number).</summary>
    public string ToString(string format) => Number.FormatUInt64(m_value, format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatUInt64(m_value, format, destination, out charsWritten);

    public static byte Parse(string s) => Parse(s, NumberStyles.Integer, null);

    public static byte Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static byte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

    public static byte Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static byte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
    {
        Number.ParsingStatus status = TryParse(s, style, out byte result);
        if (status != Number.ParsingStatus.OK)
            throw Number.ParseFailure(status, "Byte");
        return result;
    }

    public static bool TryParse(string s, out byte result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out byte result) => TryParse(s, NumberStyles.Integer, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out byte result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result)
    {
        if (s == null)
        {
            Number.ValidateIntegerStyle(style);
            result = 0;
            return false;
        }
        return TryParse(s.AsSpan(), style, provider, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out byte result) =>
        TryParse(s, style, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParse(ReadOnlySpan<char> s, NumberStyles style, out byte result)
    {
        Number.ParsingStatus status = Number.TryParseUnsigned(s, style, 8, out ulong value);
        result = (byte)value;
        return status;
    }
}
