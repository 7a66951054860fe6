using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>
/// Ordering for sorting. <see cref="Default"/> follows .NET: <see cref="IComparable{T}"/>
/// when <typeparamref name="T"/> implements it, else <see cref="IComparable"/>. Note that
/// strings compare ordinally here (in .NET, culture-sensitively).
/// </summary>
public abstract class Comparer<T> : IComparer<T>
{
    /// <summary>The comparer for <typeparamref name="T"/> described above.</summary>
    public static Comparer<T> Default { get; } = Create();

    // As EqualityComparer<T>.Create: ILC supplies the body for exact instantiations
    // (GenericComparer, EnumComparer, NullableComparer, ObjectComparer).
    [Intrinsic]
    private static Comparer<T> Create() => new DynamicComparer<T>();

    /// <summary>A comparer that calls <paramref name="comparison"/>.</summary>
    public static Comparer<T> Create(Comparison<T> comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new ComparisonComparer<T>(comparison);
    }

    public abstract int Compare(T x, T y);
}

/// <summary>Ordering through <see cref="IComparable{T}"/>, without boxing; null sorts first.</summary>
internal sealed class GenericComparer<T> : Comparer<T> where T : IComparable<T>
{
    public override int Compare(T x, T y)
    {
        if (x != null)
            return y != null ? x.CompareTo(y) : 1;
        return y != null ? -1 : 0;
    }

    public override bool Equals(object obj) => obj is GenericComparer<T>;

    public override int GetHashCode() => 0xC0;
}

/// <summary>Ordering through the non-generic <see cref="IComparable"/>.</summary>
internal sealed class ObjectComparer<T> : Comparer<T>
{
    public override int Compare(T x, T y) => ComparerHelpers.CompareObjects(x, y);

    public override bool Equals(object obj) => obj is ObjectComparer<T>;

    public override int GetHashCode() => 0xC1;
}

/// <summary>Ordering for reference types in shared code: IComparable&lt;T&gt;, else IComparable.</summary>
internal sealed class DynamicComparer<T> : Comparer<T>
{
    public override int Compare(T x, T y)
    {
        if (x == null)
            return y == null ? 0 : -1;
        if (y == null)
            return 1;
        if (x is IComparable<T> comparable)
            return comparable.CompareTo(y);
        return ComparerHelpers.CompareObjects(x, y);
    }

    public override bool Equals(object obj) => obj is DynamicComparer<T>;

    public override int GetHashCode() => 0xC2;
}

/// <summary>Orders enum values by their underlying integer, signed or unsigned like it.</summary>
internal sealed class EnumComparer<T> : Comparer<T> where T : struct, Enum
{
    public override int Compare(T x, T y) => EnumBits.Compare(x, y);

    public override bool Equals(object obj) => obj is EnumComparer<T>;

    public override int GetHashCode() => 0xC3;
}

/// <summary>Orders <see cref="Nullable{T}"/> values: an empty value sorts first.</summary>
internal sealed class NullableComparer<T> : Comparer<T?> where T : struct
{
    public override int Compare(T? x, T? y)
    {
        if (x.HasValue)
            return y.HasValue ? Comparer<T>.Default.Compare(x.GetValueOrDefault(), y.GetValueOrDefault()) : 1;
        return y.HasValue ? -1 : 0;
    }

    public override bool Equals(object obj) => obj is NullableComparer<T>;

    public override int GetHashCode() => 0xC4;
}

/// <summary>A comparer made from a <see cref="Comparison{T}"/> delegate.</summary>
internal sealed class ComparisonComparer<T> : Comparer<T>
{
    private readonly Comparison<T> _comparison;

    public ComparisonComparer(Comparison<T> comparison) { _comparison = comparison; }

    public override int Compare(T x, T y) => _comparison(x, y);
}

internal static class ComparerHelpers
{
    /// <summary>What System.Collections.Comparer.Default does: null first, then IComparable.</summary>
    public static int CompareObjects(object x, object y)
    {
        if (x == y)
            return 0;
        if (x == null)
            return -1;
        if (y == null)
            return 1;
        if (x is IComparable comparable)
            return comparable.CompareTo(y);
        if (y is IComparable other)
            return -other.CompareTo(x);
        throw new ArgumentException("At least one object must implement IComparable.");
    }
}
