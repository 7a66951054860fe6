using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System;

/// <summary>
/// An immutable UTF-16 string. Layout (length, then characters) is fixed by ILC.
/// Comparisons, searches and hashing are ordinal: where .NET compares with the current
/// culture (Compare, CompareTo, IndexOf(string), StartsWith(string)...) this class compares
/// code units, which gives the same answers for text without ignorable characters
/// except for the order of letters of different case ("a" &lt; "B" in a culture, "B" &lt; "a" here).
/// </summary>
public sealed partial class String : IComparable, IComparable<string>, IEquatable<string>, IEnumerable<char>
{
#pragma warning disable 649
    // ILC requires exactly these two fields; the characters follow _firstChar.
    private readonly int _stringLength;
    private char _firstChar;
#pragma warning restore 649

    public static readonly string Empty = "";

    public int Length => _stringLength;

    [IndexerName("Chars")]
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_stringLength)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            return Unsafe.Add(ref _firstChar, index);
        }
    }

    // ILC turns `new string(...)` into a call to the static Ctor with the same parameters.
    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char[] value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char[] value, int startIndex, int length);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(ReadOnlySpan<char> value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern unsafe String(char* value, int startIndex, int length);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char c, int count);

#pragma warning disable IDE0051 // called by ILC-generated code
    private static string Ctor(char[] value) => value == null ? Empty : Ctor(new ReadOnlySpan<char>(value));

    private static string Ctor(char[] value, int startIndex, int length)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (startIndex < 0 || length < 0 || startIndex > value.Length - length)
            throw new ArgumentOutOfRangeException(nameof(startIndex), "Index and length must refer to a location within the string.");
        return Ctor(new ReadOnlySpan<char>(value, startIndex, length));
    }

    private static string Ctor(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
            return Empty;
        string result = FastAllocateString(value.Length);
        value.CopyTo(new Span<char>(ref result._firstChar, value.Length));
        return result;
    }

    private static unsafe string Ctor(char* value, int startIndex, int length) =>
        Ctor(new ReadOnlySpan<char>(value + startIndex, length));

    private static string Ctor(char c, int count)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), "Non-negative number required.");
        if (count == 0)
            return Empty;
        string result = FastAllocateString(count);
        new Span<char>(ref result._firstChar, count).Fill(c);
        return result;
    }
#pragma warning restore IDE0051

    internal static unsafe string FastAllocateString(int length)
    {
        // Every string shares the MethodTable of the empty literal.
        MethodTable* stringType = Empty.GetMethodTable();
        return Unsafe.As<string>(Allocator.AllocateArray(stringType, length));
    }

    internal static string FromChar(char c) => Ctor(c, 1);

    /// <summary>The first character, to write a freshly allocated string.</summary>
    internal ref char GetRawStringData() => ref _firstChar;

    public ref readonly char GetPinnableReference() => ref _firstChar;

    /// <summary>A null string becomes an empty span.</summary>
    public static implicit operator ReadOnlySpan<char>(string value) =>
        value == null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

    public static bool IsNullOrEmpty(string value) => value == null || value.Length == 0;

    public static bool IsNullOrWhiteSpace(string value)
    {
        if (value == null)
            return true;
        for (int i = 0; i < value.Length; i++)
        {
            if (!char.IsWhiteSpace(value[i]))
                return false;
        }
        return true;
    }

    public override int GetHashCode()
    {
        // FNV-1a over the UTF-16 code units (.NET randomizes string hashes per process).
        uint hash = 2166136261;
        for (int i = 0; i < _stringLength; i++)
            hash = (hash ^ Unsafe.Add(ref _firstChar, i)) * 16777619;
        return (int)hash;
    }

    public char[] ToCharArray()
    {
        if (_stringLength == 0)
            return Array.Empty<char>();
        char[] chars = new char[_stringLength];
        this.AsSpan().CopyTo(chars);
        return chars;
    }

    public char[] ToCharArray(int startIndex, int length)
    {
        if ((uint)startIndex > (uint)Length || (uint)length > (uint)(Length - startIndex))
            throw new ArgumentOutOfRangeException(nameof(startIndex));
        if (length == 0)
            return Array.Empty<char>();
        char[] chars = new char[length];
        this.AsSpan().Slice(startIndex, length).CopyTo(chars);
        return chars;
    }

    public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (count < 0 || sourceIndex < 0 || destinationIndex < 0 || count > Length - sourceIndex || destinationIndex > destination.Length - count)
            throw new ArgumentOutOfRangeException(nameof(count));
        this.AsSpan().Slice(sourceIndex, count).CopyTo(new Span<char>(destination, destinationIndex, count));
    }

    public void CopyTo(Span<char> destination) => this.AsSpan().CopyTo(destination);

    public bool TryCopyTo(Span<char> destination) => this.AsSpan().TryCopyTo(destination);

    public CharEnumerator GetEnumerator() => new CharEnumerator(this);

    IEnumerator<char> IEnumerable<char>.GetEnumerator() => new CharEnumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new CharEnumerator(this);

    public override string ToString() => this;

    public string ToString(IFormatProvider provider) => this;
}
