namespace System.Collections;

/// <summary>Something <c>foreach</c> can walk.</summary>
public interface IEnumerable
{
    IEnumerator GetEnumerator();
}
