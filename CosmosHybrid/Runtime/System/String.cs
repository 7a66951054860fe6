using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

/// <summary>An immutable UTF-16 string. Layout (length, then characters) is fixed by ILC.</summary>
public sealed class String
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
    private static string Ctor(char[] value) => Ctor(new ReadOnlySpan<char>(value));

    private static string Ctor(char[] value, int startIndex, int length) =>
        Ctor(new ReadOnlySpan<char>(value).Slice(startIndex, length));

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
        if (count <= 0)
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

    public ReadOnlySpan<char> AsSpan() => new ReadOnlySpan<char>(ref _firstChar, _stringLength);

    public ref readonly char GetPinnableReference() => ref _firstChar;

    public static string Concat(string a, string b)
    {
        if (IsNullOrEmpty(a))
            return b ?? Empty;
        if (IsNullOrEmpty(b))
            return a;
        string result = FastAllocateString(a.Length + b.Length);
        Span<char> chars = new Span<char>(ref result._firstChar, result.Length);
        a.AsSpan().CopyTo(chars);
        b.AsSpan().CopyTo(chars.Slice(a.Length));
        return result;
    }

    public static string Concat(string a, string b, string c) => Concat(Concat(a, b), c);

    public static string Concat(string a, string b, string c, string d) => Concat(Concat(a, b), Concat(c, d));

    public static string Concat(params string[] values)
    {
        int length = 0;
        for (int i = 0; i < values.Length; i++)
            length += values[i] == null ? 0 : values[i].Length;
        if (length == 0)
            return Empty;

        string result = FastAllocateString(length);
        Span<char> chars = new Span<char>(ref result._firstChar, length);
        int offset = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] == null)
                continue;
            values[i].AsSpan().CopyTo(chars.Slice(offset));
            offset += values[i].Length;
        }
        return result;
    }

    public static string Concat(object a, object b) => Concat(a?.ToString(), b?.ToString());

    public static string Concat(object a, object b, object c) => Concat(a?.ToString(), b?.ToString(), c?.ToString());

    public static bool IsNullOrEmpty(string value) => value == null || value.Length == 0;

    public static bool Equals(string a, string b)
    {
        if ((object)a == b)
            return true;
        if (a is null || b is null || a.Length != b.Length)
            return false;
        return a.AsSpan().SequenceEqual(b.AsSpan());
    }

    public bool Equals(string other) => Equals(this, other);

    public override bool Equals(object obj) => obj is string other && Equals(this, other);

    public static bool operator ==(string a, string b) => Equals(a, b);

    public static bool operator !=(string a, string b) => !Equals(a, b);

    public override int GetHashCode()
    {
        // FNV-1a over the UTF-16 code units.
        uint hash = 2166136261;
        for (int i = 0; i < _stringLength; i++)
            hash = (hash ^ this[i]) * 16777619;
        return (int)hash;
    }

    public bool StartsWith(string value) =>
        value.Length <= Length && AsSpan().Slice(0, value.Length).SequenceEqual(value.AsSpan());

    public bool EndsWith(string value) =>
        value.Length <= Length && AsSpan().Slice(Length - value.Length).SequenceEqual(value.AsSpan());

    public int IndexOf(char value)
    {
        for (int i = 0; i < _stringLength; i++)
        {
            if (this[i] == value)
                return i;
        }
        return -1;
    }

    public int IndexOf(string value)
    {
        for (int i = 0; i + value.Length <= _stringLength; i++)
        {
            if (AsSpan().Slice(i, value.Length).SequenceEqual(value.AsSpan()))
                return i;
        }
        return -1;
    }

    public bool Contains(string value) => IndexOf(value) >= 0;

    public string Substring(int startIndex) => Substring(startIndex, Length - startIndex);

    public string Substring(int startIndex, int length)
    {
        if ((uint)startIndex > (uint)Length || (uint)length > (uint)(Length - startIndex))
            throw new ArgumentOutOfRangeException(nameof(length), "Index and length must refer to a location within the string.");
        return new string(AsSpan().Slice(startIndex, length));
    }

    public string Trim()
    {
        int start = 0;
        int end = Length;
        while (start < end && char.IsWhiteSpace(this[start]))
            start++;
        while (end > start && char.IsWhiteSpace(this[end - 1]))
            end--;
        return start == 0 && end == Length ? this : Substring(start, end - start);
    }

    public override string ToString() => this;
}
