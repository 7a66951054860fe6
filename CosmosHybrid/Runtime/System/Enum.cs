using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

/// <summary>
/// Base of all enums. Values compare, hash and order by their underlying integer.
/// There is no metadata for member names, so <see cref="ToString()"/> gives the number
/// (.NET gives the member name when there is one).
/// </summary>
public abstract unsafe class Enum : ValueType, IComparable, IFormattable
{
    public override bool Equals(object obj) =>
        obj != null && obj.GetMethodTable() == this.GetMethodTable() && RawBits(obj) == RawBits(this);

    public override int GetHashCode() => EnumBits.HashCode(this.GetMethodTable()->Kind, RawBits(this));

    public int CompareTo(object target)
    {
        if (target == null)
            return 1;
        if (target.GetMethodTable() != this.GetMethodTable())
            throw new ArgumentException("Object must be the same type as the enum.");
        return EnumBits.Compare(this.GetMethodTable()->Kind, RawBits(this), RawBits(target));
    }

    /// <summary>True when every bit set in <paramref name="flag"/> is set in this value.</summary>
    public bool HasFlag(Enum flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (flag.GetMethodTable() != this.GetMethodTable())
            throw new ArgumentException("The argument type is not the same as the enum type.");
        ulong bits = RawBits(flag);
        return (RawBits(this) & bits) == bits;
    }

    /// <summary>The underlying integer in decimal (.NET: the member name when there is one).</summary>
    public override string ToString() => EnumBits.Format(this.GetMethodTable()->Kind, RawBits(this), null);

    /// <summary>"D" or "G": decimal; "X": hexadecimal with as many digits as the underlying type has nibbles.</summary>
    public string ToString(string format) => EnumBits.Format(this.GetMethodTable()->Kind, RawBits(this), format);

    public string ToString(string format, IFormatProvider provider) => ToString(format);

    // The boxed value's bits, zero-extended.
    private static ulong RawBits(object boxed)
    {
        ref byte data = ref Unsafe.As<RawData>(boxed).Data;
        switch (boxed.GetMethodTable()->ValueTypeSize)
        {
            case 1: return data;
            case 2: return Unsafe.As<byte, ushort>(ref data);
            case 4: return Unsafe.As<byte, uint>(ref data);
            default: return Unsafe.As<byte, ulong>(ref data);
        }
    }
}

/// <summary>Reads and compares enum values as integers without boxing them.</summary>
internal static unsafe class EnumBits
{
    /// <summary>The value's bits, zero-extended.</summary>
    public static ulong ToUInt64<T>(T value) where T : struct
    {
        if (Unsafe.SizeOf<T>() == 1)
            return Unsafe.As<T, byte>(ref value);
        if (Unsafe.SizeOf<T>() == 2)
            return Unsafe.As<T, ushort>(ref value);
        if (Unsafe.SizeOf<T>() == 4)
            return Unsafe.As<T, uint>(ref value);
        return Unsafe.As<T, ulong>(ref value);
    }

    public static int HashCode<T>(T value) where T : struct => HashCode(MethodTable.Of<T>()->Kind, ToUInt64(value));

    public static int Compare<T>(T x, T y) where T : struct => Compare(MethodTable.Of<T>()->Kind, ToUInt64(x), ToUInt64(y));

    /// <summary>What the underlying type's GetHashCode returns.</summary>
    public static int HashCode(ElementKind kind, ulong bits)
    {
        long signedValue = SignExtend(kind, bits);
        return kind switch
        {
            ElementKind.Int64 or ElementKind.UInt64 => (int)signedValue ^ (int)(signedValue >> 32),
            _ => (int)signedValue,
        };
    }

    public static int Compare(ElementKind kind, ulong x, ulong y)
    {
        if (IsSigned(kind))
        {
            long a = SignExtend(kind, x);
            long b = SignExtend(kind, y);
            return a < b ? -1 : a > b ? 1 : 0;
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    public static string Format(ElementKind kind, ulong bits, string format)
    {
        if (string.IsNullOrEmpty(format) || format == "G" || format == "g" || format == "D" || format == "d")
            return IsSigned(kind) ? SignExtend(kind, bits).ToString() : bits.ToString();
        if (format == "X" || format == "x")
            return Number.FormatHex(bits, 2 * SizeOf(kind), upperCase: true);
        if (format == "F" || format == "f")
            throw new NotSupportedException("Enum member names are not available.");
        throw new FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
    }

    private static bool IsSigned(ElementKind kind) =>
        kind == ElementKind.SByte || kind == ElementKind.Int16 || kind == ElementKind.Int32 || kind == ElementKind.Int64 || kind == ElementKind.IntPtr;

    private static int SizeOf(ElementKind kind) => kind switch
    {
        ElementKind.Boolean or ElementKind.SByte or ElementKind.Byte => 1,
        ElementKind.Char or ElementKind.Int16 or ElementKind.UInt16 => 2,
        ElementKind.Int32 or ElementKind.UInt32 => 4,
        _ => 8,
    };

    private static long SignExtend(ElementKind kind, ulong bits) => kind switch
    {
        ElementKind.SByte => (sbyte)bits,
        ElementKind.Int16 => (short)bits,
        ElementKind.Int32 => (int)bits,
        _ => (long)bits,
    };
}
