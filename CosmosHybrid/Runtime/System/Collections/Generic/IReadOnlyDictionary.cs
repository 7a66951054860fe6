namespace System.Collections.Generic;

/// <summary>A map from keys to values that cannot be changed through this interface.</summary>
public interface IReadOnlyDictionary<TKey, TValue> : IReadOnlyCollection<KeyValuePair<TKey, TValue>>
{
    TValue this[TKey key] { get; }

    IEnumerable<TKey> Keys { get; }

    IEnumerable<TValue> Values { get; }

    bool ContainsKey(TKey key);

    bool TryGetValue(TKey key, out TValue value);
}
