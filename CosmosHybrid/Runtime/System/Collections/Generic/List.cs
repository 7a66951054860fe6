namespace System.Collections.Generic;

/// <summary>
/// A growable array. Capacity starts at 0, becomes 4 on the first Add and doubles when
/// full, as in .NET. Any change made while a <c>foreach</c> is running (including
/// setting an element) makes the enumerator throw <see cref="InvalidOperationException"/>.
/// </summary>
public class List<T> : IList<T>, IReadOnlyList<T>
{
    private const int DefaultCapacity = 4;

    private T[] _items;
    private int _size;
    private int _version;

    public List() { _items = Array.Empty<T>(); }

    public List(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
        _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
    }

    /// <summary>A list holding the elements of <paramref name="collection"/>, in order.</summary>
    public List(IEnumerable<T> collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (collection is ICollection<T> sized)
        {
            int count = sized.Count;
            _items = count == 0 ? Array.Empty<T>() : new T[count];
            if (count > 0)
                sized.CopyTo(_items, 0);
            _size = count;
            return;
        }
        _items = Array.Empty<T>();
        foreach (T item in collection)
            Add(item);
    }

    public int Count => _size;

    public int Capacity
    {
        get => _items.Length;
        set
        {
            if (value < _size)
                throw new ArgumentOutOfRangeException(nameof(value), "capacity was less than the current size.");
            if (value == _items.Length)
                return;
            T[] items = value == 0 ? Array.Empty<T>() : new T[value];
            new ReadOnlySpan<T>(_items, 0, _size).CopyTo(items);
            _items = items;
        }
    }

    bool ICollection<T>.IsReadOnly => false;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_size)
                ThrowIndexOutOfRange();
            return _items[index];
        }
        set
        {
            if ((uint)index >= (uint)_size)
                ThrowIndexOutOfRange();
            _items[index] = value;
            _version++;
        }
    }

    public void Add(T item)
    {
        _version++;
        if (_size == _items.Length)
            Grow(_size + 1);
        _items[_size++] = item;
    }

    public void AddRange(IEnumerable<T> collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        InsertRange(_size, collection);
    }

    public void Insert(int index, T item)
    {
        if ((uint)index > (uint)_size)
            throw new ArgumentOutOfRangeException(nameof(index), "Index must be within the bounds of the List.");
        if (_size == _items.Length)
            Grow(_size + 1);
        if (index < _size)
            new ReadOnlySpan<T>(_items, index, _size - index).CopyTo(new Span<T>(_items, index + 1, _size - index));
        _items[index] = item;
        _size++;
        _version++;
    }

    public void InsertRange(int index, IEnumerable<T> collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if ((uint)index > (uint)_size)
            throw new ArgumentOutOfRangeException(nameof(index), "Index must be within the bounds of the List.");

        // Copy first: the collection may be this list.
        T[] items;
        if (collection is ICollection<T> sized)
        {
            items = new T[sized.Count];
            sized.CopyTo(items, 0);
        }
        else
        {
            var buffer = new List<T>();
            foreach (T item in collection)
                buffer.Add(item);
            items = buffer.ToArray();
        }
        if (items.Length == 0)
            return;

        if (_items.Length - _size < items.Length)
            Grow(_size + items.Length);
        if (index < _size)
            new ReadOnlySpan<T>(_items, index, _size - index).CopyTo(new Span<T>(_items, index + items.Length, _size - index));
        new ReadOnlySpan<T>(items).CopyTo(new Span<T>(_items, index, items.Length));
        _size += items.Length;
        _version++;
    }

    public bool Remove(T item)
    {
        int index = IndexOf(item);
        if (index < 0)
            return false;
        RemoveAt(index);
        return true;
    }

    public void RemoveAt(int index)
    {
        if ((uint)index >= (uint)_size)
            ThrowIndexOutOfRange();
        _size--;
        if (index < _size)
            new ReadOnlySpan<T>(_items, index + 1, _size - index).CopyTo(new Span<T>(_items, index, _size - index));
        _items[_size] = default;
        _version++;
    }

    public void RemoveRange(int index, int count)
    {
        if (index < 0 || count < 0)
            throw new ArgumentOutOfRangeException(index < 0 ? nameof(index) : nameof(count), "Non-negative number required.");
        if (_size - index < count)
            throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        if (count == 0)
            return;
        _size -= count;
        if (index < _size)
            new ReadOnlySpan<T>(_items, index + count, _size - index).CopyTo(new Span<T>(_items, index, _size - index));
        new Span<T>(_items, _size, count).Clear();
        _version++;
    }

    /// <summary>Removes every element that matches; returns how many were removed.</summary>
    public int RemoveAll(Predicate<T> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        int kept = 0;
        for (int i = 0; i < _size; i++)
        {
            if (!match(_items[i]))
                _items[kept++] = _items[i];
        }
        int removed = _size - kept;
        if (removed > 0)
        {
            new Span<T>(_items, kept, removed).Clear();
            _size = kept;
            _version++;
        }
        return removed;
    }

    public void Clear()
    {
        _version++;
        new Span<T>(_items, 0, _size).Clear();
        _size = 0;
    }

    public bool Contains(T item) => _size != 0 && IndexOf(item) >= 0;

    public int IndexOf(T item) => Array.IndexOf(_items, item, 0, _size);

    public int IndexOf(T item, int index)
    {
        if ((uint)index > (uint)_size)
            throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
        return Array.IndexOf(_items, item, index, _size - index);
    }

    public int LastIndexOf(T item)
    {
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = _size - 1; i >= 0; i--)
        {
            if (comparer.Equals(_items[i], item))
                return i;
        }
        return -1;
    }

    public bool Exists(Predicate<T> match) => FindIndex(match) >= 0;

    public T Find(Predicate<T> match)
    {
        int index = FindIndex(match);
        return index < 0 ? default : _items[index];
    }

    public int FindIndex(Predicate<T> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        for (int i = 0; i < _size; i++)
        {
            if (match(_items[i]))
                return i;
        }
        return -1;
    }

    public T FindLast(Predicate<T> match)
    {
        int index = FindLastIndex(match);
        return index < 0 ? default : _items[index];
    }

    public int FindLastIndex(Predicate<T> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        for (int i = _size - 1; i >= 0; i--)
        {
            if (match(_items[i]))
                return i;
        }
        return -1;
    }

    public List<T> FindAll(Predicate<T> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new List<T>();
        for (int i = 0; i < _size; i++)
        {
            if (match(_items[i]))
                found.Add(_items[i]);
        }
        return found;
    }

    public bool TrueForAll(Predicate<T> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        for (int i = 0; i < _size; i++)
        {
            if (!match(_items[i]))
                return false;
        }
        return true;
    }

    /// <summary>Calls <paramref name="action"/> on each element; changing the list meanwhile throws.</summary>
    public void ForEach(Action<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        int version = _version;
        for (int i = 0; i < _size; i++)
        {
            if (version != _version)
                break;
            action(_items[i]);
        }
        if (version != _version)
            throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
    }

    public List<TOutput> ConvertAll<TOutput>(Converter<T, TOutput> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        var result = new List<TOutput>(_size);
        for (int i = 0; i < _size; i++)
            result.Add(converter(_items[i]));
        return result;
    }

    public List<T> GetRange(int index, int count)
    {
        if (index < 0 || count < 0)
            throw new ArgumentOutOfRangeException(index < 0 ? nameof(index) : nameof(count), "Non-negative number required.");
        if (_size - index < count)
            throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        var range = new List<T>(count);
        new ReadOnlySpan<T>(_items, index, count).CopyTo(range._items);
        range._size = count;
        return range;
    }

    public void Reverse()
    {
        new Span<T>(_items, 0, _size).Reverse();
        _version++;
    }

    public void Reverse(int index, int count)
    {
        if (index < 0 || count < 0)
            throw new ArgumentOutOfRangeException(index < 0 ? nameof(index) : nameof(count), "Non-negative number required.");
        if (_size - index < count)
            throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        new Span<T>(_items, index, count).Reverse();
        _version++;
    }

    /// <summary>Sorts with <see cref="Comparer{T}.Default"/>; not stable (as in .NET).</summary>
    public void Sort() => Sort((IComparer<T>)null);

    public void Sort(IComparer<T> comparer)
    {
        if (_size > 1)
            ArraySortHelper<T>.Sort(new Span<T>(_items, 0, _size), comparer);
        _version++;
    }

    public void Sort(Comparison<T> comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (_size > 1)
            ArraySortHelper<T>.Sort(new Span<T>(_items, 0, _size), comparison);
        _version++;
    }

    public int BinarySearch(T item) => Array.BinarySearch(_items, 0, _size, item, null);

    public int BinarySearch(T item, IComparer<T> comparer) => Array.BinarySearch(_items, 0, _size, item, comparer);

    public T[] ToArray() => new ReadOnlySpan<T>(_items, 0, _size).ToArray();

    public void CopyTo(T[] array) => CopyTo(array, 0);

    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (arrayIndex < 0 || arrayIndex > array.Length - _size)
            throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.", nameof(array));
        new ReadOnlySpan<T>(_items, 0, _size).CopyTo(new Span<T>(array, arrayIndex, _size));
    }

    /// <summary>Makes sure the list can hold <paramref name="capacity"/> elements; returns the new capacity.</summary>
    public int EnsureCapacity(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
        if (_items.Length < capacity)
            Grow(capacity);
        return _items.Length;
    }

    public void TrimExcess()
    {
        if (_size < (int)(_items.Length * 0.9))
            Capacity = _size;
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

    private void Grow(int capacity)
    {
        int newCapacity = _items.Length == 0 ? DefaultCapacity : 2 * _items.Length;
        if (newCapacity < capacity)
            newCapacity = capacity;
        Capacity = newCapacity;
    }

    private static void ThrowIndexOutOfRange() =>
        throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");

    /// <summary>The struct enumerator <c>foreach</c> uses; it throws if the list changes.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly List<T> _list;
        private readonly int _version;
        private int _index;
        private T _current;

        internal Enumerator(List<T> list)
        {
            _list = list;
            _version = list._version;
            _index = 0;
            _current = default;
        }

        public bool MoveNext()
        {
            if (_version != _list._version)
                ThrowVersionChanged();
            if ((uint)_index < (uint)_list._size)
            {
                _current = _list._items[_index];
                _index++;
                return true;
            }
            _index = _list._size + 1;
            _current = default;
            return false;
        }

        public T Current => _current;

        object IEnumerator.Current
        {
            get
            {
                if (_index == 0 || _index == _list._size + 1)
                    throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                return _current;
            }
        }

        void IEnumerator.Reset()
        {
            if (_version != _list._version)
                ThrowVersionChanged();
            _index = 0;
            _current = default;
        }

        public void Dispose() { }
    }

    internal static void ThrowVersionChanged() =>
        throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
}
