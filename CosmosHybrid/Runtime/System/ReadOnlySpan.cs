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

    public unsafe ReadOnlySpan(void* pointer, int length)
    {
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    internal ReadOnlySpan(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

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

    public void CopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
            ThrowHelpers.ThrowArgumentException();
        SpanHelpers.Copy(ref destination._reference, ref _reference, _length);
    }

    public ref readonly T GetPinnableReference() => ref _reference;

    public static implicit operator ReadOnlySpan<T>(T[] array) => new ReadOnlySpan<T>(array);
}

/// <summary>Span extension methods with .NET's names.</summary>
public static class MemoryExtensions
{
    public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>
    {
        if (span.Length != other.Length)
            return false;
        for (int i = 0; i < span.Length; i++)
        {
            if (!span[i].Equals(other[i]))
                return false;
        }
        return true;
    }

    public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IEquatable<T> =>
        ((ReadOnlySpan<T>)span).SequenceEqual(other);

    public static ReadOnlySpan<char> AsSpan(this string text) => text == null ? default : text.AsSpan();
}
