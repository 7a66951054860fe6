namespace System;

/// <summary>A pointer-sized signed integer (<c>nint</c>).</summary>
public readonly struct IntPtr : IEquatable<nint>
{
    private readonly unsafe void* _value;

    public static readonly nint Zero;

    public static unsafe int Size => sizeof(nint);

    public static nint MaxValue => unchecked((nint)0x7FFFFFFFFFFFFFFF);

    public static nint MinValue => unchecked((nint)0x8000000000000000);

    public unsafe bool Equals(nint other) => (nint)_value == other;

    public override unsafe bool Equals(object obj) => obj is nint other && (nint)_value == other;

    public override unsafe string ToString() => Number.FormatInt64((long)_value);

    public unsafe string ToString(string format) => Number.FormatInt64((long)_value, 64, format);

    public override unsafe int GetHashCode() => (int)(long)_value ^ (int)((long)_value >> 32);
}
