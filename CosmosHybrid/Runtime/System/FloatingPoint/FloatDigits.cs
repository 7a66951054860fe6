namespace System;

/// <summary>
/// Exact decimal digits of a binary floating-point value, by big-integer arithmetic
/// (Steele and White's free-format method, as refined by Burger and Dybvig):
/// <see cref="Shortest"/> gives the fewest digits that read back as the same value
/// (the closest such, as .NET Core 3.0+ prints); <see cref="Rounded"/> gives the exact
/// value rounded half-to-even at a digit count or at a decimal position.
/// The digits are d1 d2 ... dn meaning 0.d1d2...dn × 10^<c>decimalExponent</c>, without
/// trailing zeros; the value is finite and non-zero, the sign is the caller's.
/// </summary>
internal static class FloatDigits
{
    /// <summary>More than the longest exact expansion of a double (767 significant digits).</summary>
    public const int MaxDigits = 780;

    /// <summary>Shortest round-trip digits; <paramref name="digits"/> needs 17 bytes.</summary>
    public static int Shortest(in FloatBits value, Span<byte> digits, out int decimalExponent)
    {
        ulong mantissa = value.Mantissa;
        int exponent = value.Exponent;
        // An integer below 2^53 (2^24): its ulp is at most 1, so all its digits are needed.
        if (exponent <= 0 && exponent > -64 && (mantissa & ((1UL << -exponent) - 1)) == 0)
            return IntegerDigits(mantissa >> -exponent, digits, out decimalExponent);

        Span<uint> rBuffer = stackalloc uint[FloatBigInteger.MaxLimbs];
        Span<uint> sBuffer = stackalloc uint[FloatBigInteger.MaxLimbs];
        Span<uint> plusBuffer = stackalloc uint[FloatBigInteger.MaxLimbs];
        Span<uint> minusBuffer = stackalloc uint[FloatBigInteger.MaxLimbs];
        var r = new FloatBigInteger(rBuffer, mantissa);
        var s = new FloatBigInteger(sBuffer, 1);
        var plus = new FloatBigInteger(plusBuffer, 1);
        var minus = new FloatBigInteger(minusBuffer, 1);

        // r/s is the value; plus/s and minus/s are the distances to the midpoints between it
        // and its neighbours. Below a power of two the lower neighbour is half as far.
        bool unequalGaps = value.IsLowerGapHalf;
        if (exponent >= 0)
        {
            r.ShiftLeft(exponent + (unequalGaps ? 2 : 1));
            s.SetUInt64(unequalGaps ? 4UL : 2UL);
            plus.ShiftLeft(exponent + (unequalGaps ? 1 : 0));
            minus.ShiftLeft(exponent);
        }
        else
        {
            r.ShiftLeft(unequalGaps ? 2 : 1);
            s.ShiftLeft(-exponent + (unequalGaps ? 2 : 1));
            if (unequalGaps)
                plus.SetUInt64(2);
        }

        // An IEEE reader rounds ties to even: an even mantissa owns its midpoints.
        bool inclusive = (mantissa & 1) == 0;
        int k = EstimateDecimalExponent(mantissa, exponent);
        if (k >= 0)
            s.MultiplyPow10(k);
        else
        {
            r.MultiplyPow10(-k);
            plus.MultiplyPow10(-k);
            minus.MultiplyPow10(-k);
        }
        // The estimate may be one short: the high boundary must stay below 10^k.
        while (true)
        {
            int high = FloatBigInteger.CompareSum(r, plus, s);
            if (inclusive ? high < 0 : high <= 0)
                break;
            k++;
            s.Multiply(10);
        }

        int count = 0;
        while (true)
        {
            r.Multiply(10);
            plus.Multiply(10);
            minus.Multiply(10);
            uint digit = r.DivideSmallQuotient(s);
            int low = FloatBigInteger.Compare(r, minus);
            int up = FloatBigInteger.CompareSum(r, plus, s);
            bool roundDownOk = inclusive ? low <= 0 : low < 0;
            bool roundUpOk = inclusive ? up >= 0 : up > 0;
            if (!roundDownOk && !roundUpOk)
            {
                digits[count++] = (byte)digit;
                continue;
            }
            if (roundDownOk && roundUpOk)
            {
                // Both neighbours of the last digit read back: take the closer one.
                r.ShiftLeft(1);
                int half = FloatBigInteger.Compare(r, s);
                roundUpOk = half > 0 || (half == 0 && (digit & 1) != 0);
            }
            if (roundUpOk)
                digit++;
            digits[count++] = (byte)digit;
            break;
        }
        decimalExponent = k;
        return WithoutTrailingZeros(digits, count);
    }

    /// <summary>
    /// The exact value rounded half-to-even, either to <paramref name="count"/> significant
    /// digits or (with <paramref name="fractionDigits"/>) to <paramref name="count"/> digits
    /// after the decimal point. Returns 0 digits when that rounds to zero.
    /// </summary>
    public static int Rounded(in FloatBits value, bool fractionDigits, int count, Span<byte> digits, out int decimalExponent)
    {
        ulong mantissa = value.Mantissa;
        int exponent = value.Exponent;
        Span<uint> rBuffer = stackalloc uint[FloatBigInteger.MaxLimbs];
        Span<uint> sBuffer = stackalloc uint[FloatBigInteger.MaxLimbs];
        var r = new FloatBigInteger(rBuffer, mantissa);
        var s = new FloatBigInteger(sBuffer, 1);
        if (exponent >= 0)
            r.ShiftLeft(exponent);
        else
            s.ShiftLeft(-exponent);

        int k = EstimateDecimalExponent(mantissa, exponent);
        if (k >= 0)
            s.MultiplyPow10(k);
        else
            r.MultiplyPow10(-k);
        while (FloatBigInteger.Compare(r, s) >= 0)
        {
            k++;
            s.Multiply(10);
        }
        // Now 0.1 <= r/s < 1 and the value is r/s × 10^k.
        decimalExponent = k;
        int wanted = fractionDigits ? k + count : count;
        if (wanted < 0)
            return 0;
        if (wanted > MaxDigits)
            wanted = MaxDigits; // the exact expansion ends before this
        if (wanted > digits.Length)
            wanted = digits.Length;

        int produced = 0;
        while (produced < wanted)
        {
            r.Multiply(10);
            digits[produced++] = (byte)r.DivideSmallQuotient(s);
            if (r.IsZero)
                return WithoutTrailingZeros(digits, produced);
        }

        // Round at the cut: compare the rest with half a unit of the last digit kept.
        r.ShiftLeft(1);
        int half = FloatBigInteger.Compare(r, s);
        bool roundUp = half > 0 || (half == 0 && produced > 0 && (digits[produced - 1] & 1) != 0);
        if (!roundUp)
            return WithoutTrailingZeros(digits, produced);
        int i = produced - 1;
        while (i >= 0 && digits[i] == 9)
            i--;
        if (i < 0)
        {
            // 9...9 rounds up to 1 followed by zeros (or nothing kept rounds up to one unit).
            digits[0] = 1;
            decimalExponent++;
            return 1;
        }
        digits[i]++;
        return WithoutTrailingZeros(digits, i + 1);
    }

    private static int IntegerDigits(ulong value, Span<byte> digits, out int decimalExponent)
    {
        int length = 0;
        for (ulong rest = value; rest != 0; rest /= 10)
            length++;
        decimalExponent = length;
        for (int i = length - 1; i >= 0; i--)
        {
            digits[i] = (byte)(value % 10);
            value /= 10;
        }
        return WithoutTrailingZeros(digits, length);
    }

    private static int WithoutTrailingZeros(Span<byte> digits, int count)
    {
        while (count > 0 && digits[count - 1] == 0)
            count--;
        return count;
    }

    /// <summary>ceil(log10(value)), or one less (Burger and Dybvig's estimate).</summary>
    private static int EstimateDecimalExponent(ulong mantissa, int exponent)
    {
        int log2 = exponent + BitLength(mantissa) - 1;
        double estimate = log2 * 0.30102999566398114 - 1e-10;
        int k = (int)estimate; // truncation: the ceiling for negative estimates
        return k < estimate ? k + 1 : k;
    }

    internal static int BitLength(ulong value)
    {
        int bits = 0;
        while (value != 0)
        {
            value >>= 1;
            bits++;
        }
        return bits;
    }
}
