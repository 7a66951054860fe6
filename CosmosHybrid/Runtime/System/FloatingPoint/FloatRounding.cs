namespace System;

/// <summary>
/// Rounding of doubles to integers by their bits (exact; SSE4.1's roundsd is not in the
/// x86-64 baseline the kernel is built for). Used by Math and MathF, and run against
/// .NET's Math by the host tests.
/// </summary>
internal static class FloatRounding
{
    private const int FractionBits = 52;

    /// <summary>Rounds toward zero, keeping the sign of zero.</summary>
    public static double Truncate(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        int exponent = (int)(bits >> FractionBits & 0x7FF) - 1023;
        if (exponent >= FractionBits)
            return x; // already an integer, or NaN or an infinity
        if (exponent < 0)
            return BitConverter.UInt64BitsToDouble(bits & 0x8000_0000_0000_0000); // ±0
        ulong fractionMask = (1UL << (FractionBits - exponent)) - 1;
        return BitConverter.UInt64BitsToDouble(bits & ~fractionMask);
    }

    public static double Floor(double x)
    {
        double truncated = Truncate(x);
        return x < 0 && truncated != x ? truncated - 1 : truncated;
    }

    public static double Ceiling(double x)
    {
        double truncated = Truncate(x);
        if (x > 0 && truncated != x)
            return truncated + 1;
        // -0.5 goes up to -0, as in .NET.
        return truncated;
    }

    /// <summary>Rounds to the nearest integer; halves go to the even neighbour.</summary>
    public static double RoundToEven(double x)
    {
        double truncated = Truncate(x);
        double fraction = x - truncated; // exact
        double magnitude = fraction < 0 ? -fraction : fraction;
        if (magnitude > 0.5 || (magnitude == 0.5 && IsOdd(truncated)))
            return truncated + (x < 0 ? -1 : 1);
        return truncated;
    }

    /// <summary>Rounds to the nearest integer; halves go away from zero.</summary>
    public static double RoundAwayFromZero(double x)
    {
        double truncated = Truncate(x);
        double fraction = x - truncated;
        if ((fraction < 0 ? -fraction : fraction) >= 0.5)
            return truncated + (x < 0 ? -1 : 1);
        return truncated;
    }

    private static bool IsOdd(double integer)
    {
        // Integers of 2^53 and beyond are even; below that the value fits a long.
        double magnitude = integer < 0 ? -integer : integer;
        return magnitude < 9007199254740992.0 && ((long)magnitude & 1) != 0;
    }

    /// <summary>
    /// The square root, correctly rounded, for when the compiler does not turn
    /// Math.Sqrt into sqrtsd: a Newton step from an estimate, then a fix of the last bit
    /// by exact squaring (Dekker's product).
    /// </summary>
    public static double Sqrt(double x)
    {
        if (!(x > 0) || x == double.PositiveInfinity)
            return x == 0 || x == double.PositiveInfinity ? x : double.NaN;
        // Keep y² and its rounding error clear of overflow and underflow: scale by an even power of two.
        double scale = 1;
        if (x < 1e-200)
        {
            x *= 4.149515568880993E+180; // 2^600
            scale = 4.909093465297727E-91; // 2^-300
        }
        else if (x > 1e200)
        {
            x *= 2.409919865102884E-181; // 2^-600
            scale = 2.037035976334486E+90; // 2^300
        }
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        // Halve the exponent for a first estimate, then Newton (each step doubles the bits).
        double y = BitConverter.UInt64BitsToDouble((bits >> 1) + 0x1FF8_0000_0000_0000UL);
        for (int i = 0; i < 6; i++)
            y = 0.5 * (y + x / y);
        // x - y² exactly enough (y² as a sum of two doubles), against the squares of the
        // midpoints to y's neighbours: y ± gap/2 squared is y² ± y·gap + gap²/4.
        double high = y * y;
        double rest = (x - high) - DoubleDouble.ProductError(y, y, high);
        double above = BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(y) + 1);
        double below = BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(y) - 1);
        double up = above - y;
        double down = y - below;
        // y·gap is exact (the gap is a power of two), and so is the cancelling difference.
        if (rest - y * up > up * up * 0.25)
            y = above;
        else if (rest + y * down < down * down * 0.25)
            y = below;
        return y * scale;
    }
}
