namespace System;

public enum MidpointRounding
{
    ToEven = 0,
    AwayFromZero = 1,
    ToZero = 2,
    ToNegativeInfinity = 3,
    ToPositiveInfinity = 4,
}

/// <summary>
/// Double-precision Math: sign and magnitude, rounding (FloatRounding), the square root
/// (sqrtsd) and the elementary functions (FloatingPoint/ElementaryFunctions), with .NET's
/// results for NaN, infinities and signed zeros.
/// </summary>
public static partial class Math
{
    public const double E = 2.7182818284590451;
    public const double PI = 3.1415926535897931;
    public const double Tau = 6.2831853071795862;

    private const int MaxRoundingDigits = 15;

    public static double Abs(double value) => BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(value) & 0x7FFF_FFFF_FFFF_FFFF);

    public static float Abs(float value) => BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(value) & 0x7FFF_FFFF);

    /// <summary>NaN if either is NaN; +0 is larger than -0.</summary>
    public static double Max(double val1, double val2)
    {
        if (val1 != val2)
            return double.IsNaN(val1) ? val1 : val2 < val1 ? val1 : val2;
        return double.IsNegative(val2) ? val1 : val2;
    }

    /// <summary>NaN if either is NaN; -0 is smaller than +0.</summary>
    public static double Min(double val1, double val2)
    {
        if (val1 != val2)
            return double.IsNaN(val1) ? val1 : val1 < val2 ? val1 : val2;
        return double.IsNegative(val1) ? val1 : val2;
    }

    public static float Max(float val1, float val2)
    {
        if (val1 != val2)
            return float.IsNaN(val1) ? val1 : val2 < val1 ? val1 : val2;
        return float.IsNegative(val2) ? val1 : val2;
    }

    public static float Min(float val1, float val2)
    {
        if (val1 != val2)
            return float.IsNaN(val1) ? val1 : val1 < val2 ? val1 : val2;
        return float.IsNegative(val1) ? val1 : val2;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="min"/> is greater than <paramref name="max"/>.</summary>
    public static double Clamp(double value, double min, double max)
    {
        if (min > max)
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        return value < min ? min : value > max ? max : value;
    }

    /// <summary>Throws <see cref="ArithmeticException"/> for NaN.</summary>
    public static int Sign(double value)
    {
        if (value < 0)
            return -1;
        if (value > 0)
            return 1;
        if (value == 0)
            return 0;
        throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
    }

    public static int Sign(float value) => Sign((double)value);

    public static double CopySign(double x, double y) => BitConverter.UInt64BitsToDouble(
        (BitConverter.DoubleToUInt64Bits(x) & 0x7FFF_FFFF_FFFF_FFFF) | (BitConverter.DoubleToUInt64Bits(y) & 0x8000_0000_0000_0000));

    public static double BitIncrement(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        if ((bits & 0x7FF0_0000_0000_0000) == 0x7FF0_0000_0000_0000)
            return bits == unchecked((long)0xFFF0_0000_0000_0000) ? double.MinValue : x; // -∞ → MinValue; NaN, +∞ stay
        if (bits == unchecked((long)0x8000_0000_0000_0000))
            return double.Epsilon; // -0 → smallest positive
        return BitConverter.Int64BitsToDouble(bits + (bits < 0 ? -1 : 1));
    }

    public static double BitDecrement(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        if ((bits & 0x7FF0_0000_0000_0000) == 0x7FF0_0000_0000_0000)
            return bits == 0x7FF0_0000_0000_0000 ? double.MaxValue : x;
        if (bits == 0)
            return -double.Epsilon;
        return BitConverter.Int64BitsToDouble(bits + (bits < 0 ? 1 : -1));
    }

    public static double Truncate(double d) => FloatRounding.Truncate(d);

    public static double Floor(double d) => FloatRounding.Floor(d);

    public static double Ceiling(double a) => FloatRounding.Ceiling(a);

    /// <summary>To the nearest integer, halves to even.</summary>
    public static double Round(double a) => FloatRounding.RoundToEven(a);

    public static double Round(double value, MidpointRounding mode) => RoundToInteger(value, mode);

    public static double Round(double value, int digits) => Round(value, digits, MidpointRounding.ToEven);

    /// <summary>
    /// Rounds to <paramref name="digits"/> decimals as .NET does: scales by 10^digits, rounds
    /// to an integer and scales back (values of 10^16 and more are left alone), so the
    /// result is the double nearest that decimal, not an exact decimal.
    /// </summary>
    public static double Round(double value, int digits, MidpointRounding mode)
    {
        if ((uint)digits > MaxRoundingDigits)
            throw new ArgumentOutOfRangeException(nameof(digits), "Rounding digits must be between 0 and 15, inclusive.");
        ValidateMode(mode);
        if (Abs(value) < 1e16)
        {
            double power = 1;
            for (int i = 0; i < digits; i++)
                power *= 10;
            value = RoundToInteger(value * power, mode) / power;
        }
        return value;
    }

    private static double RoundToInteger(double value, MidpointRounding mode)
    {
        ValidateMode(mode);
        switch (mode)
        {
            case MidpointRounding.ToEven:
                return FloatRounding.RoundToEven(value);
            case MidpointRounding.AwayFromZero:
                return FloatRounding.RoundAwayFromZero(value);
            case MidpointRounding.ToZero:
                return FloatRounding.Truncate(value);
            case MidpointRounding.ToNegativeInfinity:
                return FloatRounding.Floor(value);
            default:
                return FloatRounding.Ceiling(value);
        }
    }

    private static void ValidateMode(MidpointRounding mode)
    {
        if ((uint)mode > (uint)MidpointRounding.ToPositiveInfinity)
            throw new ArgumentException("The value '" + ((int)mode).ToString() + "' is not valid for this usage of the type MidpointRounding.", nameof(mode));
    }

    /// <summary>Compiled to sqrtsd; the body runs only if the compiler does not.</summary>
    [Runtime.CompilerServices.Intrinsic]
    public static double Sqrt(double d) => FloatRounding.Sqrt(d);
}
