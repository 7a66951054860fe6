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
        _reference = ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data);
        _length = array.Length;
    }

    public Span(T[] array, int start, int length)
    {
        if ((uint)start > (uint)array.Length || (uint)length > (uint)(array.Length - start))
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.Add(ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data), start);
        _length = length;
    }

    public unsafe Span(void* pointer, int length)
    {
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    internal Span(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

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

    public void CopyTo(Span<T> destination) => ((ReadOnlySpan<T>)this).CopyTo(destination);

    public ref T GetPinnableReference() => ref _reference;

    public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

    public static implicit operator Span<T>(T[] array) => new Span<T>(array);
}
