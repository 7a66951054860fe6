namespace System;

/// <summary>Base of all structs.</summary>
public abstract class ValueType
{
}

/// <summary>Base of all enums.</summary>
public abstract class Enum : ValueType
{
}

/// <summary>The type of methods that return nothing.</summary>
public struct Void
{
}

/// <summary>A value type that may hold no value.</summary>
public struct Nullable<T> where T : struct
{
    private readonly bool _hasValue;
    private T _value;

    public Nullable(T value)
    {
        _hasValue = true;
        _value = value;
    }

    public readonly bool HasValue => _hasValue;

    public readonly T Value
    {
        get
        {
            if (!_hasValue)
                throw new InvalidOperationException("Nullable object must have a value.");
            return _value;
        }
    }

    public readonly T GetValueOrDefault() => _value;

    public static implicit operator T?(T value) => new T?(value);

    public static explicit operator T(T? value) => value.Value;
}
