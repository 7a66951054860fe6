namespace System;

// Equality, ordering and prefix/suffix tests. Culture-sensitive comparisons are done
// ordinally (see the remarks on String).
public sealed partial class String
{
    public static bool Equals(string a, string b)
    {
        if ((object)a == b)
            return true;
        if (a is null || b is null || a.Length != b.Length)
            return false;
        return a.AsSpan().SequenceEqual(b.AsSpan());
    }

    public static bool Equals(string a, string b, StringComparison comparisonType)
    {
        if ((object)a == b)
            return true;
        if (a is null || b is null)
            return false;
        return a.AsSpan().Equals(b.AsSpan(), comparisonType);
    }

    public bool Equals(string value) => Equals(this, value);

    public bool Equals(string value, StringComparison comparisonType) => Equals(this, value, comparisonType);

    public override bool Equals(object obj) => obj is string other && Equals(this, other);

    public static bool operator ==(string a, string b) => Equals(a, b);

    public static bool operator !=(string a, string b) => !Equals(a, b);

    public int GetHashCode(StringComparison comparisonType)
    {
        if (!IsIgnoreCase(comparisonType))
            return GetHashCode();
        uint hash = 2166136261;
        for (int i = 0; i < _stringLength; i++)
            hash = (hash ^ char.ToUpperInvariant(this[i])) * 16777619;
        return (int)hash;
    }

    /// <summary>Ordinal comparison: the difference of the first differing code units, else of the lengths.</summary>
    public static int CompareOrdinal(string strA, string strB)
    {
        if ((object)strA == strB)
            return 0;
        if (strA is null)
            return -1;
        if (strB is null)
            return 1;
        return MemoryExtensions.CompareOrdinal(strA.AsSpan(), strB.AsSpan(), ignoreCase: false);
    }

    public static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
    {
        if (strA is null || strB is null)
            return strA is null ? (strB is null ? 0 : -1) : 1;
        if (length < 0 || indexA < 0 || indexB < 0)
            throw new ArgumentOutOfRangeException(nameof(length));
        int lengthA = Math.Min(length, strA.Length - indexA);
        int lengthB = Math.Min(length, strB.Length - indexB);
        if (lengthA < 0 || lengthB < 0)
            throw new ArgumentOutOfRangeException(nameof(length));
        return MemoryExtensions.CompareOrdinal(strA.AsSpan().Slice(indexA, lengthA), strB.AsSpan().Slice(indexB, lengthB), ignoreCase: false);
    }

    /// <summary>-1, 0 or 1, comparing ordinally (.NET compares with the current culture).</summary>
    public static int Compare(string strA, string strB) => Compare(strA, strB, StringComparison.CurrentCulture);

    public static int Compare(string strA, string strB, bool ignoreCase) =>
        Compare(strA, strB, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);

    /// <summary>Ordinal comparisons return the code-unit difference; culture ones -1, 0 or 1.</summary>
    public static int Compare(string strA, string strB, StringComparison comparisonType)
    {
        ValidateComparison(comparisonType);
        if ((object)strA == strB)
            return 0;
        if (strA is null)
            return -1;
        if (strB is null)
            return 1;
        int result = MemoryExtensions.CompareOrdinal(strA.AsSpan(), strB.AsSpan(), IsIgnoreCase(comparisonType));
        if (comparisonType == StringComparison.Ordinal || comparisonType == StringComparison.OrdinalIgnoreCase)
            return result;
        return result < 0 ? -1 : result > 0 ? 1 : 0;
    }

    public int CompareTo(string strB) => Compare(this, strB);

    public int CompareTo(object value)
    {
        if (value == null)
            return 1;
        if (value is string other)
            return Compare(this, other);
        throw new ArgumentException("Object must be of type String.");
    }

    public bool StartsWith(char value) => Length != 0 && _firstChar == value;

    public bool EndsWith(char value) => Length != 0 && this[Length - 1] == value;

    public bool StartsWith(string value) => StartsWith(value, StringComparison.CurrentCulture);

    public bool StartsWith(string value, StringComparison comparisonType)
    {
        ArgumentNullException.ThrowIfNull(value);
        ValidateComparison(comparisonType);
        return value.Length <= Length && this.AsSpan().Slice(0, value.Length).Equals(value.AsSpan(), comparisonType);
    }

    public bool StartsWith(string value, bool ignoreCase, Globalization.CultureInfo culture) =>
        StartsWith(value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    public bool EndsWith(string value) => EndsWith(value, StringComparison.CurrentCulture);

    public bool EndsWith(string value, StringComparison comparisonType)
    {
        ArgumentNullException.ThrowIfNull(value);
        ValidateComparison(comparisonType);
        return value.Length <= Length && this.AsSpan().Slice(Length - value.Length).Equals(value.AsSpan(), comparisonType);
    }

    public bool EndsWith(string value, bool ignoreCase, Globalization.CultureInfo culture) =>
        EndsWith(value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    internal static bool IsIgnoreCase(StringComparison comparisonType) => ((int)comparisonType & 1) != 0;

    internal static void ValidateComparison(StringComparison comparisonType)
    {
        if ((uint)comparisonType > (uint)StringComparison.OrdinalIgnoreCase)
            throw new ArgumentException("The string comparison type passed in is currently not supported.", nameof(comparisonType));
    }
}
