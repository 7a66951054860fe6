namespace System.Collections.Generic;

/// <summary>A modifiable map from keys to values.</summary>
public interface IDictionary<TKey, TValue> : ICollection<KeyValuePair<TKey, TValue>>
{
    TValue this[TKey key] { get; set; }

    ICollection<TKey> Keys { get; }

    ICollection<TValue> Values { get; }

    bool ContainsKey(TKey key);

    void Add(TKey key, TValue value);

    bool Remove(TKey key);

    bool TryGetValue(TKey key, out TValue value);
}
