namespace System.Runtime.CompilerServices;

/// <summary>
/// Builds the string for <c>$"..."</c>: the C# compiler creates one, appends the
/// literal parts and the holes in order, then calls <see cref="ToStringAndClear"/>.
/// Integer holes are formatted without boxing ("{x:x8}", "{n,5}"); other values go
/// through <see cref="IFormattable"/> or ToString.
/// </summary>
[InterpolatedStringHandler]
public ref struct DefaultInterpolatedStringHandler
{
    // Room guessed for each hole, as .NET guesses.
    private const int GuessedLengthPerHole = 11;
    private const int MinimumLength = 16;

    private readonly IFormatProvider _provider;
    private char[] _array;
    private Span<char> _chars;
    private int _pos;

    public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
    {
        _provider = null;
        _array = new char[Math.Max(MinimumLength, literalLength + formattedCount * GuessedLengthPerHole)];
        _chars = _array;
        _pos = 0;
    }

    public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider)
        : this(literalLength, formattedCount)
    {
        _provider = provider;
    }

    public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider, Span<char> initialBuffer)
    {
        _provider = provider;
        _array = null;
        _chars = initialBuffer;
        _pos = 0;
    }

    /// <summary>The text so far.</summary>
    internal ReadOnlySpan<char> Text => _chars.Slice(0, _pos);

    public override string ToString() => new string(Text);

    public string ToStringAndClear()
    {
        string result = new string(Text);
        Clear();
        return result;
    }

    internal void Clear()
    {
        _array = null;
        _chars = default;
        _pos = 0;
    }

    public void AppendLiteral(string value) => AppendSpan(value);

    public void AppendFormatted(string value) => AppendSpan(value);

    public void AppendFormatted(string value, int alignment = 0, string format = null) => AppendAligned(value, alignment);

    public void AppendFormatted(scoped ReadOnlySpan<char> value) => AppendSpan(value);

    public void AppendFormatted(scoped ReadOnlySpan<char> value, int alignment = 0, string format = null) => AppendAligned(value, alignment);

    public void AppendFormatted(object value, int alignment = 0, string format = null) => AppendFormatted<object>(value, alignment, format);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

    public void AppendFormatted<T>(T value, string format) => AppendFormatted(value, 0, format);

    public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    public void AppendFormatted<T>(T value, int alignment, string format)
    {
        int start = _pos;

        // For each exact T the compiler keeps only the matching branch (typeof tests fold).
        if (typeof(T) == typeof(int))
            AppendSigned(Unsafe.As<T, int>(ref value), 32, format);
        else if (typeof(T) == typeof(long))
            AppendSigned(Unsafe.As<T, long>(ref value), 64, format);
        else if (typeof(T) == typeof(uint))
            AppendUnsigned(Unsafe.As<T, uint>(ref value), format);
        else if (typeof(T) == typeof(ulong))
            AppendUnsigned(Unsafe.As<T, ulong>(ref value), format);
        else if (typeof(T) == typeof(short))
            AppendSigned(Unsafe.As<T, short>(ref value), 16, format);
        else if (typeof(T) == typeof(ushort))
            AppendUnsigned(Unsafe.As<T, ushort>(ref value), format);
        else if (typeof(T) == typeof(sbyte))
            AppendSigned(Unsafe.As<T, sbyte>(ref value), 8, format);
        else if (typeof(T) == typeof(byte))
            AppendUnsigned(Unsafe.As<T, byte>(ref value), format);
        else if (typeof(T) == typeof(nint))
            AppendSigned(Unsafe.As<T, nint>(ref value), 64, format);
        else if (typeof(T) == typeof(nuint))
            AppendUnsigned(Unsafe.As<T, nuint>(ref value), format);
        else if (typeof(T) == typeof(double))
            AppendFloat(new FloatBits(Unsafe.As<T, double>(ref value)), format);
        else if (typeof(T) == typeof(float))
            AppendFloat(new FloatBits(Unsafe.As<T, float>(ref value)), format);
        else if (typeof(T) == typeof(char))
            AppendChar(Unsafe.As<T, char>(ref value));
        else if (typeof(T) == typeof(bool))
            AppendSpan(Unsafe.As<T, bool>(ref value) ? "True" : "False");
        else if (value is IFormattable formattable)
            AppendSpan(formattable.ToString(format, _provider));
        else if (value != null)
            AppendSpan(value.ToString());

        if (alignment != 0)
            Align(start, alignment);
    }

    private void AppendSigned(long value, int bitWidth, string format)
    {
        int written;
        while (!Number.TryFormatInt64(value, bitWidth, format, _chars.Slice(_pos), out written))
            Grow(Math.Max(32, format == null ? 0 : format.Length * 2));
        _pos += written;
    }

    private void AppendUnsigned(ulong value, string format)
    {
        int written;
        while (!Number.TryFormatUInt64(value, format, _chars.Slice(_pos), out written))
            Grow(Math.Max(32, format == null ? 0 : format.Length * 2));
        _pos += written;
    }

    private void AppendFloat(in FloatBits value, string format)
    {
        int length;
        while ((length = FloatFormatter.Format(value, format, _chars.Slice(_pos))) > _chars.Length - _pos)
            Grow(length);
        _pos += length;
    }

    private void AppendAligned(scoped ReadOnlySpan<char> value, int alignment)
    {
        int start = _pos;
        AppendSpan(value);
        if (alignment != 0)
            Align(start, alignment);
    }

    // Pads the text written since `start` to |alignment| characters: on the left when
    // alignment is positive, on the right when it is negative.
    private void Align(int start, int alignment)
    {
        bool leftAlign = alignment < 0;
        int width = leftAlign ? -alignment : alignment;
        int written = _pos - start;
        int padding = width - written;
        if (padding <= 0)
            return;
        if (_chars.Length - _pos < padding)
            Grow(padding);
        if (leftAlign)
        {
            _chars.Slice(_pos, padding).Fill(' ');
        }
        else
        {
            _chars.Slice(start, written).CopyTo(_chars.Slice(start + padding));
            _chars.Slice(start, padding).Fill(' ');
        }
        _pos += padding;
    }

    private void AppendChar(char value)
    {
        if (_pos == _chars.Length)
            Grow(1);
        _chars[_pos++] = value;
    }

    private void AppendSpan(scoped ReadOnlySpan<char> value)
    {
        if (value.Length > _chars.Length - _pos)
            Grow(value.Length);
        value.CopyTo(_chars.Slice(_pos));
        _pos += value.Length;
    }

    private void Grow(int extra)
    {
        int capacity = Math.Max(_pos + extra, Math.Max(MinimumLength, _chars.Length * 2));
        char[] array = new char[capacity];
        _chars.Slice(0, _pos).CopyTo(array);
        _array = array;
        _chars = array;
    }
}
