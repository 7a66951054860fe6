namespace System.Collections.Generic;

/// <summary>
/// A last-in, first-out stack in an array that doubles when full. Enumeration runs
/// from the top (the next to pop) down; Push, Pop and Clear during enumeration make
/// the enumerator throw.
/// </summary>
public class Stack<T> : IEnumerable<T>, IReadOnlyCollection<T>
{
    private const int DefaultCapacity = 4;

    private T[] _array;
    private int _size;
    private int _version;

    public Stack() { _array = Array.Empty<T>(); }

    public Stack(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
        _array = new T[capacity];
    }

    public Stack(IEnumerable<T> collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        _array = Array.Empty<T>();
        foreach (T item in collection)
            Push(item);
    }

    public int Count => _size;

    public void Push(T item)
    {
        if (_size == _array.Length)
            Array.Resize(ref _array, _array.Length == 0 ? DefaultCapacity : 2 * _array.Length);
        _array[_size++] = item;
        _version++;
    }

    /// <summary>Removes and returns the top; throws <see cref="InvalidOperationException"/> when empty.</summary>
    public T Pop()
    {
        if (_size == 0)
            throw new InvalidOperationException("Stack empty.");
        _version++;
        T item = _array[--_size];
        _array[_size] = default;
        return item;
    }

    public bool TryPop(out T result)
    {
        if (_size == 0)
        {
            result = default;
            return false;
        }
        result = Pop();
        return true;
    }

    public T Peek()
    {
        if (_size == 0)
            throw new InvalidOperationException("Stack empty.");
        return _array[_size - 1];
    }

    public bool TryPeek(out T result)
    {
        if (_size == 0)
        {
            result = default;
            return false;
        }
        result = _array[_size - 1];
        return true;
    }

    public void Clear()
    {
        new Span<T>(_array, 0, _size).Clear();
        _size = 0;
        _version++;
    }

    public bool Contains(T item) => _size != 0 && Array.IndexOf(_array, item, 0, _size) >= 0;

    /// <summary>The elements from top to bottom.</summary>
    public T[] ToArray()
    {
        if (_size == 0)
            return Array.Empty<T>();
        T[] result = new T[_size];
        for (int i = 0; i < _size; i++)
            result[i] = _array[_size - 1 - i];
        return result;
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (arrayIndex < 0 || arrayIndex > array.Length)
            throw new ArgumentOutOfRangeException(nameof(arrayIndex));
        if (array.Length - arrayIndex < _size)
            throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        for (int i = 0; i < _size; i++)
            array[arrayIndex + i] = _array[_size - 1 - i];
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

    /// <summary>The struct enumerator <c>foreach</c> uses; it throws if the stack changes.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly Stack<T> _stack;
        private readonly int _version;
        private int _index; // -2: not started, -1: finished
        private T _current;

        internal Enumerator(Stack<T> stack)
        {
            _stack = stack;
            _version = stack._version;
            _index = -2;
            _current = default;
        }

        public bool MoveNext()
        {
            if (_version != _stack._version)
                List<T>.ThrowVersionChanged();
            if (_index == -2)
                _index = _stack._size;
            if (_index == -1)
                return false;
            if (--_index >= 0)
            {
                _current = _stack._array[_index];
                return true;
            }
            _current = default;
            return false;
        }

        public T Current
        {
            get
            {
                if (_index < 0)
                    throw new InvalidOperationException(_index == -2 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
                return _current;
            }
        }

        object IEnumerator.Current => Current;

        void IEnumerator.Reset()
        {
            if (_version != _stack._version)
                List<T>.ThrowVersionChanged();
            _index = -2;
            _current = default;
        }

        public void Dispose() => _index = -1;
    }
}
