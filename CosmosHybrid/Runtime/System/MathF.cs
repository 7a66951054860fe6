namespace System;

/// <summary>
/// Single-precision Math. The functions compute in double and round once to float, which
/// gives the correctly rounded result except in rare double-rounding cases.
/// </summary>
public static class MathF
{
    public const float E = 2.71828183f;
    public const float PI = 3.14159265f;
    public const float Tau = 6.28318531f;

    public static float Abs(float x) => Math.Abs(x);

    public static float Max(float x, float y) => Math.Max(x, y);

    public static float Min(float x, float y) => Math.Min(x, y);

    public static int Sign(float x) => Math.Sign(x);

    public static float CopySign(float x, float y) => BitConverter.UInt32BitsToSingle(
        (BitConverter.SingleToUInt32Bits(x) & 0x7FFF_FFFF) | (BitConverter.SingleToUInt32Bits(y) & 0x8000_0000));

    // A float converts to double exactly, and the integral results convert back exactly.
    public static float Truncate(float x) => (float)FloatRounding.Truncate(x);

    public static float Floor(float x) => (float)FloatRounding.Floor(x);

    public static float Ceiling(float x) => (float)FloatRounding.Ceiling(x);

    public static float Round(float x) => (float)FloatRounding.RoundToEven(x);

    public static float Round(float x, MidpointRounding mode) => (float)Math.Round(x, mode);

    /// <summary>The double square root of a float rounds to the correctly rounded float square root.</summary>
    public static float Sqrt(float x) => (float)Math.Sqrt(x);

    public static float Exp(float x) => (float)ElementaryFunctions.Exp(x);

    public static float Log(float x) => (float)ElementaryFunctions.Log(x);

    public static float Log10(float x) => (float)ElementaryFunctions.Log10(x);

    public static float Log2(float x) => (float)ElementaryFunctions.Log2(x);

    public static float Pow(float x, float y) => (float)ElementaryFunctions.Pow(x, y);

    public static float Sin(float x) => (float)ElementaryFunctions.Sin(x);

    public static float Cos(float x) => (float)ElementaryFunctions.Cos(x);

    public static float Tan(float x) => (float)ElementaryFunctions.Tan(x);

    public static float Asin(float x) => (float)ElementaryFunctions.Asin(x);

    public static float Acos(float x) => (float)ElementaryFunctions.Acos(x);

    public static float Atan(float x) => (float)ElementaryFunctions.Atan(x);

    public static float Atan2(float y, float x) => (float)ElementaryFunctions.Atan2(y, x);
}
