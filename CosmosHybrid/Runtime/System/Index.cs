namespace System;

/// <summary>A position from the start or, with <c>^n</c>, from the end of a sequence.</summary>
public readonly struct Index : IEquatable<Index>
{
    // Non-negative: from the start. Bitwise complement: from the end.
    private readonly int _value;

    public Index(int value, bool fromEnd = false)
    {
        if (value < 0)
            throw new ArgumentOutOfRangeException(nameof(value), "Non-negative number required.");
        _value = fromEnd ? ~value : value;
    }

    private Index(int value, byte _) { _value = value; }

    public static Index Start => new Index(0, (byte)0);

    public static Index End => new Index(~0, (byte)0);

    public static Index FromStart(int value) => new Index(value);

    public static Index FromEnd(int value) => new Index(value, fromEnd: true);

    public int Value => _value < 0 ? ~_value : _value;

    public bool IsFromEnd => _value < 0;

    /// <summary>The offset from the start of a sequence of <paramref name="length"/> elements.</summary>
    public int GetOffset(int length) => _value < 0 ? length + _value + 1 : _value;

    public static implicit operator Index(int value) => FromStart(value);

    public bool Equals(Index other) => _value == other._value;

    public override bool Equals(object value) => value is Index other && _value == other._value;

    public override int GetHashCode() => _value;

    public override string ToString() => IsFromEnd ? "^" + Value.ToString() : Value.ToString();
}
