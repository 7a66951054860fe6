using System.Globalization;

namespace System;

/// <summary>A 16-bit unsigned integer. Formatting and parsing are culture-invariant (see Number).</summary>
public readonly struct UInt16 : IComparable, IComparable<ushort>, IEquatable<ushort>, IFormattable
{
    private readonly ushort m_value;

    public const ushort MaxValue = 0xFFFF;
    public const ushort MinValue = 0;

    public int CompareTo(ushort value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is ushort other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type UInt16.");
    }

    public bool Equals(ushort obj) => m_value == obj;

    public override bool Equals(object obj) => obj is ushort other && m_value == other;

    public override int GetHashCode() => m_value;

    public override string ToString() => Number.FormatUInt64(m_value, null);

    /// <summary>Standard formats "G", "D", "X"/"x", "B" with an optional digit count (see Number).</summary>
    public string ToString(string format) => Number.FormatUInt64(m_value, format);

    public string ToString(IFormatProvider provider) => ToString();

    public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
        Number.TryFormatUInt64(m_value, format, destination, out charsWritten);

    public static ushort Parse(string s) => Parse(s, NumberStyles.Integer, null);

    public static ushort Parse(string s, NumberStyles style) => Parse(s, style, null);

    public static ushort Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

    public static ushort Parse(string s, NumberStyles style, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    public static ushort Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
    {
        Number.ParsingStatus status = TryParse(s, style, out ushort result);
        if (status != Number.ParsingStatus.OK)
            throw Number.ParseFailure(status, "UInt16");
        return result;
    }

    public static bool TryParse(string s, out ushort result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, IFormatProvider provider, out ushort result) => TryParse(s, NumberStyles.Integer, provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, out ushort result) => TryParse(s, NumberStyles.Integer, null, out result);

    public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ushort result)
    {
        if (s == null)
        {
            Number.ValidateIntegerStyle(style);
            result = 0;
            return false;
        }
        return TryParse(s.AsSpan(), style, provider, out result);
    }

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ushort result) =>
        TryParse(s, style, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParse(ReadOnlySpan<char> s, NumberStyles style, out ushort result)
    {
        Number.ParsingStatus status = Number.TryParseUnsigned(s, style, 16, out ulong value);
        result = (ushort)value;
        return status;
    }
}
