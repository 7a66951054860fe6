namespace System;

/// <summary>
/// A <see cref="double"/> or <see cref="float"/> taken apart: sign, and for finite values
/// the integer mantissa and binary exponent with value = mantissa × 2^exponent.
/// </summary>
internal readonly struct FloatBits
{
    public FloatBits(double value)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        IsSingle = false;
        IsNegative = (long)bits < 0;
        int biased = (int)(bits >> 52) & 0x7FF;
        ulong fraction = bits & ((1UL << 52) - 1);
        IsSpecial = biased == 0x7FF;
        IsNaN = IsSpecial && fraction != 0;
        Mantissa = biased == 0 ? fraction : fraction | (1UL << 52);
        Exponent = (biased == 0 ? 1 : biased) - 1075;
        IsLowerGapHalf = fraction == 0 && biased > 1;
    }

    public FloatBits(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        IsSingle = true;
        IsNegative = (int)bits < 0;
        int biased = (int)(bits >> 23) & 0xFF;
        uint fraction = bits & ((1u << 23) - 1);
        IsSpecial = biased == 0xFF;
        IsNaN = IsSpecial && fraction != 0;
        Mantissa = biased == 0 ? fraction : fraction | (1u << 23);
        Exponent = (biased == 0 ? 1 : biased) - 150;
        IsLowerGapHalf = fraction == 0 && biased > 1;
    }

    public bool IsSingle { get; }

    /// <summary>The sign bit (also set for -0.0 and some NaNs).</summary>
    public bool IsNegative { get; }

    /// <summary>NaN or an infinity.</summary>
    public bool IsSpecial { get; }

    public bool IsNaN { get; }

    public bool IsZero => !IsSpecial && Mantissa == 0;

    public ulong Mantissa { get; }

    public int Exponent { get; }

    /// <summary>A power of two above the smallest normal: the next value down is half as far as the next one up.</summary>
    public bool IsLowerGapHalf { get; }
}
