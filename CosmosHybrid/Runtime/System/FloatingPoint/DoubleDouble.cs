namespace System;

/// <summary>
/// Error-free transformations on doubles (Knuth's two-sum, Dekker's split product): the
/// rounding error of a sum or product as another double, for the extra precision the
/// elementary functions need in their argument reduction and final sums.
/// </summary>
internal static class DoubleDouble
{
    private const double SplitFactor = 134217729.0; // 2^27 + 1

    /// <summary>a + b − (a ⊕ b), exactly, given <paramref name="sum"/> = a ⊕ b.</summary>
    public static double SumError(double a, double b, double sum)
    {
        double bVirtual = sum - a;
        double aVirtual = sum - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }

    /// <summary>a × b − (a ⊗ b), exactly (barring overflow), given <paramref name="product"/> = a ⊗ b.</summary>
    public static double ProductError(double a, double b, double product)
    {
        Split(a, out double aHigh, out double aLow);
        Split(b, out double bHigh, out double bLow);
        return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow;
    }

    /// <summary>a = high + low with 26 significant bits in each half.</summary>
    private static void Split(double a, out double high, out double low)
    {
        double t = SplitFactor * a;
        high = t - (t - a);
        low = a - high;
    }
}
