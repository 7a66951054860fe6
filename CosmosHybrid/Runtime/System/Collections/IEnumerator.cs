namespace System.Collections;

/// <summary>A cursor over a sequence: <see cref="MoveNext"/>, then read <see cref="Current"/>.</summary>
public interface IEnumerator
{
    object Current { get; }

    bool MoveNext();

    void Reset();
}
