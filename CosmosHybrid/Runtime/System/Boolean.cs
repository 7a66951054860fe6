namespace System;

/// <summary>true or false; its text forms are "True" and "False".</summary>
public readonly struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>
{
    private readonly bool m_value;

    public static readonly string TrueString = "True";
    public static readonly string FalseString = "False";

    public int CompareTo(bool value) => m_value == value ? 0 : m_value ? 1 : -1;

    public int CompareTo(object obj)
    {
        if (obj == null)
            return 1;
        if (obj is bool other)
            return CompareTo(other);
        throw new ArgumentException("Object must be of type Boolean.");
    }

    public bool Equals(bool obj) => m_value == obj;

    public override bool Equals(object obj) => obj is bool other && m_value == other;

    public override int GetHashCode() => m_value ? 1 : 0;

    public override string ToString() => m_value ? "True" : "False";

    public string ToString(IFormatProvider provider) => ToString();

    /// <summary>"True" or "False" in any letter case, with surrounding white space.</summary>
    public static bool Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!TryParse(value.AsSpan(), out bool result))
            throw new FormatException("String '" + value + "' was not recognized as a valid Boolean.");
        return result;
    }

    public static bool Parse(ReadOnlySpan<char> value)
    {
        if (!TryParse(value, out bool result))
            throw new FormatException("String was not recognized as a valid Boolean.");
        return result;
    }

    public static bool TryParse(string value, out bool result)
    {
        if (value == null)
        {
            result = false;
            return false;
        }
        return TryParse(value.AsSpan(), out result);
    }

    public static bool TryParse(ReadOnlySpan<char> value, out bool result)
    {
        // .NET also trims NUL characters at the end.
        int end = value.Length;
        while (end > 0 && (char.IsWhiteSpace(value[end - 1]) || value[end - 1] == '\0'))
            end--;
        int start = 0;
        while (start < end && char.IsWhiteSpace(value[start]))
            start++;
        value = value.Slice(start, end - start);

        if (value.Equals("True", StringComparison.OrdinalIgnoreCase))
        {
            result = true;
            return true;
        }
        result = false;
        return value.Equals("False", StringComparison.OrdinalIgnoreCase);
    }
}
