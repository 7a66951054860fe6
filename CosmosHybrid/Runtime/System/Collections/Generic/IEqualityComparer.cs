namespace System.Collections.Generic;

/// <summary>Equality and hashing of <typeparamref name="T"/> for hash-based collections.</summary>
public interface IEqualityComparer<in T>
{
    bool Equals(T x, T y);

    int GetHashCode(T obj);
}
