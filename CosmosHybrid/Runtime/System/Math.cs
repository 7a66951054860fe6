namespace System;

/// <summary>
/// Integer math (Min, Max, Abs, Clamp, Sign, DivRem, BigMul) and the checked
/// floating-point conversions ILC calls by name. The floating-point functions are in
/// Math.FloatingPoint.cs (and MathF.cs).
/// </summary>
public static partial class Math
{
    public static sbyte Min(sbyte val1, sbyte val2) => val1 <= val2 ? val1 : val2;

    public static sbyte Max(sbyte val1, sbyte val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static sbyte Clamp(sbyte value, sbyte min, sbyte max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    public static byte Min(byte val1, byte val2) => val1 <= val2 ? val1 : val2;

    public static byte Max(byte val1, byte val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static byte Clamp(byte value, byte min, byte max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    public static short Min(short val1, short val2) => val1 <= val2 ? val1 : val2;

    public static short Max(short val1, short val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static short Clamp(short value, short min, short max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    public static ushort Min(ushort val1, ushort val2) => val1 <= val2 ? val1 : val2;

    public static ushort Max(ushort val1, ushort val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static ushort Clamp(ushort value, ushort min, ushort max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    public static int Min(int val1, int val2) => val1 <= val2 ? val1 : val2;

    public static int Max(int val1, int val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static int Clamp(int value, int min, int max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    public static uint Min(uint val1, uint val2) => val1 <= val2 ? val1 : val2;

    public static uint Max(uint val1, uint val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static uint Clamp(uint value, uint min, uint max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    public static long Min(long val1, long val2) => val1 <= val2 ? val1 : val2;

    public static long Max(long val1, long val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static long Clamp(long value, long min, long max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    public static ulong Min(ulong val1, ulong val2) => val1 <= val2 ? val1 : val2;

    public static ulong Max(ulong val1, ulong val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static ulong Clamp(ulong value, ulong min, ulong max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    public static nint Min(nint val1, nint val2) => val1 <= val2 ? val1 : val2;

    public static nint Max(nint val1, nint val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static nint Clamp(nint value, nint min, nint max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    public static nuint Min(nuint val1, nuint val2) => val1 <= val2 ? val1 : val2;

    public static nuint Max(nuint val1, nuint val2) => val1 >= val2 ? val1 : val2;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static nuint Clamp(nuint value, nuint min, nuint max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    /// <summary>Throws <see cref="OverflowException"/> for the minimum value, which has no positive counterpart.</summary>
    public static sbyte Abs(sbyte value)
    {
        if (value < 0)
        {
            value = (sbyte)(-value);
            if (value < 0)
                throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
        }
        return value;
    }

    public static int Sign(sbyte value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    /// <summary>Throws <see cref="OverflowException"/> for the minimum value, which has no positive counterpart.</summary>
    public static short Abs(short value)
    {
        if (value < 0)
        {
            value = (short)(-value);
            if (value < 0)
                throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
        }
        return value;
    }

    public static int Sign(short value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    /// <summary>Throws <see cref="OverflowException"/> for the minimum value, which has no positive counterpart.</summary>
    public static int Abs(int value)
    {
        if (value < 0)
        {
            value = (int)(-value);
            if (value < 0)
                throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
        }
        return value;
    }

    public static int Sign(int value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    /// <summary>Throws <see cref="OverflowException"/> for the minimum value, which has no positive counterpart.</summary>
    public static long Abs(long value)
    {
        if (value < 0)
        {
            value = (long)(-value);
            if (value < 0)
                throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
        }
        return value;
    }

    public static int Sign(long value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    /// <summary>Throws <see cref="OverflowException"/> for the minimum value, which has no positive counterpart.</summary>
    public static nint Abs(nint value)
    {
        if (value < 0)
        {
            value = (nint)(-value);
            if (value < 0)
                throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
        }
        return value;
    }

    public static int Sign(nint value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    public static int DivRem(int a, int b, out int result)
    {
        int quotient = a / b;
        result = a - quotient * b;
        return quotient;
    }

    public static long DivRem(long a, long b, out long result)
    {
        long quotient = a / b;
        result = a - quotient * b;
        return quotient;
    }

    public static (sbyte Quotient, sbyte Remainder) DivRem(sbyte left, sbyte right)
    {
        sbyte quotient = (sbyte)(left / right);
        return (quotient, (sbyte)(left - quotient * right));
    }

    public static (byte Quotient, byte Remainder) DivRem(byte left, byte right)
    {
        byte quotient = (byte)(left / right);
        return (quotient, (byte)(left - quotient * right));
    }

    public static (short Quotient, short Remainder) DivRem(short left, short right)
    {
        short quotient = (short)(left / right);
        return (quotient, (short)(left - quotient * right));
    }

    public static (ushort Quotient, ushort Remainder) DivRem(ushort left, ushort right)
    {
        ushort quotient = (ushort)(left / right);
        return (quotient, (ushort)(left - quotient * right));
    }

    public static (int Quotient, int Remainder) DivRem(int left, int right)
    {
        int quotient = (int)(left / right);
        return (quotient, (int)(left - quotient * right));
    }

    public static (uint Quotient, uint Remainder) DivRem(uint left, uint right)
    {
        uint quotient = (uint)(left / right);
        return (quotient, (uint)(left - quotient * right));
    }

    public static (long Quotient, long Remainder) DivRem(long left, long right)
    {
        long quotient = (long)(left / right);
        return (quotient, (long)(left - quotient * right));
    }

    public static (ulong Quotient, ulong Remainder) DivRem(ulong left, ulong right)
    {
        ulong quotient = (ulong)(left / right);
        return (quotient, (ulong)(left - quotient * right));
    }

    public static (nint Quotient, nint Remainder) DivRem(nint left, nint right)
    {
        nint quotient = (nint)(left / right);
        return (quotient, (nint)(left - quotient * right));
    }

    public static (nuint Quotient, nuint Remainder) DivRem(nuint left, nuint right)
    {
        nuint quotient = (nuint)(left / right);
        return (quotient, (nuint)(left - quotient * right));
    }

    public static long BigMul(int a, int b) => (long)a * b;

    public static ulong BigMul(uint a, uint b) => (ulong)a * b;

    private static int ConvertToInt32Checked(double value)
    {
        if (value > -2147483649.0 && value < 2147483648.0)
            return (int)value;
        throw new OverflowException();
    }

    private static uint ConvertToUInt32Checked(double value)
    {
        if (value > -1.0 && value < 4294967296.0)
            return (uint)value;
        throw new OverflowException();
    }

    private static long ConvertToInt64Checked(double value)
    {
        if (value >= -9223372036854775808.0 && value < 9223372036854775808.0)
            return (long)value;
        throw new OverflowException();
    }

    private static ulong ConvertToUInt64Checked(double value)
    {
        if (value > -1.0 && value < 18446744073709551616.0)
            return (ulong)value;
        throw new OverflowException();
    }
}
