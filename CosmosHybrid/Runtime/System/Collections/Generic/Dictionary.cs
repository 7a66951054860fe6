namespace System.Collections.Generic;

/// <summary>
/// A hash table from keys to values. Keys are compared with the comparer given to the
/// constructor, else <see cref="EqualityComparer{TKey}.Default"/>. Enumeration runs in
/// insertion order until something is removed; a removed slot is reused by the next Add
/// (most recently freed first), as in .NET. Adding a key while enumerating throws;
/// removing, clearing or overwriting a value does not.
/// </summary>
public class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
{
    // Entry.Next of a free entry: StartOfFreeList minus the index of the next free entry.
    private const int StartOfFreeList = -3;

    private struct Entry
    {
        public uint HashCode;
        public int Next; // next entry in the bucket's chain; -1 ends it; < -1 marks a free entry
        public TKey Key;
        public TValue Value;
    }

    private int[] _buckets; // 1 + index of the bucket's first entry; 0 when empty
    private Entry[] _entries;
    private int _count;
    private int _freeList = -1;
    private int _freeCount;
    private int _version;
    private readonly IEqualityComparer<TKey> _comparer; // null: EqualityComparer<TKey>.Default
    private KeyCollection _keys;
    private ValueCollection _values;

    public Dictionary() : this(0, null) { }

    public Dictionary(int capacity) : this(capacity, null) { }

    public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer) { }

    public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
        if (capacity > 0)
            Initialize(capacity);
        if (comparer != null && comparer != EqualityComparer<TKey>.Default)
            _comparer = comparer;
    }

    public Dictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

    public Dictionary(IDictionary<TKey, TValue> dictionary, IEqualityComparer<TKey> comparer)
        : this(dictionary == null ? 0 : dictionary.Count, comparer)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        foreach (KeyValuePair<TKey, TValue> pair in dictionary)
            Add(pair.Key, pair.Value);
    }

    public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection) : this(collection, null) { }

    public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection, IEqualityComparer<TKey> comparer) : this(0, comparer)
    {
        ArgumentNullException.ThrowIfNull(collection);
        foreach (KeyValuePair<TKey, TValue> pair in collection)
            Add(pair.Key, pair.Value);
    }

    public IEqualityComparer<TKey> Comparer => _comparer ?? EqualityComparer<TKey>.Default;

    public int Count => _count - _freeCount;

    public KeyCollection Keys => _keys ??= new KeyCollection(this);

    public ValueCollection Values => _values ??= new ValueCollection(this);

    ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;

    ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;

    IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;

    IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

    bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

    /// <summary>Gets a value (throwing <see cref="KeyNotFoundException"/> when absent) or adds/replaces one.</summary>
    public TValue this[TKey key]
    {
        get
        {
            int i = FindEntry(key);
            if (i < 0)
                throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
            return _entries[i].Value;
        }
        set => TryInsert(key, value, overwrite: true);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the key is already present.</summary>
    public void Add(TKey key, TValue value)
    {
        if (!TryInsert(key, value, overwrite: false))
            throw new ArgumentException("An item with the same key has already been added. Key: " + key.ToString());
    }

    public bool TryAdd(TKey key, TValue value) => TryInsert(key, value, overwrite: false);

    public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

    public bool ContainsValue(TValue value)
    {
        EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
        for (int i = 0; i < _count; i++)
        {
            if (_entries[i].Next >= -1 && comparer.Equals(_entries[i].Value, value))
                return true;
        }
        return false;
    }

    public bool TryGetValue(TKey key, out TValue value)
    {
        int i = FindEntry(key);
        if (i >= 0)
        {
            value = _entries[i].Value;
            return true;
        }
        value = default;
        return false;
    }

    public bool Remove(TKey key) => Remove(key, out _);

    public bool Remove(TKey key, out TValue value)
    {
        if (key == null)
            throw new ArgumentNullException(nameof(key));
        if (_buckets != null)
        {
            uint hashCode = Hash(key);
            ref int bucket = ref _buckets[hashCode % (uint)_buckets.Length];
            int previous = -1;
            for (int i = bucket - 1; i >= 0; i = _entries[i].Next)
            {
                ref Entry entry = ref _entries[i];
                if (entry.HashCode == hashCode && KeysEqual(entry.Key, key))
                {
                    if (previous < 0)
                        bucket = entry.Next + 1;
                    else
                        _entries[previous].Next = entry.Next;

                    value = entry.Value;
                    entry.Next = StartOfFreeList - _freeList;
                    entry.Key = default;
                    entry.Value = default;
                    _freeList = i;
                    _freeCount++;
                    return true;
                }
                previous = i;
            }
        }
        value = default;
        return false;
    }

    public void Clear()
    {
        if (_count > 0)
        {
            new Span<int>(_buckets).Clear();
            new Span<Entry>(_entries, 0, _count).Clear();
            _count = 0;
            _freeList = -1;
            _freeCount = 0;
        }
    }

    /// <summary>Makes room for <paramref name="capacity"/> entries; returns the new capacity.</summary>
    public int EnsureCapacity(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
        int current = _entries == null ? 0 : _entries.Length;
        if (current >= capacity)
            return current;
        _version++;
        if (_buckets == null)
            return Initialize(capacity);
        Resize(HashHelpers.GetPrime(capacity));
        return _entries.Length;
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

    void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> item)
    {
        int i = FindEntry(item.Key);
        return i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].Value, item.Value);
    }

    bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> item)
    {
        int i = FindEntry(item.Key);
        if (i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].Value, item.Value))
            return Remove(item.Key);
        return false;
    }

    void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
    {
        ArgumentNullException.ThrowIfNull(array);
        if ((uint)index > (uint)array.Length)
            throw new ArgumentOutOfRangeException(nameof(index));
        if (array.Length - index < Count)
            throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
        for (int i = 0; i < _count; i++)
        {
            if (_entries[i].Next >= -1)
                array[index++] = new KeyValuePair<TKey, TValue>(_entries[i].Key, _entries[i].Value);
        }
    }

    private uint Hash(TKey key) =>
        (uint)(_comparer == null ? EqualityComparer<TKey>.Default.GetHashCode(key) : _comparer.GetHashCode(key));

    private bool KeysEqual(TKey a, TKey b) =>
        _comparer == null ? EqualityComparer<TKey>.Default.Equals(a, b) : _comparer.Equals(a, b);

    private int FindEntry(TKey key)
    {
        if (key == null)
            throw new ArgumentNullException(nameof(key));
        if (_buckets == null)
            return -1;
        uint hashCode = Hash(key);
        for (int i = _buckets[hashCode % (uint)_buckets.Length] - 1; i >= 0; i = _entries[i].Next)
        {
            if (_entries[i].HashCode == hashCode && KeysEqual(_entries[i].Key, key))
                return i;
        }
        return -1;
    }

    private int Initialize(int capacity)
    {
        int size = HashHelpers.GetPrime(capacity);
        _buckets = new int[size];
        _entries = new Entry[size];
        _freeList = -1;
        return size;
    }

    private bool TryInsert(TKey key, TValue value, bool overwrite)
    {
        if (key == null)
            throw new ArgumentNullException(nameof(key));
        if (_buckets == null)
            Initialize(0);

        uint hashCode = Hash(key);
        for (int i = _buckets[hashCode % (uint)_buckets.Length] - 1; i >= 0; i = _entries[i].Next)
        {
            if (_entries[i].HashCode == hashCode && KeysEqual(_entries[i].Key, key))
            {
                if (!overwrite)
                    return false;
                _entries[i].Value = value;
                return true;
            }
        }

        int index;
        if (_freeCount > 0)
        {
            index = _freeList;
            _freeList = StartOfFreeList - _entries[index].Next;
            _freeCount--;
        }
        else
        {
            if (_count == _entries.Length)
                Resize(HashHelpers.ExpandPrime(_count));
            index = _count++;
        }

        ref int bucket = ref _buckets[hashCode % (uint)_buckets.Length];
        ref Entry entry = ref _entries[index];
        entry.HashCode = hashCode;
        entry.Next = bucket - 1;
        entry.Key = key;
        entry.Value = value;
        bucket = index + 1;
        _version++;
        return true;
    }

    // Only called with no free entries, so entries [0, _count) are all in use.
    private void Resize(int newSize)
    {
        var entries = new Entry[newSize];
        new ReadOnlySpan<Entry>(_entries, 0, _count).CopyTo(entries);
        _buckets = new int[newSize];
        for (int i = 0; i < _count; i++)
        {
            if (entries[i].Next >= -1)
            {
                ref int bucket = ref _buckets[entries[i].HashCode % (uint)newSize];
                entries[i].Next = bucket - 1;
                bucket = i + 1;
            }
        }
        _entries = entries;
    }

    /// <summary>The struct enumerator <c>foreach</c> uses; adding a key meanwhile makes it throw.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
    {
        private readonly Dictionary<TKey, TValue> _dictionary;
        private readonly int _version;
        private int _index;
        private KeyValuePair<TKey, TValue> _current;

        internal Enumerator(Dictionary<TKey, TValue> dictionary)
        {
            _dictionary = dictionary;
            _version = dictionary._version;
            _index = 0;
            _current = default;
        }

        public bool MoveNext()
        {
            if (_version != _dictionary._version)
                List<TKey>.ThrowVersionChanged();
            while ((uint)_index < (uint)_dictionary._count)
            {
                ref Entry entry = ref _dictionary._entries[_index++];
                if (entry.Next >= -1)
                {
                    _current = new KeyValuePair<TKey, TValue>(entry.Key, entry.Value);
                    return true;
                }
            }
            _index = _dictionary._count + 1;
            _current = default;
            return false;
        }

        public KeyValuePair<TKey, TValue> Current => _current;

        object IEnumerator.Current
        {
            get
            {
                if (_index == 0 || _index == _dictionary._count + 1)
                    throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                return _current;
            }
        }

        void IEnumerator.Reset()
        {
            if (_version != _dictionary._version)
                List<TKey>.ThrowVersionChanged();
            _index = 0;
            _current = default;
        }

        public void Dispose() { }
    }

    /// <summary>The keys, in enumeration order; a live view of the dictionary.</summary>
    public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
    {
        private readonly Dictionary<TKey, TValue> _dictionary;

        public KeyCollection(Dictionary<TKey, TValue> dictionary)
        {
            ArgumentNullException.ThrowIfNull(dictionary);
            _dictionary = dictionary;
        }

        public int Count => _dictionary.Count;

        bool ICollection<TKey>.IsReadOnly => true;

        public bool Contains(TKey item) => _dictionary.ContainsKey(item);

        public void CopyTo(TKey[] array, int index)
        {
            ArgumentNullException.ThrowIfNull(array);
            if (index < 0 || index > array.Length)
                throw new ArgumentOutOfRangeException(nameof(index));
            if (array.Length - index < _dictionary.Count)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            Entry[] entries = _dictionary._entries;
            for (int i = 0; i < _dictionary._count; i++)
            {
                if (entries[i].Next >= -1)
                    array[index++] = entries[i].Key;
            }
        }

        void ICollection<TKey>.Add(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

        void ICollection<TKey>.Clear() => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

        bool ICollection<TKey>.Remove(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

        public Enumerator GetEnumerator() => new Enumerator(_dictionary);

        IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_dictionary);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

        public struct Enumerator : IEnumerator<TKey>
        {
            private Dictionary<TKey, TValue>.Enumerator _inner;

            internal Enumerator(Dictionary<TKey, TValue> dictionary) { _inner = new Dictionary<TKey, TValue>.Enumerator(dictionary); }

            public bool MoveNext() => _inner.MoveNext();

            public TKey Current => _inner.Current.Key;

            object IEnumerator.Current => Current;

            void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();

            public void Dispose() { }
        }
    }

    /// <summary>The values, in enumeration order; a live view of the dictionary.</summary>
    public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
    {
        private readonly Dictionary<TKey, TValue> _dictionary;

        public ValueCollection(Dictionary<TKey, TValue> dictionary)
        {
            ArgumentNullException.ThrowIfNull(dictionary);
            _dictionary = dictionary;
        }

        public int Count => _dictionary.Count;

        bool ICollection<TValue>.IsReadOnly => true;

        bool ICollection<TValue>.Contains(TValue item) => _dictionary.ContainsValue(item);

        public void CopyTo(TValue[] array, int index)
        {
            ArgumentNullException.ThrowIfNull(array);
            if (index < 0 || index > array.Length)
                throw new ArgumentOutOfRangeException(nameof(index));
            if (array.Length - index < _dictionary.Count)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            Entry[] entries = _dictionary._entries;
            for (int i = 0; i < _dictionary._count; i++)
            {
                if (entries[i].Next >= -1)
                    array[index++] = entries[i].Value;
            }
        }

        void ICollection<TValue>.Add(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

        void ICollection<TValue>.Clear() => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

        bool ICollection<TValue>.Remove(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

        public Enumerator GetEnumerator() => new Enumerator(_dictionary);

        IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_dictionary);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

        public struct Enumerator : IEnumerator<TValue>
        {
            private Dictionary<TKey, TValue>.Enumerator _inner;

            internal Enumerator(Dictionary<TKey, TValue> dictionary) { _inner = new Dictionary<TKey, TValue>.Enumerator(dictionary); }

            public bool MoveNext() => _inner.MoveNext();

            public TValue Current => _inner.Current.Value;

            object IEnumerator.Current => Current;

            void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();

            public void Dispose() { }
        }
    }
}
