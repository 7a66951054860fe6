using System.Collections.Generic;

namespace System;

// Concat and Join. Null strings and null objects count as empty.
public sealed partial class String
{
    public static string Concat(string str0, string str1)
    {
        if (IsNullOrEmpty(str0))
            return str1 ?? Empty;
        if (IsNullOrEmpty(str1))
            return str0;
        return Concat(str0.AsSpan(), str1.AsSpan());
    }

    public static string Concat(string str0, string str1, string str2) => Concat(str0.AsSpan(), str1.AsSpan(), str2.AsSpan());

    public static string Concat(string str0, string str1, string str2, string str3) =>
        Concat(str0.AsSpan(), str1.AsSpan(), str2.AsSpan(), str3.AsSpan());

    public static string Concat(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
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

    public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1)
    {
        int length = str0.Length + str1.Length;
        if (length == 0)
            return Empty;
        string result = FastAllocateString(length);
        Span<char> chars = new Span<char>(ref result._firstChar, length);
        str0.CopyTo(chars);
        str1.CopyTo(chars.Slice(str0.Length));
        return result;
    }

    public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2)
    {
        int length = str0.Length + str1.Length + str2.Length;
        if (length == 0)
            return Empty;
        string result = FastAllocateString(length);
        Span<char> chars = new Span<char>(ref result._firstChar, length);
        str0.CopyTo(chars);
        str1.CopyTo(chars.Slice(str0.Length));
        str2.CopyTo(chars.Slice(str0.Length + str1.Length));
        return result;
    }

    public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2, ReadOnlySpan<char> str3)
    {
        int length = str0.Length + str1.Length + str2.Length + str3.Length;
        if (length == 0)
            return Empty;
        string result = FastAllocateString(length);
        Span<char> chars = new Span<char>(ref result._firstChar, length);
        str0.CopyTo(chars);
        str1.CopyTo(chars.Slice(str0.Length));
        str2.CopyTo(chars.Slice(str0.Length + str1.Length));
        str3.CopyTo(chars.Slice(str0.Length + str1.Length + str2.Length));
        return result;
    }

    public static string Concat(object arg0) => arg0?.ToString() ?? Empty;

    public static string Concat(object arg0, object arg1) => Concat(arg0?.ToString(), arg1?.ToString());

    public static string Concat(object arg0, object arg1, object arg2) => Concat(arg0?.ToString(), arg1?.ToString(), arg2?.ToString());

    public static string Concat(params object[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string[] values = new string[args.Length];
        for (int i = 0; i < args.Length; i++)
            values[i] = args[i]?.ToString();
        return Concat(values);
    }

    public static string Concat(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new Text.StringBuilder();
        foreach (string value in values)
            builder.Append(value);
        return builder.ToString();
    }

    public static string Concat<T>(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new Text.StringBuilder();
        foreach (T value in values)
        {
            if (value != null)
                builder.Append(value.ToString());
        }
        return builder.ToString();
    }

    public static string Join(char separator, params string[] value) => Join(FromChar(separator), value);

    public static string Join(char separator, params object[] values) => Join(FromChar(separator), values);

    public static string Join(char separator, string[] value, int startIndex, int count) => Join(FromChar(separator), value, startIndex, count);

    public static string Join(string separator, params string[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Join(separator, value, 0, value.Length);
    }

    public static string Join(string separator, string[] value, int startIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (startIndex < 0 || count < 0 || startIndex > value.Length - count)
            throw new ArgumentOutOfRangeException(startIndex < 0 ? nameof(startIndex) : nameof(count));
        if (count == 0)
            return Empty;
        separator ??= Empty;

        int length = separator.Length * (count - 1);
        for (int i = startIndex; i < startIndex + count; i++)
            length += value[i] == null ? 0 : value[i].Length;
        if (length == 0)
            return Empty;

        string result = FastAllocateString(length);
        Span<char> chars = new Span<char>(ref result._firstChar, length);
        int offset = 0;
        for (int i = startIndex; i < startIndex + count; i++)
        {
            if (i > startIndex)
            {
                separator.AsSpan().CopyTo(chars.Slice(offset));
                offset += separator.Length;
            }
            if (value[i] != null)
            {
                value[i].AsSpan().CopyTo(chars.Slice(offset));
                offset += value[i].Length;
            }
        }
        return result;
    }

    public static string Join(string separator, params object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] texts = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
            texts[i] = values[i]?.ToString();
        return Join(separator, texts, 0, texts.Length);
    }

    public static string Join(string separator, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new Text.StringBuilder();
        bool first = true;
        foreach (string value in values)
        {
            if (!first)
                builder.Append(separator);
            builder.Append(value);
            first = false;
        }
        return builder.ToString();
    }

    public static string Join<T>(string separator, IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new Text.StringBuilder();
        bool first = true;
        foreach (T value in values)
        {
            if (!first)
                builder.Append(separator);
            if (value != null)
                builder.Append(value.ToString());
            first = false;
        }
        return builder.ToString();
    }

    public static string Join<T>(char separator, IEnumerable<T> values) => Join(FromChar(separator), values);
}
