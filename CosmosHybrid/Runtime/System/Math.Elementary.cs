namespace System;

/// <summary>Exponentials, logarithms, powers and trigonometry (FloatingPoint/ElementaryFunctions).</summary>
public static partial class Math
{
    public static double Exp(double d) => ElementaryFunctions.Exp(d);

    public static double Log(double d) => ElementaryFunctions.Log(d);

    /// <summary>The logarithm of <paramref name="a"/> in base <paramref name="newBase"/>, with .NET's special cases.</summary>
    public static double Log(double a, double newBase)
    {
        if (double.IsNaN(a))
            return a;
        if (double.IsNaN(newBase))
            return newBase;
        if (newBase == 1 || (a != 1 && (newBase == 0 || double.IsPositiveInfinity(newBase))))
            return double.NaN;
        return Log(a) / Log(newBase);
    }

    public static double Log10(double d) => ElementaryFunctions.Log10(d);

    public static double Log2(double x) => ElementaryFunctions.Log2(x);

    public static double Pow(double x, double y) => ElementaryFunctions.Pow(x, y);

    public static double Sin(double a) => ElementaryFunctions.Sin(a);

    public static double Cos(double d) => ElementaryFunctions.Cos(d);

    public static double Tan(double a) => ElementaryFunctions.Tan(a);

    public static (double Sin, double Cos) SinCos(double x) => (Sin(x), Cos(x));

    public static double Asin(double d) => ElementaryFunctions.Asin(d);

    public static double Acos(double d) => ElementaryFunctions.Acos(d);

    public static double Atan(double d) => ElementaryFunctions.Atan(d);

    public static double Atan2(double y, double x) => ElementaryFunctions.Atan2(y, x);
}
