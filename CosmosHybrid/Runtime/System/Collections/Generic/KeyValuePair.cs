namespace System.Collections.Generic;

/// <summary>Creates <see cref="KeyValuePair{TKey, TValue}"/> values with inferred types.</summary>
public static class KeyValuePair
{
    public static KeyValuePair<TKey, TValue> Create<TKey, TValue>(TKey key, TValue value) => new KeyValuePair<TKey, TValue>(key, value);
}

/// <summary>A key and its value, as a dictionary enumerates them.</summary>
public readonly struct KeyValuePair<TKey, TValue>
{
    private readonly TKey key;
    private readonly TValue value;

    public KeyValuePair(TKey key, TValue value)
    {
        this.key = key;
        this.value = value;
    }

    public TKey Key => key;

    public TValue Value => value;

    public void Deconstruct(out TKey key, out TValue value)
    {
        key = this.key;
        value = this.value;
    }

    /// <summary>"[key, value]", as in .NET.</summary>
    public override string ToString() => "[" + key?.ToString() + ", " + value?.ToString() + "]";
}
