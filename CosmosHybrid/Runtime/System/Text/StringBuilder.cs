using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System.Text;

/// <summary>
/// A mutable string. The characters live in one array that doubles when it is full
/// (.NET chains chunks instead, so <see cref="Capacity"/> grows differently after the
/// initial 16 characters; the contents behave the same).
/// </summary>
public sealed class StringBuilder
{
    private const int DefaultCapacity = 16;

    private char[] _chars;
    private int _length;

    public StringBuilder() : this(DefaultCapacity) { }

    public StringBuilder(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Capacity must be positive.");
        _chars = new char[capacity == 0 ? DefaultCapacity : capacity];
    }

    public StringBuilder(string value) : this(value, DefaultCapacity) { }

    public StringBuilder(string value, int capacity) : this(Math.Max(capacity, value == null ? 0 : value.Length))
    {
        Append(value);
    }

    public int Length
    {
        get => _length;
        set
        {
            if (value < 0)
                throw new ArgumentOutOfRangeException(nameof(value), "Length cannot be less than zero.");
            if (value > _length)
            {
                EnsureCapacity(value);
                new Span<char>(_chars, _length, value - _length).Clear();
            }
            _length = value;
        }
    }

    public int Capacity
    {
        get => _chars.Length;
        set
        {
            if (value < _length)
                throw new ArgumentOutOfRangeException(nameof(value), "Capacity cannot be less than the current size.");
            if (value != _chars.Length)
                Reallocate(value);
        }
    }

    public int MaxCapacity => int.MaxValue;

    [IndexerName("Chars")]
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length)
                throw new IndexOutOfRangeException();
            return _chars[index];
        }
        set
        {
            if ((uint)index >= (uint)_length)
                throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
            _chars[index] = value;
        }
    }

    public int EnsureCapacity(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "Capacity must be positive.");
        if (capacity > _chars.Length)
            Reallocate(Math.Max(capacity, _chars.Length * 2));
        return _chars.Length;
    }

    public StringBuilder Clear()
    {
        _length = 0;
        return this;
    }

    public StringBuilder Append(char value)
    {
        if (_length == _chars.Length)
            EnsureCapacity(_length + 1);
        _chars[_length++] = value;
        return this;
    }

    public StringBuilder Append(char value, int repeatCount)
    {
        if (repeatCount < 0)
            throw new ArgumentOutOfRangeException(nameof(repeatCount), "Count cannot be less than zero.");
        new Span<char>(Grow(repeatCount), _length, repeatCount).Fill(value);
        _length += repeatCount;
        return this;
    }

    public StringBuilder Append(string value) => value == null ? this : Append(value.AsSpan());

    public StringBuilder Append(string value, int startIndex, int count)
    {
        if (startIndex < 0 || count < 0)
            throw new ArgumentOutOfRangeException(startIndex < 0 ? nameof(startIndex) : nameof(count));
        if (value == null)
        {
            if (startIndex == 0 && count == 0)
                return this;
            throw new ArgumentNullException(nameof(value));
        }
        if (startIndex > value.Length - count)
            throw new ArgumentOutOfRangeException(nameof(startIndex));
        return Append(value.AsSpan(startIndex, count));
    }

    public StringBuilder Append(char[] value) => value == null ? this : Append(new ReadOnlySpan<char>(value));

    public StringBuilder Append(char[] value, int startIndex, int charCount)
    {
        if (startIndex < 0 || charCount < 0)
            throw new ArgumentOutOfRangeException(startIndex < 0 ? nameof(startIndex) : nameof(charCount));
        if (value == null)
        {
            if (startIndex == 0 && charCount == 0)
                return this;
            throw new ArgumentNullException(nameof(value));
        }
        if (startIndex > value.Length - charCount)
            throw new ArgumentOutOfRangeException(nameof(charCount));
        return Append(new ReadOnlySpan<char>(value, startIndex, charCount));
    }

    public StringBuilder Append(ReadOnlySpan<char> value)
    {
        if (value.Length > 0)
        {
            value.CopyTo(new Span<char>(Grow(value.Length), _length, value.Length));
            _length += value.Length;
        }
        return this;
    }

    public StringBuilder Append(StringBuilder value) =>
        value == null ? this : Append(new ReadOnlySpan<char>(value._chars, 0, value._length));

    public StringBuilder Append(bool value) => Append(value ? "True" : "False");

    public StringBuilder Append(sbyte value) => AppendSigned(value, 8);

    public StringBuilder Append(byte value) => AppendUnsigned(value);

    public StringBuilder Append(short value) => AppendSigned(value, 16);

    public StringBuilder Append(ushort value) => AppendUnsigned(value);

    public StringBuilder Append(int value) => AppendSigned(value, 32);

    public StringBuilder Append(uint value) => AppendUnsigned(value);

    public StringBuilder Append(long value) => AppendSigned(value, 64);

    public StringBuilder Append(ulong value) => AppendUnsigned(value);

    public StringBuilder Append(double value) => Append(value.ToString());

    public StringBuilder Append(float value) => Append(value.ToString());

    public StringBuilder Append(object value) => value == null ? this : Append(value.ToString());

    public StringBuilder AppendLine() => Append(Environment.NewLine);

    public StringBuilder AppendLine(string value) => Append(value).Append(Environment.NewLine);

    public StringBuilder AppendJoin(string separator, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
                Append(separator);
            Append(values[i]);
        }
        return this;
    }

    public StringBuilder AppendJoin(char separator, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
                Append(separator);
            Append(values[i]);
        }
        return this;
    }

    public StringBuilder AppendJoin<T>(string separator, IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        bool first = true;
        foreach (T value in values)
        {
            if (!first)
                Append(separator);
            if (value != null)
                Append(value.ToString());
            first = false;
        }
        return this;
    }

    public StringBuilder AppendFormat(string format, object arg0) => AppendFormat(null, format, new object[] { arg0 });

    public StringBuilder AppendFormat(string format, object arg0, object arg1) => AppendFormat(null, format, new object[] { arg0, arg1 });

    public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2) =>
        AppendFormat(null, format, new object[] { arg0, arg1, arg2 });

    public StringBuilder AppendFormat(string format, params object[] args) => AppendFormat(null, format, args);

    /// <summary>
    /// Composite formatting: "{index[,alignment][:format]}", with "{{" and "}}" for braces.
    /// IFormattable arguments receive the format string; null arguments give "".
    /// </summary>
    public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        int i = 0;
        while (i < format.Length)
        {
            char c = format[i++];
            if (c == '}')
            {
                if (i < format.Length && format[i] == '}')
                {
                    Append('}');
                    i++;
                    continue;
                }
                throw FormatError();
            }
            if (c != '{')
            {
                Append(c);
                continue;
            }
            if (i < format.Length && format[i] == '{')
            {
                Append('{');
                i++;
                continue;
            }

            // An item: index, optional alignment, optional format string.
            int index = 0;
            int digits = 0;
            while (i < format.Length && char.IsAsciiDigit(format[i]))
            {
                index = index * 10 + (format[i++] - '0');
                if (++digits > 6)
                    throw FormatError();
            }
            if (digits == 0)
                throw FormatError();
            SkipSpaces(format, ref i);

            int alignment = 0;
            if (i < format.Length && format[i] == ',')
            {
                i++;
                SkipSpaces(format, ref i);
                bool leftAlign = i < format.Length && format[i] == '-';
                if (leftAlign)
                    i++;
                int alignDigits = 0;
                while (i < format.Length && char.IsAsciiDigit(format[i]))
                {
                    alignment = alignment * 10 + (format[i++] - '0');
                    if (++alignDigits > 6)
                        throw FormatError();
                }
                if (alignDigits == 0)
                    throw FormatError();
                if (leftAlign)
                    alignment = -alignment;
                SkipSpaces(format, ref i);
            }

            string itemFormat = null;
            if (i < format.Length && format[i] == ':')
            {
                int start = ++i;
                while (i < format.Length && format[i] != '}')
                {
                    if (format[i] == '{')
                        throw FormatError();
                    i++;
                }
                itemFormat = format.Substring(start, i - start);
            }
            if (i >= format.Length || format[i] != '}')
                throw FormatError();
            i++;

            if (index >= args.Length)
                throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
            object arg = args[index];
            string text = arg is IFormattable formattable ? formattable.ToString(itemFormat, provider) : arg?.ToString();
            AppendAligned(text, alignment);
        }
        return this;
    }

    internal void AppendAligned(string text, int alignment)
    {
        int length = text == null ? 0 : text.Length;
        int padding = (alignment < 0 ? -alignment : alignment) - length;
        if (padding > 0 && alignment > 0)
            Append(' ', padding);
        Append(text);
        if (padding > 0 && alignment < 0)
            Append(' ', padding);
    }

    private static void SkipSpaces(string format, ref int i)
    {
        while (i < format.Length && format[i] == ' ')
            i++;
    }

    private static FormatException FormatError() => new FormatException("Input string was not in a correct format.");

    public StringBuilder Insert(int index, string value)
    {
        if ((uint)index > (uint)_length)
            throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
        return value == null ? this : InsertSpan(index, value.AsSpan());
    }

    public StringBuilder Insert(int index, string value, int count)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count));
        for (int i = 0; i < count; i++)
            Insert(index, value);
        return this;
    }

    public StringBuilder Insert(int index, char value)
    {
        if ((uint)index > (uint)_length)
            throw new ArgumentOutOfRangeException(nameof(index));
        return InsertSpan(index, new ReadOnlySpan<char>(ref value, 1));
    }

    public StringBuilder Insert(int index, char[] value)
    {
        if ((uint)index > (uint)_length)
            throw new ArgumentOutOfRangeException(nameof(index));
        return value == null ? this : InsertSpan(index, value);
    }

    public StringBuilder Insert(int index, ReadOnlySpan<char> value)
    {
        if ((uint)index > (uint)_length)
            throw new ArgumentOutOfRangeException(nameof(index));
        return InsertSpan(index, value);
    }

    public StringBuilder Insert(int index, bool value) => Insert(index, value ? "True" : "False");

    public StringBuilder Insert(int index, int value) => Insert(index, value.ToString());

    public StringBuilder Insert(int index, long value) => Insert(index, value.ToString());

    public StringBuilder Insert(int index, uint value) => Insert(index, value.ToString());

    public StringBuilder Insert(int index, ulong value) => Insert(index, value.ToString());

    public StringBuilder Insert(int index, object value) => value == null ? this : Insert(index, value.ToString());

    private StringBuilder InsertSpan(int index, ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
            return this;
        Grow(value.Length);
        new ReadOnlySpan<char>(_chars, index, _length - index).CopyTo(new Span<char>(_chars, index + value.Length, _length - index));
        value.CopyTo(new Span<char>(_chars, index, value.Length));
        _length += value.Length;
        return this;
    }

    public StringBuilder Remove(int startIndex, int length)
    {
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length), "Length cannot be less than zero.");
        if (startIndex < 0)
            throw new ArgumentOutOfRangeException(nameof(startIndex), "StartIndex cannot be less than zero.");
        if (length > _length - startIndex)
            throw new ArgumentOutOfRangeException(nameof(length), "Index was out of range. Must be non-negative and less than the size of the collection.");
        new ReadOnlySpan<char>(_chars, startIndex + length, _length - startIndex - length).CopyTo(new Span<char>(_chars, startIndex, _length - startIndex - length));
        _length -= length;
        return this;
    }

    public StringBuilder Replace(char oldChar, char newChar) => Replace(oldChar, newChar, 0, _length);

    public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)
    {
        CheckRange(startIndex, count);
        for (int i = startIndex; i < startIndex + count; i++)
        {
            if (_chars[i] == oldChar)
                _chars[i] = newChar;
        }
        return this;
    }

    public StringBuilder Replace(string oldValue, string newValue) => Replace(oldValue, newValue, 0, _length);

    /// <summary>Replaces ordinal occurrences that lie within the range; null <paramref name="newValue"/> removes them.</summary>
    public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count)
    {
        CheckRange(startIndex, count);
        ArgumentNullException.ThrowIfNull(oldValue);
        if (oldValue.Length == 0)
            throw new ArgumentException("The value cannot be an empty string.", nameof(oldValue));
        newValue ??= string.Empty;

        int end = startIndex + count;
        int i = startIndex;
        while (i + oldValue.Length <= end)
        {
            if (new ReadOnlySpan<char>(_chars, i, oldValue.Length).SequenceEqual(oldValue.AsSpan()))
            {
                Remove(i, oldValue.Length);
                InsertSpan(i, newValue.AsSpan());
                i += newValue.Length;
                end += newValue.Length - oldValue.Length;
            }
            else
            {
                i++;
            }
        }
        return this;
    }

    public void CopyTo(int sourceIndex, Span<char> destination, int count)
    {
        CheckRange(sourceIndex, count);
        new ReadOnlySpan<char>(_chars, sourceIndex, count).CopyTo(destination);
    }

    public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destinationIndex < 0 || destinationIndex > destination.Length - count)
            throw new ArgumentOutOfRangeException(nameof(destinationIndex));
        CopyTo(sourceIndex, new Span<char>(destination, destinationIndex, count), count);
    }

    /// <summary>True when both hold the same characters.</summary>
    public bool Equals(StringBuilder sb) =>
        sb != null && new ReadOnlySpan<char>(_chars, 0, _length).SequenceEqual(new ReadOnlySpan<char>(sb._chars, 0, sb._length));

    public override string ToString() => new string(new ReadOnlySpan<char>(_chars, 0, _length));

    public string ToString(int startIndex, int length)
    {
        CheckRange(startIndex, length);
        return new string(new ReadOnlySpan<char>(_chars, startIndex, length));
    }

    private StringBuilder AppendSigned(long value, int bitWidth)
    {
        Span<char> digits = stackalloc char[20];
        Number.TryFormatInt64(value, bitWidth, default, digits, out int written);
        return Append(digits.Slice(0, written));
    }

    private StringBuilder AppendUnsigned(ulong value)
    {
        Span<char> digits = stackalloc char[20];
        Number.TryFormatUInt64(value, default, digits, out int written);
        return Append(digits.Slice(0, written));
    }

    private void CheckRange(int startIndex, int count)
    {
        if ((uint)startIndex > (uint)_length)
            throw new ArgumentOutOfRangeException(nameof(startIndex), "startIndex cannot be larger than length of string.");
        if (count < 0 || startIndex > _length - count)
            throw new ArgumentOutOfRangeException(nameof(count), "Index and count must refer to a location within the buffer.");
    }

    // Makes room for `extra` more characters; returns the (possibly new) array.
    private char[] Grow(int extra)
    {
        if (extra > _chars.Length - _length)
            EnsureCapacity(_length + extra);
        return _chars;
    }

    private void Reallocate(int capacity)
    {
        char[] chars = new char[capacity];
        new ReadOnlySpan<char>(_chars, 0, _length).CopyTo(chars);
        _chars = chars;
    }
}
