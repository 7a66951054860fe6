namespace System;

// Searching: IndexOf, LastIndexOf, IndexOfAny, Contains. All ordinal (see the remarks on String).
public sealed partial class String
{
    public bool Contains(char value) => this.AsSpan().IndexOf(value) >= 0;

    public bool Contains(char value, StringComparison comparisonType) => IndexOf(value, comparisonType) >= 0;

    public bool Contains(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return this.AsSpan().IndexOf(value.AsSpan()) >= 0;
    }

    public bool Contains(string value, StringComparison comparisonType) => IndexOf(value, comparisonType) >= 0;

    public int IndexOf(char value) => this.AsSpan().IndexOf(value);

    public int IndexOf(char value, int startIndex) => IndexOf(value, startIndex, Length - startIndex);

    public int IndexOf(char value, int startIndex, int count)
    {
        CheckRange(startIndex, count);
        int found = this.AsSpan().Slice(startIndex, count).IndexOf(value);
        return found < 0 ? -1 : found + startIndex;
    }

    public int IndexOf(char value, StringComparison comparisonType)
    {
        ValidateComparison(comparisonType);
        if (!IsIgnoreCase(comparisonType))
            return IndexOf(value);
        char upper = char.ToUpperInvariant(value);
        for (int i = 0; i < Length; i++)
        {
            if (char.ToUpperInvariant(this[i]) == upper)
                return i;
        }
        return -1;
    }

    public int IndexOf(string value) => IndexOf(value, 0, Length, StringComparison.CurrentCulture);

    public int IndexOf(string value, int startIndex) => IndexOf(value, startIndex, Length - startIndex, StringComparison.CurrentCulture);

    public int IndexOf(string value, int startIndex, int count) => IndexOf(value, startIndex, count, StringComparison.CurrentCulture);

    public int IndexOf(string value, StringComparison comparisonType) => IndexOf(value, 0, Length, comparisonType);

    public int IndexOf(string value, int startIndex, StringComparison comparisonType) =>
        IndexOf(value, startIndex, Length - startIndex, comparisonType);

    public int IndexOf(string value, int startIndex, int count, StringComparison comparisonType)
    {
        ArgumentNullException.ThrowIfNull(value);
        ValidateComparison(comparisonType);
        CheckRange(startIndex, count);
        ReadOnlySpan<char> window = this.AsSpan().Slice(startIndex, count);
        for (int i = 0; i + value.Length <= window.Length; i++)
        {
            if (window.Slice(i, value.Length).Equals(value.AsSpan(), comparisonType))
                return i + startIndex;
        }
        return -1;
    }

    public int IndexOfAny(char[] anyOf) => IndexOfAny(anyOf, 0, Length);

    public int IndexOfAny(char[] anyOf, int startIndex) => IndexOfAny(anyOf, startIndex, Length - startIndex);

    public int IndexOfAny(char[] anyOf, int startIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(anyOf);
        CheckRange(startIndex, count);
        int found = this.AsSpan().Slice(startIndex, count).IndexOfAny(anyOf);
        return found < 0 ? -1 : found + startIndex;
    }

    public int LastIndexOf(char value) => this.AsSpan().LastIndexOf(value);

    public int LastIndexOf(char value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1);

    /// <summary>Searches backwards from <paramref name="startIndex"/> over <paramref name="count"/> characters.</summary>
    public int LastIndexOf(char value, int startIndex, int count)
    {
        if (Length == 0)
            return -1;
        if ((uint)startIndex >= (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
        if ((uint)count > (uint)(startIndex + 1))
            throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
        int first = startIndex + 1 - count;
        int found = this.AsSpan().Slice(first, count).LastIndexOf(value);
        return found < 0 ? -1 : found + first;
    }

    public int LastIndexOf(string value) => LastIndexOf(value, Length - 1, Length, StringComparison.CurrentCulture);

    public int LastIndexOf(string value, StringComparison comparisonType) => LastIndexOf(value, Length - 1, Length, comparisonType);

    public int LastIndexOf(string value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1, StringComparison.CurrentCulture);

    public int LastIndexOf(string value, int startIndex, StringComparison comparisonType) =>
        LastIndexOf(value, startIndex, startIndex + 1, comparisonType);

    /// <summary>
    /// Searches backwards for a match lying entirely within the <paramref name="count"/>
    /// characters that end at <paramref name="startIndex"/>.
    /// </summary>
    public int LastIndexOf(string value, int startIndex, int count, StringComparison comparisonType)
    {
        ArgumentNullException.ThrowIfNull(value);
        ValidateComparison(comparisonType);

        // .NET's special cases: an empty string, and a start index one past the end.
        if (Length == 0 && (startIndex == -1 || startIndex == 0))
            return value.Length == 0 ? 0 : -1;
        if (startIndex < 0 || startIndex > Length)
            throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
        if (startIndex == Length)
        {
            startIndex--;
            if (count > 0)
                count--;
        }
        if (count < 0 || startIndex - count + 1 < 0)
            throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
        int first = startIndex - count + 1;
        ReadOnlySpan<char> window = this.AsSpan().Slice(first, count);
        for (int i = window.Length - value.Length; i >= 0; i--)
        {
            if (window.Slice(i, value.Length).Equals(value.AsSpan(), comparisonType))
                return i + first;
        }
        return -1;
    }

    public int LastIndexOfAny(char[] anyOf)
    {
        ArgumentNullException.ThrowIfNull(anyOf);
        return this.AsSpan().LastIndexOfAny(anyOf);
    }

    private void CheckRange(int startIndex, int count)
    {
        if ((uint)startIndex > (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
        if ((uint)count > (uint)(Length - startIndex))
            throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
    }
}
