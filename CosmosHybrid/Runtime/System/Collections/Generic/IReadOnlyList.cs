namespace System.Collections.Generic;

/// <summary>A read-only sequence whose elements are reached by position.</summary>
public interface IReadOnlyList<out T> : IReadOnlyCollection<T>
{
    T this[int index] { get; }
}
