// The built-in value types. Each wraps the single field ILC and Roslyn expect;
// arithmetic on them is done by the compiler, not by these methods.
namespace System;

public struct Boolean : IEquatable<bool>
{
    private readonly bool m_value;
    public bool Equals(bool other) => m_value == other;
    public override bool Equals(object obj) => obj is bool other && m_value == other;
    public override string ToString() => m_value ? "True" : "False";
    public override int GetHashCode() => m_value ? 1 : 0;
}

public struct Char : IEquatable<char>
{
    private readonly char m_value;
    public bool Equals(char other) => m_value == other;
    public override bool Equals(object obj) => obj is char other && m_value == other;
    public const char MaxValue = (char)0xFFFF;
    public const char MinValue = (char)0;
    public override string ToString() => string.FromChar(m_value);
    public override int GetHashCode() => m_value;
    public static bool IsDigit(char c) => c >= '0' && c <= '9';
    public static bool IsWhiteSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u0085';
}

public struct SByte : IEquatable<sbyte>
{
    private readonly sbyte m_value;
    public bool Equals(sbyte other) => m_value == other;
    public override bool Equals(object obj) => obj is sbyte other && m_value == other;
    public const sbyte MaxValue = 0x7F;
    public const sbyte MinValue = -0x80;
    public override string ToString() => Number.FormatInt64(m_value);
    public override int GetHashCode() => m_value;
}

public struct Byte : IEquatable<byte>
{
    private readonly byte m_value;
    public bool Equals(byte other) => m_value == other;
    public override bool Equals(object obj) => obj is byte other && m_value == other;
    public const byte MaxValue = 0xFF;
    public const byte MinValue = 0;
    public override string ToString() => Number.FormatUInt64(m_value);
    public string ToString(string format) => Number.FormatUInt64(m_value, format);
    public override int GetHashCode() => m_value;
}

public struct Int16 : IEquatable<short>
{
    private readonly short m_value;
    public bool Equals(short other) => m_value == other;
    public override bool Equals(object obj) => obj is short other && m_value == other;
    public const short MaxValue = 0x7FFF;
    public const short MinValue = -0x8000;
    public override string ToString() => Number.FormatInt64(m_value);
    public override int GetHashCode() => m_value;
}

public struct UInt16 : IEquatable<ushort>
{
    private readonly ushort m_value;
    public bool Equals(ushort other) => m_value == other;
    public override bool Equals(object obj) => obj is ushort other && m_value == other;
    public const ushort MaxValue = 0xFFFF;
    public const ushort MinValue = 0;
    public override string ToString() => Number.FormatUInt64(m_value);
    public string ToString(string format) => Number.FormatUInt64(m_value, format);
    public override int GetHashCode() => m_value;
}

public struct Int32 : IEquatable<int>
{
    private readonly int m_value;
    public bool Equals(int other) => m_value == other;
    public override bool Equals(object obj) => obj is int other && m_value == other;
    public const int MaxValue = 0x7FFFFFFF;
    public const int MinValue = unchecked((int)0x80000000);
    public override string ToString() => Number.FormatInt64(m_value);
    public string ToString(string format) => Number.FormatUInt64((uint)m_value, format);
    public override int GetHashCode() => m_value;
}

public struct UInt32 : IEquatable<uint>
{
    private readonly uint m_value;
    public bool Equals(uint other) => m_value == other;
    public override bool Equals(object obj) => obj is uint other && m_value == other;
    public const uint MaxValue = 0xFFFFFFFF;
    public const uint MinValue = 0;
    public override string ToString() => Number.FormatUInt64(m_value);
    public string ToString(string format) => Number.FormatUInt64(m_value, format);
    public override int GetHashCode() => (int)m_value;
}

public struct Int64 : IEquatable<long>
{
    private readonly long m_value;
    public bool Equals(long other) => m_value == other;
    public override bool Equals(object obj) => obj is long other && m_value == other;
    public const long MaxValue = 0x7FFFFFFFFFFFFFFF;
    public const long MinValue = unchecked((long)0x8000000000000000);
    public override string ToString() => Number.FormatInt64(m_value);
    public string ToString(string format) => Number.FormatUInt64((ulong)m_value, format);
    public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
}

public struct UInt64 : IEquatable<ulong>
{
    private readonly ulong m_value;
    public bool Equals(ulong other) => m_value == other;
    public override bool Equals(object obj) => obj is ulong other && m_value == other;
    public const ulong MaxValue = 0xFFFFFFFFFFFFFFFF;
    public const ulong MinValue = 0;
    public override string ToString() => Number.FormatUInt64(m_value);
    public string ToString(string format) => Number.FormatUInt64(m_value, format);
    public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
}

public struct IntPtr
{
    private readonly unsafe void* _value;
    public static readonly nint Zero;
    public static unsafe int Size => sizeof(nint);
    public override unsafe string ToString() => Number.FormatInt64((long)_value);
    public override unsafe int GetHashCode() => (int)(long)_value;
}

public struct UIntPtr
{
    private readonly unsafe void* _value;
    public override unsafe string ToString() => Number.FormatUInt64((ulong)_value);
    public override unsafe int GetHashCode() => (int)(ulong)_value;
}

public struct Single
{
    private readonly float m_value;
}

public struct Double
{
    private readonly double m_value;
}

public struct RuntimeTypeHandle
{
    private readonly nint _value;

    internal RuntimeTypeHandle(nint value) => _value = value;

    public nint Value => _value;
}

public struct RuntimeMethodHandle
{
    private readonly nint _value;

    internal RuntimeMethodHandle(nint value) => _value = value;

    public nint Value => _value;
}

public struct RuntimeFieldHandle
{
    private readonly nint _value;

    internal RuntimeFieldHandle(nint value) => _value = value;

    public nint Value => _value;
}
