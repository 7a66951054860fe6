using System.Collections;
using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

/// <summary>
/// Base of all arrays (single-dimensional, zero-based only). The element count sits right
/// after the MethodTable pointer. The static helpers follow .NET; <see cref="Copy(Array, int, Array, int, int)"/>
/// copies between arrays of the same element type or of reference types whose elements fit
/// the destination, and throws <see cref="ArrayTypeMismatchException"/> for the primitive
/// widenings .NET performs (int[] to long[]...).
/// </summary>
public abstract unsafe partial class Array
{
#pragma warning disable 649, 169
    private int _numComponents;
#pragma warning restore 649, 169

    public int Length => _numComponents;

    public long LongLength => _numComponents;

    public int Rank => 1;

    /// <summary>An empty array, shared by every caller.</summary>
    public static T[] Empty<T>() => EmptyArray<T>.Value;

    public static void Copy(Array sourceArray, Array destinationArray, int length) =>
        Copy(sourceArray, 0, destinationArray, 0, length);

    public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
    {
        ArgumentNullException.ThrowIfNull(sourceArray);
        ArgumentNullException.ThrowIfNull(destinationArray);
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length), "Non-negative number required.");
        if (sourceIndex < 0)
            throw new ArgumentOutOfRangeException(nameof(sourceIndex), "Number was less than the array's lower bound in the first dimension.");
        if (destinationIndex < 0)
            throw new ArgumentOutOfRangeException(nameof(destinationIndex), "Number was less than the array's lower bound in the first dimension.");
        if (sourceIndex > sourceArray.Length - length)
            throw new ArgumentException("Source array was not long enough. Check the source index, length, and the array's lower bounds.", nameof(sourceArray));
        if (destinationIndex > destinationArray.Length - length)
            throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.", nameof(destinationArray));

        MethodTable* sourceType = sourceArray.GetMethodTable();
        MethodTable* destinationType = destinationArray.GetMethodTable();
        uint elementSize = sourceType->ComponentSize;
        ref byte source = ref Unsafe.Add(ref Unsafe.As<RawArrayData>(sourceArray).Data, (nint)sourceIndex * (nint)elementSize);
        ref byte destination = ref Unsafe.Add(ref Unsafe.As<RawArrayData>(destinationArray).Data, (nint)destinationIndex * (nint)elementSize);

        if (sourceType == destinationType)
        {
            Buffer.BulkMoveWithWriteBarrier(ref destination, ref source, (nuint)length * elementSize);
            return;
        }

        MethodTable* sourceElement = sourceType->ElementType;
        MethodTable* destinationElement = destinationType->ElementType;
        if (sourceElement->IsValueTypeKind || destinationElement->IsValueTypeKind)
            throw new ArrayTypeMismatchException();

        if (TypeCast.IsAssignableFrom(destinationElement, sourceElement))
        {
            Buffer.BulkMoveWithWriteBarrier(ref destination, ref source, (nuint)length * elementSize);
            return;
        }

        // Downcasting copy (object[] to string[]): every element must fit. Overlap is
        // impossible here because the arrays have different types.
        for (int i = 0; i < length; i++)
        {
            object item = Unsafe.Add(ref Unsafe.As<byte, object>(ref source), i);
            if (item != null && !TypeCast.IsAssignableFrom(destinationElement, item.GetMethodTable()))
                throw new InvalidCastException();
            Unsafe.Add(ref Unsafe.As<byte, object>(ref destination), i) = item;
        }
    }

    /// <summary>Sets a range of elements to their default value.</summary>
    public static void Clear(Array array)
    {
        ArgumentNullException.ThrowIfNull(array);
        Clear(array, 0, array.Length);
    }

    public static void Clear(Array array, int index, int length)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (index < 0 || length < 0 || index > array.Length - length)
            throw new IndexOutOfRangeException();
        uint elementSize = array.GetMethodTable()->ComponentSize;
        ref byte start = ref Unsafe.Add(ref Unsafe.As<RawArrayData>(array).Data, (nint)index * (nint)elementSize);
        SpanHelpers.ClearWithoutReferences(ref start, (nuint)length * elementSize);
    }

    public void CopyTo(Array array, int index) => Copy(this, 0, array, index, Length);

    public static void Resize<T>(ref T[] array, int newSize)
    {
        if (newSize < 0)
            throw new ArgumentOutOfRangeException(nameof(newSize), "Non-negative number required.");
        T[] old = array;
        if (old == null)
        {
            array = new T[newSize];
            return;
        }
        if (old.Length == newSize)
            return;
        T[] resized = new T[newSize];
        new ReadOnlySpan<T>(old, 0, Math.Min(old.Length, newSize)).CopyTo(resized);
        array = resized;
    }

    public static void Fill<T>(T[] array, T value)
    {
        ArgumentNullException.ThrowIfNull(array);
        new Span<T>(array).Fill(value);
    }

    public static void Fill<T>(T[] array, T value, int startIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(array);
        if ((uint)startIndex > (uint)array.Length)
            throw new ArgumentOutOfRangeException(nameof(startIndex));
        if ((uint)count > (uint)(array.Length - startIndex))
            throw new ArgumentOutOfRangeException(nameof(count));
        new Span<T>(array, startIndex, count).Fill(value);
    }

    /// <summary>The first index of <paramref name="value"/> by <see cref="EqualityComparer{T}.Default"/>, or -1.</summary>
    public static int IndexOf<T>(T[] array, T value)
    {
        ArgumentNullException.ThrowIfNull(array);
        return IndexOf(array, value, 0, array.Length);
    }

    public static int IndexOf<T>(T[] array, T value, int startIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        return IndexOf(array, value, startIndex, array.Length - startIndex);
    }

    public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(array);
        if ((uint)startIndex > (uint)array.Length)
            throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
        if ((uint)count > (uint)(array.Length - startIndex))
            throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = startIndex; i < startIndex + count; i++)
        {
            if (comparer.Equals(array[i], value))
                return i;
        }
        return -1;
    }

    public static int LastIndexOf<T>(T[] array, T value)
    {
        ArgumentNullException.ThrowIfNull(array);
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = array.Length - 1; i >= 0; i--)
        {
            if (comparer.Equals(array[i], value))
                return i;
        }
        return -1;
    }

    public static bool Exists<T>(T[] array, Predicate<T> match) => FindIndex(array, match) >= 0;

    public static int FindIndex<T>(T[] array, Predicate<T> match)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(match);
        for (int i = 0; i < array.Length; i++)
        {
            if (match(array[i]))
                return i;
        }
        return -1;
    }

    public static T Find<T>(T[] array, Predicate<T> match)
    {
        int index = FindIndex(array, match);
        return index < 0 ? default : array[index];
    }

    public static void Reverse<T>(T[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        new Span<T>(array).Reverse();
    }

    public static void Reverse<T>(T[] array, int index, int length)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (index < 0 || length < 0)
            throw new ArgumentOutOfRangeException(index < 0 ? nameof(index) : nameof(length));
        if (array.Length - index < length)
            throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        new Span<T>(array, index, length).Reverse();
    }

    /// <summary>Sorts with <see cref="Comparer{T}.Default"/>; not stable (as in .NET).</summary>
    public static void Sort<T>(T[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArraySortHelper<T>.Sort(new Span<T>(array), (IComparer<T>)null);
    }

    public static void Sort<T>(T[] array, IComparer<T> comparer)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArraySortHelper<T>.Sort(new Span<T>(array), comparer);
    }

    public static void Sort<T>(T[] array, Comparison<T> comparison)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(comparison);
        ArraySortHelper<T>.Sort(new Span<T>(array), comparison);
    }

    public static void Sort<T>(T[] array, int index, int length)
    {
        Sort(array, index, length, null);
    }

    public static void Sort<T>(T[] array, int index, int length, IComparer<T> comparer)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (index < 0 || length < 0)
            throw new ArgumentOutOfRangeException(index < 0 ? nameof(index) : nameof(length), "Non-negative number required.");
        if (array.Length - index < length)
            throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        ArraySortHelper<T>.Sort(new Span<T>(array, index, length), comparer);
    }

    /// <summary>Binary search of a sorted array; the complement of the insertion point when not found.</summary>
    public static int BinarySearch<T>(T[] array, T value) => BinarySearch(array, 0, array?.Length ?? 0, value, null);

    public static int BinarySearch<T>(T[] array, int index, int length, T value, IComparer<T> comparer)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (index < 0 || length < 0 || array.Length - index < length)
            throw new ArgumentOutOfRangeException(nameof(index));
        comparer ??= Comparer<T>.Default;
        int low = index;
        int high = index + length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int c = comparer.Compare(array[middle], value);
            if (c == 0)
                return middle;
            if (c < 0)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return ~low;
    }

    private static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }
}

/// <summary>
/// ILC lays out T[] from this type: single-dimensional arrays implement the generic
/// collection interfaces through it (read-only size: Add, Insert and Remove throw
/// <see cref="NotSupportedException"/>, as in .NET).
/// </summary>
public class Array<T> : Array, IList<T>, IReadOnlyList<T>
{
    private T[] AsArray => Unsafe.As<T[]>(this);

    public IEnumerator<T> GetEnumerator() => new ArrayEnumerator<T>(AsArray);

    IEnumerator IEnumerable.GetEnumerator() => new ArrayEnumerator<T>(AsArray);

    public int Count => Length;

    public bool IsReadOnly => true;

    public T this[int index]
    {
        get => AsArray[index];
        set => AsArray[index] = value;
    }

    public int IndexOf(T item) => IndexOf(AsArray, item);

    public bool Contains(T item) => IndexOf(AsArray, item) >= 0;

    public void CopyTo(T[] array, int arrayIndex) => Copy(this, 0, array, arrayIndex, Length);

    public void Add(T item) => throw new NotSupportedException("Collection was of a fixed size.");

    public void Clear() => throw new NotSupportedException("Collection is read-only.");

    public void Insert(int index, T item) => throw new NotSupportedException("Collection was of a fixed size.");

    public bool Remove(T item) => throw new NotSupportedException("Collection was of a fixed size.");

    public void RemoveAt(int index) => throw new NotSupportedException("Collection was of a fixed size.");
}

/// <summary>Enumerates an array through <see cref="IEnumerator{T}"/>.</summary>
internal sealed class ArrayEnumerator<T> : IEnumerator<T>
{
    private readonly T[] _array;
    private int _index = -1;

    public ArrayEnumerator(T[] array) { _array = array; }

    public T Current
    {
        get
        {
            if ((uint)_index >= (uint)_array.Length)
                throw new InvalidOperationException(_index < 0 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
            return _array[_index];
        }
    }

    object IEnumerator.Current => Current;

    public bool MoveNext()
    {
        if (_index < _array.Length - 1)
        {
            _index++;
            return true;
        }
        _index = _array.Length;
        return false;
    }

    public void Reset() => _index = -1;

    public void Dispose() { }
}

/// <summary>Lets code reach the first element of an array of any element type.</summary>
internal sealed class RawArrayData
{
#pragma warning disable 649
    public uint Length;
    public uint Padding;
    public byte Data;
#pragma warning restore 649
}
