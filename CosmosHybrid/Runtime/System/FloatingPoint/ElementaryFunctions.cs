namespace System;

/// <summary>
/// Exponentials, logarithms, powers and trigonometric functions in plain double arithmetic
/// (with <see cref="DoubleDouble"/> where a double is not enough), for Math and MathF.
/// Methods: exp = 2^k × e^r with |r| ≤ ln2/2 (Taylor series); log = e·ln2 + 2·atanh(s),
/// s = (m−1)/(m+1), m in [√½, √2) (series, in double-double); pow = exp(y·log x) with the
/// product in double-double; sin/cos reduce exactly by multiples of π/2 (Payne and Hanek:
/// x × 2/π with 1,216 bits of 2/π in a big integer), then Taylor series on [−π/4, π/4];
/// atan reduces to |t| ≤ 0.25 around atan(0), atan(½) and atan(1).
/// The host tests measure the error against .NET (glibc) on random arguments; see
/// CosmosHybrid/Runtime/README.md for the figures.
/// </summary>
internal static class ElementaryFunctions
{
    // ln 2 with its low 11 bits clear, so k × Ln2High is exact for |k| < 2^11.
    private const double Ln2High = 0.6931471805598903;
    private const double Ln2HighRest = 5.497923018708371e-14;
    private const double InverseLn2 = 1.4426950408889634;
    private static readonly DoubleDouble s_ln2 = new DoubleDouble(0.6931471805599453, 2.3190468138462996e-17);
    private static readonly DoubleDouble s_inverseLn2 = new DoubleDouble(1.4426950408889634, 2.0355273740931033e-17);
    private static readonly DoubleDouble s_inverseLn10 = new DoubleDouble(0.4342944819032518, 1.098319650216765e-17);
    private static readonly DoubleDouble s_halfPi = new DoubleDouble(1.5707963267948966, 6.123233995736766e-17);
    private static readonly DoubleDouble s_pi = new DoubleDouble(3.141592653589793, 1.2246467991473532e-16);
    private static readonly DoubleDouble s_oneThird = new DoubleDouble(0.3333333333333333, 1.850371707708594e-17);
    private static readonly DoubleDouble s_oneFifth = new DoubleDouble(0.2, -1.1102230246251566e-17);

    // atan at the centres of the reduction intervals: 0, 1/2, 1.
    private static readonly DoubleDouble[] s_atanCentres =
    {
        new DoubleDouble(0, 0),
        new DoubleDouble(0.4636476090008061, 2.2698777452961687e-17),
        new DoubleDouble(0.7853981633974483, 3.061616997868383e-17),
    };

    /// <summary>floor(2/π × 2^1216), least significant limb first.</summary>
    private static readonly uint[] s_twoOverPi =
    {
        0xFC7B6BAB, 0x56033046, 0x1F8D5D08, 0x6BFB5FB1, 0x8A5292EA, 0x3D0739F7, 0xEBE5F17B, 0x7527BAC7,
        0x9E5FEA2D, 0x4F463F66, 0x27CB09B7, 0x6D367ECF, 0x5A0A6D1F, 0xEF2F118B, 0xDE05980F, 0x1FF897FF,
        0xBDF9283B, 0x9C845F8B, 0x835339F4, 0x3991D639, 0xB45F7E41, 0xE99C7026, 0x2EBB4484, 0xE88235F5,
        0xB129A73E, 0xFE1DEB1C, 0x09D1921C, 0x06492EEA, 0x424DD2E0, 0xB7246E3A, 0xDEBBC561, 0xFE5163AB,
        0x3C439041, 0xDB629599, 0xF534DDC0, 0xFC2757D1, 0x4E441529, 0xA2F9836E
    };

    public static double Exp(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x > 709.8)
            return double.PositiveInfinity;
        if (x < -745.2)
            return 0;
        return ExpSum(x, 0);
    }

    /// <summary>e^(hi+lo), for hi in [−745.2, 709.8].</summary>
    private static double ExpSum(double hi, double lo)
    {
        double kd = FloatRounding.RoundToEven(hi * InverseLn2);
        int k = (int)kd;
        // r = hi + lo − k·ln2 as a double-double: k × Ln2High is exact, and so is the difference.
        DoubleDouble r = new DoubleDouble(hi - kd * Ln2High, 0) + -DoubleDouble.Product(kd, Ln2HighRest) + new DoubleDouble(lo, 0);
        double t = r.Hi;
        // e^t − 1 − t by its Taylor series (|t| ≤ 0.35, to t^13/13!).
        double tail = 1.0 / 6227020800;
        tail = tail * t + 1.0 / 479001600;
        tail = tail * t + 1.0 / 39916800;
        tail = tail * t + 1.0 / 3628800;
        tail = tail * t + 1.0 / 362880;
        tail = tail * t + 1.0 / 40320;
        tail = tail * t + 1.0 / 5040;
        tail = tail * t + 1.0 / 720;
        tail = tail * t + 1.0 / 120;
        tail = tail * t + 1.0 / 24;
        tail = tail * t + 1.0 / 6;
        tail = tail * t + 0.5;
        tail = tail * t * t;
        DoubleDouble onePlusT = DoubleDouble.Sum(1, t);
        double result = onePlusT.Hi + (onePlusT.Lo + r.Lo * (1 + t) + tail);
        return Scale(result, k);
    }

    /// <summary>x × 2^k for x in [½, 2], rounding once even when the result is subnormal.</summary>
    private static double Scale(double x, int k)
    {
        if (k > 1023)
        {
            x *= PowerOfTwo(1023); // exact
            k -= 1023;
        }
        else if (k < -1074)
        {
            x *= PowerOfTwo(k + 1074); // exact: x stays normal
            k = -1074;
        }
        return k > 1023 ? double.PositiveInfinity : x * PowerOfTwo(k);
    }

    private static double PowerOfTwo(int k) => k >= -1022
        ? BitConverter.UInt64BitsToDouble((ulong)(k + 1023) << 52)
        : BitConverter.UInt64BitsToDouble(1UL << (k + 1074));

    public static double Log(double x)
    {
        if (!(x > 0) || x == double.PositiveInfinity)
            return x == 0 ? double.NegativeInfinity : x == double.PositiveInfinity ? x : double.NaN;
        DoubleDouble result = LogDouble(x);
        return result.Hi + result.Lo;
    }

    public static double Log2(double x)
    {
        if (!(x > 0) || x == double.PositiveInfinity)
            return x == 0 ? double.NegativeInfinity : x == double.PositiveInfinity ? x : double.NaN;
        DoubleDouble result = LogDouble(x) * s_inverseLn2;
        return result.Hi + result.Lo;
    }

    public static double Log10(double x)
    {
        if (!(x > 0) || x == double.PositiveInfinity)
            return x == 0 ? double.NegativeInfinity : x == double.PositiveInfinity ? x : double.NaN;
        DoubleDouble result = LogDouble(x) * s_inverseLn10;
        return result.Hi + result.Lo;
    }

    /// <summary>ln x for a positive finite x, to about 2^-70 relative.</summary>
    private static DoubleDouble LogDouble(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        int exponent = 0;
        if (bits < 0x0010_0000_0000_0000)
        {
            x *= 18014398509481984.0; // 2^54
            exponent = -54;
            bits = BitConverter.DoubleToUInt64Bits(x);
        }
        exponent += (int)(bits >> 52) - 1023;
        // m in [1, 2); move it to [√½, √2).
        double m = BitConverter.UInt64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            exponent++;
        }
        double f = m - 1; // exact
        // ln m = 2·atanh(s) = 2s·(1 + s²/3 + s⁴/5 + ...), s = f / (2 + f), |s| ≤ 0.1716.
        DoubleDouble s = DoubleDouble.Divide(new DoubleDouble(f, 0), DoubleDouble.Sum(2, f));
        DoubleDouble s2 = s * s;
        double z = s2.Hi;
        double tail = 1.0 / 31;
        tail = tail * z + 1.0 / 29;
        tail = tail * z + 1.0 / 27;
        tail = tail * z + 1.0 / 25;
        tail = tail * z + 1.0 / 23;
        tail = tail * z + 1.0 / 21;
        tail = tail * z + 1.0 / 19;
        tail = tail * z + 1.0 / 17;
        tail = tail * z + 1.0 / 15;
        tail = tail * z + 1.0 / 13;
        tail = tail * z + 1.0 / 11;
        tail = tail * z + 1.0 / 9;
        tail = tail * z + 1.0 / 7;
        DoubleDouble series = s_oneFifth + new DoubleDouble(tail * z, 0);
        series = s_oneThird + s2 * series;
        series = new DoubleDouble(1, 0) + s2 * series;
        DoubleDouble logM = s * 2 * series;
        return s_ln2 * exponent + logM;
    }

    public static double Pow(double x, double y)
    {
        if (y == 0 || x == 1)
            return 1;
        if (double.IsNaN(x) || double.IsNaN(y))
            return double.NaN;
        double ax = Math.Abs(x);
        if (double.IsInfinity(y))
        {
            if (ax == 1)
                return 1;
            return (ax > 1) == (y > 0) ? double.PositiveInfinity : 0;
        }
        if (Math.Abs(y) >= 9.2233720368547758E+18)
        {
            // 2^63 and beyond: even integers, and |y·ln x| overflows for every x but ±1.
            if (ax == 1)
                return 1;
            return (ax > 1) == (y > 0) ? double.PositiveInfinity : 0;
        }
        bool negative = false;
        if (double.IsNegative(x) && x != 0 && !double.IsInfinity(x) && FloatRounding.Truncate(y) != y)
            return double.NaN; // a negative base with a fractional exponent
        if (double.IsNegative(x))
            negative = IsOddInteger(y);
        double magnitude;
        if (ax == 0)
            magnitude = y > 0 ? 0 : double.PositiveInfinity;
        else if (ax == double.PositiveInfinity)
            magnitude = y > 0 ? double.PositiveInfinity : 0;
        else
        {
            DoubleDouble product = LogDouble(ax) * y;
            if (product.Hi > 709.8)
                magnitude = double.PositiveInfinity;
            else if (product.Hi < -745.2)
                magnitude = 0;
            else
                magnitude = ExpSum(product.Hi, product.Lo);
        }
        return negative ? -magnitude : magnitude;
    }

    private static bool IsOddInteger(double y)
    {
        double magnitude = Math.Abs(y);
        return magnitude < 9007199254740992.0 && FloatRounding.Truncate(y) == y && ((long)magnitude & 1) != 0;
    }

    public static double Sin(double x)
    {
        if (!double.IsFinite(x))
            return double.NaN;
        if (x == 0)
            return x; // keeps the sign of zero
        int quadrant = ReduceByHalfPi(x, out DoubleDouble r);
        DoubleDouble value = (quadrant & 1) == 0 ? SinKernel(r) : CosKernel(r);
        double result = value.Hi + value.Lo;
        return (quadrant & 2) == 0 ? result : -result;
    }

    public static double Cos(double x)
    {
        if (!double.IsFinite(x))
            return double.NaN;
        int quadrant = ReduceByHalfPi(x, out DoubleDouble r);
        DoubleDouble value = (quadrant & 1) == 0 ? CosKernel(r) : SinKernel(r);
        double result = value.Hi + value.Lo;
        return quadrant == 0 || quadrant == 3 ? result : -result;
    }

    public static double Tan(double x)
    {
        if (!double.IsFinite(x))
            return double.NaN;
        int quadrant = ReduceByHalfPi(x, out DoubleDouble r);
        if (r.Hi == 0 && quadrant == 0)
            return x; // keeps the sign of zero
        DoubleDouble sine = SinKernel(r);
        DoubleDouble cosine = CosKernel(r);
        DoubleDouble result = (quadrant & 1) == 0 ? DoubleDouble.Divide(sine, cosine) : -DoubleDouble.Divide(cosine, sine);
        return result.Hi + result.Lo;
    }

    /// <summary>sin r for |r| ≤ π/4: r − r³/3! + ... (the cubic term in double-double).</summary>
    private static DoubleDouble SinKernel(DoubleDouble r)
    {
        double z = r.Hi * r.Hi;
        double tail = -1.0 / 1307674368000; // −1/15!
        tail = tail * z + 1.0 / 6227020800;
        tail = tail * z - 1.0 / 39916800;
        tail = tail * z + 1.0 / 362880;
        tail = tail * z - 1.0 / 5040;
        tail = tail * z + 1.0 / 120;
        DoubleDouble r3 = r * r * r;
        DoubleDouble cubic = r3 * new DoubleDouble(-0.16666666666666666, -9.25185853854297e-18); // −1/6
        return r + (cubic + new DoubleDouble(r3.Hi * z * tail, 0));
    }

    /// <summary>cos r for |r| ≤ π/4: 1 − r²/2! + ... (the quadratic term in double-double).</summary>
    private static DoubleDouble CosKernel(DoubleDouble r)
    {
        double z = r.Hi * r.Hi;
        double tail = 1.0 / 20922789888000; // 1/16!
        tail = tail * z - 1.0 / 87178291200;
        tail = tail * z + 1.0 / 479001600;
        tail = tail * z - 1.0 / 3628800;
        tail = tail * z + 1.0 / 40320;
        tail = tail * z - 1.0 / 720;
        tail = tail * z + 1.0 / 24;
        DoubleDouble quadratic = r * r * -0.5;
        return new DoubleDouble(1, 0) + (quadratic + new DoubleDouble(z * z * tail, 0));
    }

    /// <summary>
    /// x = k·π/2 + r with |r| ≤ π/4 (r as a double-double); returns k mod 4. Exact for
    /// every double: x × 2/π is formed from 1,216 bits of 2/π.
    /// </summary>
    private static int ReduceByHalfPi(double x, out DoubleDouble r)
    {
        if (Math.Abs(x) <= 0.7853981633974483)
        {
            r = new DoubleDouble(x, 0);
            return 0;
        }
        FloatBits parts = new FloatBits(x);
        Span<uint> productBuffer = stackalloc uint[FloatBigInteger.MaxLimbs];
        Span<uint> scratch = stackalloc uint[FloatBigInteger.MaxLimbs];
        var product = new FloatBigInteger(productBuffer, s_twoOverPi);
        product.Multiply(parts.Mantissa, scratch);
        // |x| × 2/π = product × 2^(exponent − 1216): its units bit is bit 1216 − exponent.
        int units = 1216 - parts.Exponent;
        int quadrant = (int)(product.Extract64(units) & 3);
        ulong high = product.Extract64(units - 64);
        ulong low = product.Extract64(units - 128);
        bool negativeFraction = high >= 0x8000_0000_0000_0000;
        if (negativeFraction)
        {
            // A fraction of one half or more: the next quadrant, with r = fraction − 1.
            quadrant++;
            low = ~low + 1;
            high = ~high + (low == 0 ? 1UL : 0UL);
        }
        // The 128-bit fraction as a double-double (each piece converts exactly), times π/2.
        const double TwoToMinus64 = 5.421010862427522e-20;
        DoubleDouble fraction = DoubleDouble.Sum((double)(high & ~0x7FFUL), (double)(high & 0x7FF))
            + DoubleDouble.Sum((double)(low & ~0x7FFUL) * TwoToMinus64, (double)(low & 0x7FF) * TwoToMinus64);
        r = fraction * TwoToMinus64 * s_halfPi;
        if (negativeFraction)
            r = -r;
        if (parts.IsNegative)
        {
            r = -r;
            quadrant = -quadrant;
        }
        return quadrant & 3;
    }

    public static double Atan(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x == 0)
            return x;
        DoubleDouble result = AtanRatio(Math.Abs(x), 1);
        double value = result.Hi + result.Lo;
        return double.IsNegative(x) ? -value : value;
    }

    /// <summary>atan(n/d) for n, d ≥ 0, in [0, π/2], reducing n/d without rounding it first.</summary>
    private static DoubleDouble AtanRatio(double n, double d) => AtanRatio(new DoubleDouble(n, 0), new DoubleDouble(d, 0));

    private static DoubleDouble AtanRatio(DoubleDouble n, DoubleDouble d)
    {
        if (n.Hi > d.Hi)
            return s_halfPi + -AtanRatio(d, n);
        if (n.Hi == 0)
            return new DoubleDouble(0, 0);
        if (double.IsInfinity(d.Hi))
            return n.Hi == d.Hi ? s_halfPi * 0.5 : new DoubleDouble(0, 0);
        // n/d is in (0, 1]: atan(n/d) = atan(c) + atan((n − c·d) / (d + c·n)), c = 0, ½ or 1.
        double ratio = n.Hi / d.Hi;
        int centre = ratio < 0.25 ? 0 : ratio < 0.75 ? 1 : 2;
        double c = centre * 0.5;
        DoubleDouble t;
        if (d.Hi > 1e300 || n.Hi < 1e-290)
            t = new DoubleDouble((ratio - c) / (1 + c * ratio), 0); // products could overflow or underflow
        else
            t = DoubleDouble.Divide(n + -(d * c), d + n * c); // c·d, c·n are exact
        // atan t = t − t³/3 + t⁵/5 − ..., |t| ≤ 0.25.
        double z = t.Hi * t.Hi;
        double tail = -1.0 / 27;
        tail = tail * z + 1.0 / 25;
        tail = tail * z - 1.0 / 23;
        tail = tail * z + 1.0 / 21;
        tail = tail * z - 1.0 / 19;
        tail = tail * z + 1.0 / 17;
        tail = tail * z - 1.0 / 15;
        tail = tail * z + 1.0 / 13;
        tail = tail * z - 1.0 / 11;
        tail = tail * z + 1.0 / 9;
        tail = tail * z - 1.0 / 7;
        tail = tail * z + 1.0 / 5;
        DoubleDouble t3 = t * t * t;
        DoubleDouble series = t + (t3 * -s_oneThird + new DoubleDouble(t3.Hi * z * tail, 0));
        return s_atanCentres[centre] + series;
    }

    /// <summary>The angle of (x, y) in [−π, π], with .NET's results for zeros and infinities.</summary>
    public static double Atan2(double y, double x)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
            return double.NaN;
        DoubleDouble angle = AtanRatio(Math.Abs(y), Math.Abs(x));
        if (double.IsNegative(x))
            angle = s_pi + -angle;
        double value = angle.Hi + angle.Lo;
        return double.IsNegative(y) ? -value : value;
    }

    public static double Asin(double x)
    {
        double ax = Math.Abs(x);
        if (!(ax <= 1))
            return double.NaN;
        if (x == 0)
            return x;
        // asin x = atan(x / √(1 − x²)).
        DoubleDouble value = AtanRatio(new DoubleDouble(ax, 0), SqrtOneMinusSquare(ax));
        double result = value.Hi + value.Lo;
        return double.IsNegative(x) ? -result : result;
    }

    public static double Acos(double x)
    {
        double ax = Math.Abs(x);
        if (!(ax <= 1))
            return double.NaN;
        DoubleDouble value = AtanRatio(SqrtOneMinusSquare(ax), new DoubleDouble(ax, 0));
        if (x < 0)
            value = s_pi + -value;
        return value.Hi + value.Lo;
    }

    /// <summary>√(1 − x²) as a double-double: 1 − x² exactly enough, then one Newton correction of sqrtsd's root.</summary>
    private static DoubleDouble SqrtOneMinusSquare(double x)
    {
        DoubleDouble square = DoubleDouble.Product(x, x);
        DoubleDouble value = DoubleDouble.Sum(1, -square.Hi) + new DoubleDouble(-square.Lo, 0);
        double root = Math.Sqrt(value.Hi);
        if (root == 0)
            return new DoubleDouble(0, 0);
        DoubleDouble rest = value + -DoubleDouble.Product(root, root);
        return DoubleDouble.Sum(root, rest.Hi / (2 * root));
    }
}
