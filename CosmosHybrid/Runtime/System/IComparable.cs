namespace System;

/// <summary>Orders an instance relative to another object of the same type.</summary>
public interface IComparable
{
    /// <summary>Less than zero, zero or greater than zero as this instance precedes, equals or follows <paramref name="obj"/>.</summary>
    int CompareTo(object obj);
}
