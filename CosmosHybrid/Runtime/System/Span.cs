using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>A bounds-checked view of contiguous memory: part of an array, a stack buffer, or raw memory.</summary>
public readonly ref struct Span<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    public Span(T[] array)
    {
        if (array == null)
        {
            this = default;
            return;
        }
        CheckArrayType(array);
        _reference = ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data);
        _length = array.Length;
    }

    public Span(T[] array, int start, int length)
    {
        if (array == null)
        {
            if (start != 0 || length != 0)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            this = default;
            return;
        }
        CheckArrayType(array);
        if ((uint)start > (uint)array.Length || (uint)length > (uint)(array.Length - start))
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.Add(ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data), start);
        _length = length;
    }

    public unsafe Span(void* pointer, int length)
    {
        if (length < 0)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    internal Span(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    // A string[] seen as object[] must not receive other objects through a span (as in .NET).
    private static unsafe void CheckArrayType(T[] array)
    {
        if (default(T) == null && array.GetMethodTable() != MethodTable.Of<T[]>())
            ThrowHelpers.ThrowArrayTypeMismatchException();
    }

    public static Span<T> Empty => default;

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            return ref Unsafe.Add(ref _reference, index);
        }
    }

    public Span<T> Slice(int start)
    {
        if ((uint)start > (uint)_length)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new Span<T>(ref Unsafe.Add(ref _reference, start), _length - start);
    }

    public Span<T> Slice(int start, int length)
    {
        if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start))
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new Span<T>(ref Unsafe.Add(ref _reference, start), length);
    }

    public void Fill(T value)
    {
        for (int i = 0; i < _length; i++)
            Unsafe.Add(ref _reference, i) = value;
    }

    public void Clear() => Fill(default);

    /// <summary>Copies every element; throws <see cref="ArgumentException"/> when the destination is shorter.</summary>
    public void CopyTo(Span<T> destination) => ((ReadOnlySpan<T>)this).CopyTo(destination);

    public bool TryCopyTo(Span<T> destination) => ((ReadOnlySpan<T>)this).TryCopyTo(destination);

    public T[] ToArray() => ((ReadOnlySpan<T>)this).ToArray();

    public ref T GetPinnableReference() => ref _length != 0 ? ref _reference : ref Unsafe.NullRef<T>();

    public Enumerator GetEnumerator() => new Enumerator(this);

    /// <summary>For a span of characters, the characters as a string (as in .NET).</summary>
    public override string ToString()
    {
        if (typeof(T) == typeof(char))
            return new string(new ReadOnlySpan<char>(ref Unsafe.As<T, char>(ref _reference), _length));
        return "System.Span<" + typeof(T).Name + ">[" + _length.ToString() + "]";
    }

    /// <summary>True when both spans start at the same address and have the same length.</summary>
    public static bool operator ==(Span<T> left, Span<T> right) =>
        left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);

    public static bool operator !=(Span<T> left, Span<T> right) => !(left == right);

#pragma warning disable CS0809 // obsolete member overrides non-obsolete member
    [Obsolete("Equals() on Span will always throw an exception. Use the equality operator instead.")]
    public override bool Equals(object obj) => throw new NotSupportedException("Equals() on ReadOnlySpan and Span is not supported. Use operator== instead.");

    [Obsolete("GetHashCode() on Span will always throw an exception.")]
    public override int GetHashCode() => throw new NotSupportedException("GetHashCode() on ReadOnlySpan and Span is not supported.");
#pragma warning restore CS0809

    public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

    public static implicit operator Span<T>(T[] array) => new Span<T>(array);

    /// <summary>Walks a span with <c>foreach</c>; elements can be changed through <see cref="Current"/>.</summary>
    public ref struct Enumerator
    {
        private readonly Span<T> _span;
        private int _index;

        internal Enumerator(Span<T> span)
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

        public ref T Current => ref _span[_index];
    }
}
