namespace System.Collections.Generic;

/// <summary>A sized sequence that cannot be changed through this interface.</summary>
public interface IReadOnlyCollection<out T> : IEnumerable<T>
{
    int Count { get; }
}
