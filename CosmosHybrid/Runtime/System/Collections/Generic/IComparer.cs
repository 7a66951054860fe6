namespace System.Collections.Generic;

/// <summary>An ordering of <typeparamref name="T"/> for sorting.</summary>
public interface IComparer<in T>
{
    int Compare(T x, T y);
}
