namespace System;

/// <summary>Integer math helpers, including the checked conversions ILC calls by name.</summary>
public static class Math
{
    public static int Min(int a, int b) => a <= b ? a : b;
    public static int Max(int a, int b) => a >= b ? a : b;
    public static long Min(long a, long b) => a <= b ? a : b;
    public static long Max(long a, long b) => a >= b ? a : b;
    public static ulong Min(ulong a, ulong b) => a <= b ? a : b;
    public static ulong Max(ulong a, ulong b) => a >= b ? a : b;
    public static uint Min(uint a, uint b) => a <= b ? a : b;
    public static uint Max(uint a, uint b) => a >= b ? a : b;
    public static int Abs(int value) => value >= 0 ? value : checked(-value);
    public static long Abs(long value) => value >= 0 ? value : checked(-value);

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

public static class MathF
{
}
