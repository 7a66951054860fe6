namespace System;

/// <summary>
/// An unevaluated sum of two doubles (about 106 significant bits), with the error-free
/// transformations it is built from (Knuth's two-sum, Dekker's split product). The
/// elementary functions use it for argument reduction and for logarithms that must be
/// exact well beyond a double (Pow).
/// </summary>
internal readonly struct DoubleDouble
{
    private const double SplitFactor = 134217729.0; // 2^27 + 1

    public DoubleDouble(double hi, double lo)
    {
        Hi = hi;
        Lo = lo;
    }

    public double Hi { get; }

    public double Lo { get; }

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        double sum = a.Hi + b.Hi;
        double error = SumError(a.Hi, b.Hi, sum) + a.Lo + b.Lo;
        return Normalize(sum, error);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new DoubleDouble(-a.Hi, -a.Lo);

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double product = a.Hi * b.Hi;
        double error = ProductError(a.Hi, b.Hi, product) + (a.Hi * b.Lo + a.Lo * b.Hi);
        return Normalize(product, error);
    }

    public static DoubleDouble operator *(DoubleDouble a, double b)
    {
        double product = a.Hi * b;
        double error = ProductError(a.Hi, b, product) + a.Lo * b;
        return Normalize(product, error);
    }

    /// <summary>n / d to about 100 bits.</summary>
    public static DoubleDouble Divide(DoubleDouble n, DoubleDouble d)
    {
        double q1 = n.Hi / d.Hi;
        DoubleDouble rest = n + -(d * q1);
        double q2 = rest.Hi / d.Hi;
        return Normalize(q1, q2);
    }

    public static DoubleDouble Sum(double a, double b)
    {
        double sum = a + b;
        return new DoubleDouble(sum, SumError(a, b, sum));
    }

    public static DoubleDouble Product(double a, double b)
    {
        double product = a * b;
        return new DoubleDouble(product, ProductError(a, b, product));
    }

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

    private static DoubleDouble Normalize(double hi, double lo)
    {
        double sum = hi + lo;
        return new DoubleDouble(sum, lo - (sum - hi));
    }

    /// <summary>a = high + low with 26 significant bits in each half.</summary>
    private static void Split(double a, out double high, out double low)
    {
        double t = SplitFactor * a;
        high = t - (t - a);
        low = a - high;
    }
}
