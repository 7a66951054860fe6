namespace System.Collections.Generic;

/// <summary>
/// A set of distinct elements in a hash table. Elements are compared with the comparer
/// given to the constructor, else <see cref="EqualityComparer{T}.Default"/>. Null is a valid
/// element. Enumeration order and slot reuse follow <see cref="Dictionary{TKey, TValue}"/>.
/// </summary>
public class HashSet<T> : ISet<T>, IReadOnlyCollection<T>
{
    private const int StartOfFreeList = -3;

    private struct Entry
    {
        public uint HashCode;
        public int Next; // -1 ends a chain; < -1 marks a free entry
        public T Value;
    }

    private int[] _buckets;
    private Entry[] _entries;
    private int _count;
    private int _freeList = -1;
    private int _freeCount;
    private int _version;
    private readonly IEqualityComparer<T> _comparer;

    public HashSet() : this(0, null) { }

    public HashSet(IEqualityComparer<T> comparer) : this(0, comparer) { }

    public HashSet(int capacity) : this(capacity, null) { }

    public HashSet(int capacity, IEqualityComparer<T> comparer)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
        if (capacity > 0)
            Initialize(capacity);
        if (comparer != null && comparer != EqualityComparer<T>.Default)
            _comparer = comparer;
    }

    public HashSet(IEnumerable<T> collection) : this(collection, null) { }

    public HashSet(IEnumerable<T> collection, IEqualityComparer<T> comparer) : this(0, comparer)
    {
        ArgumentNullException.ThrowIfNull(collection);
        UnionWith(collection);
    }

    public IEqualityComparer<T> Comparer => _comparer ?? EqualityComparer<T>.Default;

    public int Count => _count - _freeCount;

    bool ICollection<T>.IsReadOnly => false;

    /// <summary>Adds the element; false when it was already present.</summary>
    public bool Add(T item)
    {
        if (_buckets == null)
            Initialize(0);
        uint hashCode = Hash(item);
        for (int i = _buckets[hashCode % (uint)_buckets.Length] - 1; i >= 0; i = _entries[i].Next)
        {
            if (_entries[i].HashCode == hashCode && ItemsEqual(_entries[i].Value, item))
                return false;
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
        entry.Value = item;
        bucket = index + 1;
        _version++;
        return true;
    }

    void ICollection<T>.Add(T item) => Add(item);

    public bool Contains(T item) => FindItemIndex(item) >= 0;

    /// <summary>Finds the stored element equal to <paramref name="equalValue"/>.</summary>
    public bool TryGetValue(T equalValue, out T actualValue)
    {
        int i = FindItemIndex(equalValue);
        if (i >= 0)
        {
            actualValue = _entries[i].Value;
            return true;
        }
        actualValue = default;
        return false;
    }

    public bool Remove(T item)
    {
        if (_buckets == null)
            return false;
        uint hashCode = Hash(item);
        ref int bucket = ref _buckets[hashCode % (uint)_buckets.Length];
        int previous = -1;
        for (int i = bucket - 1; i >= 0; i = _entries[i].Next)
        {
            ref Entry entry = ref _entries[i];
            if (entry.HashCode == hashCode && ItemsEqual(entry.Value, item))
            {
                if (previous < 0)
                    bucket = entry.Next + 1;
                else
                    _entries[previous].Next = entry.Next;
                entry.Next = StartOfFreeList - _freeList;
                entry.Value = default;
                _freeList = i;
                _freeCount++;
                return true;
            }
            previous = i;
        }
        return false;
    }

    public int RemoveWhere(Predicate<T> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        int removed = 0;
        for (int i = 0; i < _count; i++)
        {
            if (_entries[i].Next >= -1)
            {
                T value = _entries[i].Value;
                if (match(value) && Remove(value))
                    removed++;
            }
        }
        return removed;
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

    public void CopyTo(T[] array) => CopyTo(array, 0, Count);

    public void CopyTo(T[] array, int arrayIndex) => CopyTo(array, arrayIndex, Count);

    public void CopyTo(T[] array, int arrayIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (arrayIndex < 0 || count < 0)
            throw new ArgumentOutOfRangeException(arrayIndex < 0 ? nameof(arrayIndex) : nameof(count), "Non-negative number required.");
        if (arrayIndex > array.Length || count > array.Length - arrayIndex)
            throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
        for (int i = 0; i < _count && count > 0; i++)
        {
            if (_entries[i].Next >= -1)
            {
                array[arrayIndex++] = _entries[i].Value;
                count--;
            }
        }
    }

    public int EnsureCapacity(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
        int current = _entries == null ? 0 : _entries.Length;
        if (current >= capacity)
            return current;
        if (_buckets == null)
            return Initialize(capacity);
        Resize(HashHelpers.GetPrime(capacity));
        return _entries.Length;
    }

    // ---- set operations ----

    public void UnionWith(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (T item in other)
            Add(item);
    }

    public void IntersectWith(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Count == 0 || (object)other == this)
            return;
        var keep = new HashSet<T>(Comparer);
        foreach (T item in other)
        {
            if (Contains(item))
                keep.Add(item);
        }
        for (int i = 0; i < _count; i++)
        {
            if (_entries[i].Next >= -1 && !keep.Contains(_entries[i].Value))
                Remove(_entries[i].Value);
        }
    }

    public void ExceptWith(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if ((object)other == this)
        {
            Clear();
            return;
        }
        foreach (T item in other)
            Remove(item);
    }

    public void SymmetricExceptWith(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if ((object)other == this)
        {
            Clear();
            return;
        }
        var distinct = new HashSet<T>(other, Comparer);
        foreach (T item in distinct)
        {
            if (!Remove(item))
                Add(item);
        }
    }

    public bool IsSubsetOf(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var otherSet = AsSetWithSameComparer(other);
        return Count <= otherSet.Count && ContainedIn(otherSet);
    }

    public bool IsProperSubsetOf(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var otherSet = AsSetWithSameComparer(other);
        return Count < otherSet.Count && ContainedIn(otherSet);
    }

    public bool IsSupersetOf(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (T item in other)
        {
            if (!Contains(item))
                return false;
        }
        return true;
    }

    public bool IsProperSupersetOf(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var otherSet = AsSetWithSameComparer(other);
        return otherSet.Count < Count && otherSet.ContainedIn(this);
    }

    public bool Overlaps(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Count == 0)
            return false;
        foreach (T item in other)
        {
            if (Contains(item))
                return true;
        }
        return false;
    }

    public bool SetEquals(IEnumerable<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var otherSet = AsSetWithSameComparer(other);
        return Count == otherSet.Count && ContainedIn(otherSet);
    }

    private HashSet<T> AsSetWithSameComparer(IEnumerable<T> other) =>
        other is HashSet<T> set && set.Comparer.Equals(Comparer) ? set : new HashSet<T>(other, Comparer);

    private bool ContainedIn(HashSet<T> other)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_entries[i].Next >= -1 && !other.Contains(_entries[i].Value))
                return false;
        }
        return true;
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

    private uint Hash(T item) =>
        item == null ? 0 : (uint)(_comparer == null ? EqualityComparer<T>.Default.GetHashCode(item) : _comparer.GetHashCode(item));

    private bool ItemsEqual(T a, T b) =>
        _comparer == null ? EqualityComparer<T>.Default.Equals(a, b) : _comparer.Equals(a, b);

    private int FindItemIndex(T item)
    {
        if (_buckets == null)
            return -1;
        uint hashCode = Hash(item);
        for (int i = _buckets[hashCode % (uint)_buckets.Length] - 1; i >= 0; i = _entries[i].Next)
        {
            if (_entries[i].HashCode == hashCode && ItemsEqual(_entries[i].Value, item))
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

    /// <summary>The struct enumerator <c>foreach</c> uses; adding an element meanwhile makes it throw.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly HashSet<T> _set;
        private readonly int _version;
        private int _index;
        private T _current;

        internal Enumerator(HashSet<T> set)
        {
            _set = set;
            _version = set._version;
            _index = 0;
            _current = default;
        }

        public bool MoveNext()
        {
            if (_version != _set._version)
                List<T>.ThrowVersionChanged();
            while ((uint)_index < (uint)_set._count)
            {
                ref Entry entry = ref _set._entries[_index++];
                if (entry.Next >= -1)
                {
                    _current = entry.Value;
                    return true;
                }
            }
            _index = _set._count + 1;
            _current = default;
            return false;
        }

        public T Current => _current;

        object IEnumerator.Current
        {
            get
            {
                if (_index == 0 || _index == _set._count + 1)
                    throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                return _current;
            }
        }

        void IEnumerator.Reset()
        {
            if (_version != _set._version)
                List<T>.ThrowVersionChanged();
            _index = 0;
            _current = default;
        }

        public void Dispose() { }
    }
}
