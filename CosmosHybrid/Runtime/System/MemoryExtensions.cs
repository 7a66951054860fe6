using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// Span helpers with .NET's names: views of arrays and strings (AsSpan), searching,
/// comparing, trimming, sorting. Character comparisons are ordinal; the culture-sensitive
/// <see cref="StringComparison"/> values behave like their ordinal counterparts.
/// </summary>
public static class MemoryExtensions
{
    public static Span<T> AsSpan<T>(this T[] array) => new Span<T>(array);

    public static Span<T> AsSpan<T>(this T[] array, int start)
    {
        if (array == null)
        {
            if (start != 0)
                throw new ArgumentOutOfRangeException(nameof(start));
            return default;
        }
        return new Span<T>(array, start, array.Length - start);
    }

    public static Span<T> AsSpan<T>(this T[] array, int start, int length) => new Span<T>(array, start, length);

    public static Span<T> AsSpan<T>(this T[] array, Index startIndex)
    {
        int length = array == null ? 0 : array.Length;
        return AsSpan(array, startIndex.GetOffset(length));
    }

    public static Span<T> AsSpan<T>(this T[] array, Range range)
    {
        (int start, int length) = range.GetOffsetAndLength(array == null ? 0 : array.Length);
        return new Span<T>(array, start, length);
    }

    /// <summary>A null string gives an empty span.</summary>
    public static ReadOnlySpan<char> AsSpan(this string text) =>
        text == null ? default : new ReadOnlySpan<char>(ref text.GetRawStringData(), text.Length);

    public static ReadOnlySpan<char> AsSpan(this string text, int start)
    {
        if (text == null)
        {
            if (start != 0)
                throw new ArgumentOutOfRangeException(nameof(start));
            return default;
        }
        if ((uint)start > (uint)text.Length)
            throw new ArgumentOutOfRangeException(nameof(start));
        return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), start), text.Length - start);
    }

    public static ReadOnlySpan<char> AsSpan(this string text, int start, int length)
    {
        if (text == null)
        {
            if (start != 0 || length != 0)
                throw new ArgumentOutOfRangeException(nameof(start));
            return default;
        }
        if ((uint)start > (uint)text.Length || (uint)length > (uint)(text.Length - start))
            throw new ArgumentOutOfRangeException(nameof(start));
        return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), start), length);
    }

    public static void CopyTo<T>(this T[] source, Span<T> destination) => new ReadOnlySpan<T>(source).CopyTo(destination);

    // ---- equality and ordering ----

    public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>
    {
        if (span.Length != other.Length)
            return false;
        for (int i = 0; i < span.Length; i++)
        {
            if (!ElementEquals(span[i], other[i]))
                return false;
        }
        return true;
    }

    public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IEquatable<T> =>
        SequenceEqual((ReadOnlySpan<T>)span, other);

    public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other, IEqualityComparer<T> comparer)
    {
        if (span.Length != other.Length)
            return false;
        comparer ??= EqualityComparer<T>.Default;
        for (int i = 0; i < span.Length; i++)
        {
            if (!comparer.Equals(span[i], other[i]))
                return false;
        }
        return true;
    }

    /// <summary>Compares element by element, then by length.</summary>
    public static int SequenceCompareTo<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IComparable<T>
    {
        int length = Math.Min(span.Length, other.Length);
        for (int i = 0; i < length; i++)
        {
            T a = span[i];
            int c = a == null ? (other[i] == null ? 0 : -1) : a.CompareTo(other[i]);
            if (c != 0)
                return c;
        }
        return span.Length.CompareTo(other.Length);
    }

    public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> =>
        value.Length <= span.Length && SequenceEqual(span.Slice(0, value.Length), value);

    public static bool StartsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> =>
        StartsWith((ReadOnlySpan<T>)span, value);

    public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> =>
        value.Length <= span.Length && SequenceEqual(span.Slice(span.Length - value.Length), value);

    public static bool EndsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> =>
        EndsWith((ReadOnlySpan<T>)span, value);

    public static bool StartsWith<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> =>
        span.Length != 0 && ElementEquals(span[0], value);

    public static bool EndsWith<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> =>
        span.Length != 0 && ElementEquals(span[span.Length - 1], value);

    public static bool Equals(this ReadOnlySpan<char> span, ReadOnlySpan<char> other, StringComparison comparisonType)
    {
        string.ValidateComparison(comparisonType);
        if (span.Length != other.Length)
            return false;
        return CompareOrdinal(span, other, string.IsIgnoreCase(comparisonType)) == 0;
    }

    public static int CompareTo(this ReadOnlySpan<char> span, ReadOnlySpan<char> other, StringComparison comparisonType)
    {
        string.ValidateComparison(comparisonType);
        int result = CompareOrdinal(span, other, string.IsIgnoreCase(comparisonType));
        if (comparisonType == StringComparison.Ordinal || comparisonType == StringComparison.OrdinalIgnoreCase)
            return result;
        return result < 0 ? -1 : result > 0 ? 1 : 0;
    }

    public static bool StartsWith(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType) =>
        value.Length <= span.Length && Equals(span.Slice(0, value.Length), value, comparisonType);

    public static bool EndsWith(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType) =>
        value.Length <= span.Length && Equals(span.Slice(span.Length - value.Length), value, comparisonType);

    // The difference of the first differing code units (upper-cased when ignoring case), else of the lengths.
    internal static int CompareOrdinal(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool ignoreCase)
    {
        int length = Math.Min(a.Length, b.Length);
        for (int i = 0; i < length; i++)
        {
            char x = a[i];
            char y = b[i];
            if (x != y && ignoreCase)
            {
                x = char.ToUpperInvariant(x);
                y = char.ToUpperInvariant(y);
            }
            if (x != y)
                return x - y;
        }
        return a.Length - b.Length;
    }

    // ---- searching ----

    public static int IndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (ElementEquals(span[i], value))
                return i;
        }
        return -1;
    }

    public static int IndexOf<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value);

    /// <summary>The first index where <paramref name="value"/> occurs as a run; an empty value is found at 0.</summary>
    public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
    {
        for (int i = 0; i + value.Length <= span.Length; i++)
        {
            if (SequenceEqual(span.Slice(i, value.Length), value))
                return i;
        }
        return -1;
    }

    public static int IndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value);

    public static int IndexOf(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType)
    {
        string.ValidateComparison(comparisonType);
        for (int i = 0; i + value.Length <= span.Length; i++)
        {
            if (Equals(span.Slice(i, value.Length), value, comparisonType))
                return i;
        }
        return -1;
    }

    public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
    {
        for (int i = span.Length - 1; i >= 0; i--)
        {
            if (ElementEquals(span[i], value))
                return i;
        }
        return -1;
    }

    public static int LastIndexOf<T>(this Span<T> span, T value) where T : IEquatable<T> => LastIndexOf((ReadOnlySpan<T>)span, value);

    /// <summary>The last index where <paramref name="value"/> occurs; an empty value is found at the end.</summary>
    public static int LastIndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
    {
        for (int i = span.Length - value.Length; i >= 0; i--)
        {
            if (SequenceEqual(span.Slice(i, value.Length), value))
                return i;
        }
        return -1;
    }

    public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T>
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (ElementEquals(span[i], value0) || ElementEquals(span[i], value1))
                return i;
        }
        return -1;
    }

    public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2) where T : IEquatable<T>
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (ElementEquals(span[i], value0) || ElementEquals(span[i], value1) || ElementEquals(span[i], value2))
                return i;
        }
        return -1;
    }

    public static int IndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T>
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (IndexOf(values, span[i]) >= 0)
                return i;
        }
        return -1;
    }

    public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T>
    {
        for (int i = span.Length - 1; i >= 0; i--)
        {
            if (IndexOf(values, span[i]) >= 0)
                return i;
        }
        return -1;
    }

    public static bool Contains<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => IndexOf(span, value) >= 0;

    public static bool Contains<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value) >= 0;

    public static bool Contains(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType) =>
        IndexOf(span, value, comparisonType) >= 0;

    /// <summary>How many times <paramref name="value"/> occurs.</summary>
    public static int Count<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
    {
        int count = 0;
        for (int i = 0; i < span.Length; i++)
        {
            if (ElementEquals(span[i], value))
                count++;
        }
        return count;
    }

    // ---- characters ----

    public static bool IsWhiteSpace(this ReadOnlySpan<char> span)
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (!char.IsWhiteSpace(span[i]))
                return false;
        }
        return true;
    }

    public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span) => TrimEnd(TrimStart(span));

    public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span)
    {
        int start = 0;
        while (start < span.Length && char.IsWhiteSpace(span[start]))
            start++;
        return span.Slice(start);
    }

    public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span)
    {
        int end = span.Length;
        while (end > 0 && char.IsWhiteSpace(span[end - 1]))
            end--;
        return span.Slice(0, end);
    }

    public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span, char trimChar) => TrimEnd(TrimStart(span, trimChar), trimChar);

    public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span, char trimChar)
    {
        int start = 0;
        while (start < span.Length && span[start] == trimChar)
            start++;
        return span.Slice(start);
    }

    public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span, char trimChar)
    {
        int end = span.Length;
        while (end > 0 && span[end - 1] == trimChar)
            end--;
        return span.Slice(0, end);
    }

    /// <summary>Writes the upper-case form; returns the length, or -1 when the destination is too short.</summary>
    public static int ToUpperInvariant(this ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
            return -1;
        for (int i = 0; i < source.Length; i++)
            destination[i] = char.ToUpperInvariant(source[i]);
        return source.Length;
    }

    public static int ToLowerInvariant(this ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
            return -1;
        for (int i = 0; i < source.Length; i++)
            destination[i] = char.ToLowerInvariant(source[i]);
        return source.Length;
    }

    // ---- rearranging ----

    public static void Reverse<T>(this Span<T> span)
    {
        for (int i = 0, j = span.Length - 1; i < j; i++, j--)
        {
            T t = span[i];
            span[i] = span[j];
            span[j] = t;
        }
    }

    /// <summary>Replaces every <paramref name="oldValue"/> with <paramref name="newValue"/>.</summary>
    public static void Replace<T>(this Span<T> span, T oldValue, T newValue) where T : IEquatable<T>
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (ElementEquals(span[i], oldValue))
                span[i] = newValue;
        }
    }

    public static void Sort<T>(this Span<T> span) => ArraySortHelper<T>.Sort(span, Collections.Generic.Comparer<T>.Default);

    public static void Sort<T>(this Span<T> span, Comparison<T> comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArraySortHelper<T>.Sort(span, comparison);
    }

    public static void Sort<T, TComparer>(this Span<T> span, TComparer comparer) where TComparer : IComparer<T>
    {
        if (comparer == null)
            ArraySortHelper<T>.Sort(span, Collections.Generic.Comparer<T>.Default);
        else
            ArraySortHelper<T>.Sort(span, comparer);
    }

    // Null-aware IEquatable<T> equality without boxing.
    private static bool ElementEquals<T>(T a, T b) where T : IEquatable<T>
    {
        if (a == null)
            return b == null;
        return a.Equals(b);
    }
}
