namespace System.Collections.Generic;

/// <summary>A sequence of <typeparamref name="T"/> that <c>foreach</c> can walk.</summary>
public interface IEnumerable<out T> : IEnumerable
{
    new IEnumerator<T> GetEnumerator();
}
