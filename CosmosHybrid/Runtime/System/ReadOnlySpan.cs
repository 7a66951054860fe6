using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>A read-only, bounds-checked view of contiguous memory.</summary>
public readonly ref struct ReadOnlySpan<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    public ReadOnlySpan(T[] array)
    {
        if (array == null)
        {
            this = default;
            return;
        }
        _reference = ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data);
        _length = array.Length;
    }

    public ReadOnlySpan(T[] array, int start, int length)
    {
        if (array == null)
        {
            if (start != 0 || length != 0)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            this = default;
            return;
        }
        if ((uint)start > (uint)array.Length || (uint)length > (uint)(array.Length - start))
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.Add(ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data), start);
        _length = length;
    }

    public unsafe ReadOnlySpan(void* pointer, int length)
    {
        if (length < 0)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    internal ReadOnlySpan(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    public static ReadOnlySpan<T> Empty => default;

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public ref readonly T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            return ref Unsafe.Add(ref _reference, index);
        }
    }

    public ReadOnlySpan<T> Slice(int start)
    {
        if ((uint)start > (uint)_length)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), _length - start);
    }

    public ReadOnlySpan<T> Slice(int start, int length)
    {
        if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start))
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), length);
    }

    /// <summary>Copies every element; throws <see cref="ArgumentException"/> when the destination is shorter.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (!TryCopyTo(destination))
            ThrowHelpers.ThrowArgumentException();
    }

    public bool TryCopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
            return false;
        SpanHelpers.Copy(ref destination._reference, ref _reference, _length);
        return true;
    }

    public T[] ToArray()
    {
        if (_length == 0)
            return Array.Empty<T>();
        T[] array = new T[_length];
        SpanHelpers.Copy(ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data), ref _reference, _length);
        return array;
    }

    public ref readonly T GetPinnableReference() => ref _length != 0 ? ref _reference : ref Unsafe.NullRef<T>();

    public Enumerator GetEnumerator() => new Enumerator(this);

    /// <summary>For a span of characters, the characters as a string (as in .NET).</summary>
    public override string ToString()
    {
        if (typeof(T) == typeof(char))
            return new string(new ReadOnlySpan<char>(ref Unsafe.As<T, char>(ref _reference), _length));
        return "System.ReadOnlySpan<" + typeof(T).Name + ">[" + _length.ToString() + "]";
    }

    /// <summary>True when both spans start at the same address and have the same length.</summary>
    public static bool operator ==(ReadOnlySpan<T> left, ReadOnlySpan<T> right) =>
        left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);

    public static bool operator !=(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => !(left == right);

#pragma warning disable CS0809 // obsolete member overrides non-obsolete member
    [Obsolete("Equals() on ReadOnlySpan will always throw an exception. Use the equality operator instead.")]
    public override bool Equals(object obj) => throw new NotSupportedException("Equals() on ReadOnlySpan and Span is not supported. Use operator== instead.");

    [Obsolete("GetHashCode() on ReadOnlySpan will always throw an exception.")]
    public override int GetHashCode() => throw new NotSupportedException("GetHashCode() on ReadOnlySpan and Span is not supported.");
#pragma warning restore CS0809

    public static implicit operator ReadOnlySpan<T>(T[] array) => new ReadOnlySpan<T>(array);

    /// <summary>Walks a span with <c>foreach</c>.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<T> _span;
        private int _index;

        internal Enumerator(ReadOnlySpan<T> span)
        {
            _span = span;
            _index = -1;
        }

        public bool MoveNext()
        {
            int index = _index + 1;
            if (index < _span.Length)
            {
                _index = index;
                return true;
            }
            return false;
        }

        public ref readonly T Current => ref _span[_index];
    }
}
