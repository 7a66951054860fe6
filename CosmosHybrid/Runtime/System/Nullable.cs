namespace System;

/// <summary>A value type that may hold no value (<c>T?</c>).</summary>
public struct Nullable<T> where T : struct
{
    // ILC finds these fields by name (boxing and the comparers depend on their layout).
    private readonly bool hasValue;
    internal T value;

    public Nullable(T value)
    {
        hasValue = true;
        this.value = value;
    }

    public readonly bool HasValue => hasValue;

    public readonly T Value
    {
        get
        {
            if (!hasValue)
                throw new InvalidOperationException("Nullable object must have a value.");
            return value;
        }
    }

    public readonly T GetValueOrDefault() => value;

    public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;

    public override bool Equals(object other)
    {
        if (!hasValue)
            return other == null;
        return other != null && value.Equals(other);
    }

    public override int GetHashCode() => hasValue ? value.GetHashCode() : 0;

    /// <summary>The value's text, or "" when there is no value.</summary>
    public override string ToString() => hasValue ? value.ToString() : "";

    public static implicit operator T?(T value) => new T?(value);

    public static explicit operator T(T? value) => value.Value;
}
