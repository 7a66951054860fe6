namespace System.Collections.Generic;

/// <summary>A cursor over a sequence of <typeparamref name="T"/>.</summary>
public interface IEnumerator<out T> : IDisposable, IEnumerator
{
    new T Current { get; }
}
