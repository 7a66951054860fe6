using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>
/// Equality for hash-based collections. <see cref="Default"/> follows .NET: a type that
/// implements <see cref="IEquatable{T}"/> is compared through it, any other type through
/// <see cref="object.Equals(object)"/> and <see cref="object.GetHashCode"/>.
/// </summary>
public abstract class EqualityComparer<T> : IEqualityComparer<T>
{
    /// <summary>The comparer for <typeparamref name="T"/> described above.</summary>
    public static EqualityComparer<T> Default { get; } = Create();

    // ILC replaces this body for every exact instantiation with `new X<T>()`, where X is
    // the comparer below that fits T (GenericEqualityComparer when T implements IEquatable<T>,
    // EnumEqualityComparer, NullableEqualityComparer, ObjectEqualityComparer). The body
    // here runs only for instantiations shared between reference types.
    [Intrinsic]
    private static EqualityComparer<T> Create()
    {
        if (typeof(T) == typeof(string))
            return (EqualityComparer<T>)(object)new StringEqualityComparer();
        return new DynamicEqualityComparer<T>();
    }

    public abstract bool Equals(T x, T y);

    public abstract int GetHashCode(T obj);
}

/// <summary>Equality through <see cref="IEquatable{T}"/>, without boxing.</summary>
internal sealed class GenericEqualityComparer<T> : EqualityComparer<T> where T : IEquatable<T>
{
    public override bool Equals(T x, T y)
    {
        if (x != null)
            return y != null && x.Equals(y);
        return y == null;
    }

    public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();

    public override bool Equals(object obj) => obj is GenericEqualityComparer<T>;

    public override int GetHashCode() => 0x2B1E;
}

/// <summary>Equality through <see cref="object.Equals(object)"/> for types without <see cref="IEquatable{T}"/>.</summary>
internal sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
{
    public override bool Equals(T x, T y)
    {
        if (x != null)
            return y != null && x.Equals(y);
        return y == null;
    }

    public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();

    public override bool Equals(object obj) => obj is ObjectEqualityComparer<T>;

    public override int GetHashCode() => 0x0B1E;
}

/// <summary>
/// Equality for reference types in code ILC shares between them, where T is only known
/// at run time: <see cref="IEquatable{T}"/> when the object implements it, else Equals(object).
/// </summary>
internal sealed class DynamicEqualityComparer<T> : EqualityComparer<T>
{
    public override bool Equals(T x, T y)
    {
        if (x == null)
            return y == null;
        if (y == null)
            return false;
        if (x is IEquatable<T> equatable)
            return equatable.Equals(y);
        return x.Equals(y);
    }

    public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();

    public override bool Equals(object obj) => obj is DynamicEqualityComparer<T>;

    public override int GetHashCode() => 0xD1E;
}

/// <summary>Ordinal string equality (what <see cref="string.Equals(string)"/> does).</summary>
internal sealed class StringEqualityComparer : EqualityComparer<string>
{
    public override bool Equals(string x, string y) => string.Equals(x, y);

    public override int GetHashCode(string obj) => obj == null ? 0 : obj.GetHashCode();

    public override bool Equals(object obj) => obj is StringEqualityComparer;

    public override int GetHashCode() => 0x57E;
}

/// <summary>Equality of enum values by their underlying integer, without boxing.</summary>
internal sealed class EnumEqualityComparer<T> : EqualityComparer<T> where T : struct, Enum
{
    public override bool Equals(T x, T y) => EnumBits.ToUInt64(x) == EnumBits.ToUInt64(y);

    public override int GetHashCode(T obj) => EnumBits.HashCode(obj);

    public override bool Equals(object obj) => obj is EnumEqualityComparer<T>;

    public override int GetHashCode() => 0xE1E;
}

/// <summary>Equality of <see cref="Nullable{T}"/>: two empty values are equal.</summary>
internal sealed class NullableEqualityComparer<T> : EqualityComparer<T?> where T : struct
{
    public override bool Equals(T? x, T? y)
    {
        if (x.HasValue)
            return y.HasValue && EqualityComparer<T>.Default.Equals(x.GetValueOrDefault(), y.GetValueOrDefault());
        return !y.HasValue;
    }

    public override int GetHashCode(T? obj) => obj.HasValue ? EqualityComparer<T>.Default.GetHashCode(obj.GetValueOrDefault()) : 0;

    public override bool Equals(object obj) => obj is NullableEqualityComparer<T>;

    public override int GetHashCode() => 0x41E;
}
