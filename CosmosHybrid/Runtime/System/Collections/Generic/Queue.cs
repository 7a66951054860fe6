namespace System.Collections.Generic;

/// <summary>
/// A first-in, first-out queue in a circular buffer that doubles when full.
/// Enumeration runs from the head (the next to dequeue) to the tail; Enqueue,
/// Dequeue and Clear during enumeration make the enumerator throw.
/// </summary>
public class Queue<T> : IEnumerable<T>, IReadOnlyCollection<T>
{
    private const int MinimumGrow = 4;

    private T[] _array;
    private int _head; // index of the next element to dequeue
    private int _tail; // index where the next element is enqueued
    private int _size;
    private int _version;

    public Queue() { _array = Array.Empty<T>(); }

    public Queue(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
        _array = new T[capacity];
    }

    public Queue(IEnumerable<T> collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        _array = Array.Empty<T>();
        foreach (T item in collection)
            Enqueue(item);
    }

    public int Count => _size;

    public void Enqueue(T item)
    {
        if (_size == _array.Length)
            Grow(_size + 1);
        _array[_tail] = item;
        _tail = Next(_tail);
        _size++;
        _version++;
    }

    /// <summary>Removes and returns the head; throws <see cref="InvalidOperationException"/> when empty.</summary>
    public T Dequeue()
    {
        if (_size == 0)
            throw new InvalidOperationException("Queue empty.");
        T item = _array[_head];
        _array[_head] = default;
        _head = Next(_head);
        _size--;
        _version++;
        return item;
    }

    public bool TryDequeue(out T result)
    {
        if (_size == 0)
        {
            result = default;
            return false;
        }
        result = Dequeue();
        return true;
    }

    public T Peek()
    {
        if (_size == 0)
            throw new InvalidOperationException("Queue empty.");
        return _array[_head];
    }

    public bool TryPeek(out T result)
    {
        if (_size == 0)
        {
            result = default;
            return false;
        }
        result = _array[_head];
        return true;
    }

    public void Clear()
    {
        if (_size != 0)
        {
            if (_head < _tail)
            {
                new Span<T>(_array, _head, _size).Clear();
            }
            else
            {
                new Span<T>(_array, _head, _array.Length - _head).Clear();
                new Span<T>(_array, 0, _tail).Clear();
            }
            _size = 0;
        }
        _head = 0;
        _tail = 0;
        _version++;
    }

    public bool Contains(T item)
    {
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0, index = _head; i < _size; i++, index = Next(index))
        {
            if (comparer.Equals(_array[index], item))
                return true;
        }
        return false;
    }

    public T[] ToArray()
    {
        if (_size == 0)
            return Array.Empty<T>();
        T[] result = new T[_size];
        CopyTo(result, 0);
        return result;
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (arrayIndex < 0 || arrayIndex > array.Length)
            throw new ArgumentOutOfRangeException(nameof(arrayIndex), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
        if (array.Length - arrayIndex < _size)
            throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        for (int i = 0, index = _head; i < _size; i++, index = Next(index))
            array[arrayIndex + i] = _array[index];
    }

    public int EnsureCapacity(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
        if (_array.Length < capacity)
            Grow(capacity);
        return _array.Length;
    }

    public void TrimExcess()
    {
        if (_size < (int)(_array.Length * 0.9))
            SetCapacity(_size);
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

    private int Next(int index)
    {
        index++;
        return index == _array.Length ? 0 : index;
    }

    private void Grow(int capacity)
    {
        int newCapacity = 2 * _array.Length;
        if (newCapacity < _array.Length + MinimumGrow)
            newCapacity = _array.Length + MinimumGrow;
        if (newCapacity < capacity)
            newCapacity = capacity;
        SetCapacity(newCapacity);
    }

    private void SetCapacity(int capacity)
    {
        T[] array = new T[capacity];
        if (_size > 0)
            CopyTo(array, 0);
        _array = array;
        _head = 0;
        _tail = _size == capacity ? 0 : _size;
        _version++;
    }

    /// <summary>The struct enumerator <c>foreach</c> uses; it throws if the queue changes.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly Queue<T> _queue;
        private readonly int _version;
        private int _index; // -1: not started, -2: finished
        private T _current;

        internal Enumerator(Queue<T> queue)
        {
            _queue = queue;
            _version = queue._version;
            _index = -1;
            _current = default;
        }

        public bool MoveNext()
        {
            if (_version != _queue._version)
                List<T>.ThrowVersionChanged();
            if (_index == -2)
                return false;
            _index++;
            if (_index == _queue._size)
            {
                _index = -2;
                _current = default;
                return false;
            }
            int position = _queue._head + _index;
            if (position >= _queue._array.Length)
                position -= _queue._array.Length;
            _current = _queue._array[position];
            return true;
        }

        public T Current
        {
            get
            {
                if (_index < 0)
                    throw new InvalidOperationException(_index == -1 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
                return _current;
            }
        }

        object IEnumerator.Current => Current;

        void IEnumerator.Reset()
        {
            if (_version != _queue._version)
                List<T>.ThrowVersionChanged();
            _index = -1;
            _current = default;
        }

        public void Dispose()
        {
            _index = -2;
            _current = default;
        }
    }
}
