namespace System;

/// <summary>A pointer-sized unsigned integer (<c>nuint</c>).</summary>
public readonly struct UIntPtr : IEquatable<nuint>
{
    private readonly unsafe void* _value;

    public static readonly nuint Zero;

    public static unsafe int Size => sizeof(nuint);

    public unsafe bool Equals(nuint other) => (nuint)_value == other;

    public override unsafe bool Equals(object obj) => obj is nuint other && (nuint)_value == other;

    public override unsafe string ToString() => Number.FormatUInt64((ulong)_value);

    public unsafe string ToString(string format) => Number.FormatUInt64((ulong)_value, format);

    public override unsafe int GetHashCode() => (int)(ulong)_value ^ (int)((ulong)_value >> 32);
}
