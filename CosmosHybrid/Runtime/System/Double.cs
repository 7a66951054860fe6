namespace System;

/// <summary>
/// A 64-bit IEEE 754 number. Arithmetic is done by the compiler; there is no text
/// formatting or parsing of floating-point numbers yet.
/// </summary>
public readonly struct Double : IEquatable<double>
{
    private readonly double m_value;

    public const double NaN = 0.0 / 0.0;
    public const double PositiveInfinity = 1.0 / 0.0;
    public const double NegativeInfinity = -1.0 / 0.0;
    public const double MaxValue = 1.7976931348623157E+308;
    public const double MinValue = -1.7976931348623157E+308;
    public const double Epsilon = 4.9406564584124654E-324;

#pragma warning disable CS1718 // NaN is the only value not equal to itself
    public static bool IsNaN(double d) => d != d;
#pragma warning restore CS1718

    public static bool IsInfinity(double d) => d == PositiveInfinity || d == NegativeInfinity;

    /// <summary>NaN equals NaN here, unlike the == operator (as in .NET).</summary>
    public bool Equals(double obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

    public override bool Equals(object obj) => obj is double other && Equals(other);

    public override unsafe int GetHashCode()
    {
        double value = m_value;
        if (value == 0)
            return 0; // +0.0 and -0.0 are equal
        if (IsNaN(value))
            value = NaN;
        long bits = *(long*)&value;
        return (int)bits ^ (int)(bits >> 32);
    }
}
