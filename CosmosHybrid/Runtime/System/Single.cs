namespace System;

/// <summary>
/// A 32-bit IEEE 754 number. Arithmetic is done by the compiler; there is no text
/// formatting or parsing of floating-point numbers yet.
/// </summary>
public readonly struct Single : IEquatable<float>
{
    private readonly float m_value;

    public const float NaN = 0.0f / 0.0f;
    public const float PositiveInfinity = 1.0f / 0.0f;
    public const float NegativeInfinity = -1.0f / 0.0f;
    public const float MaxValue = 3.40282347E+38f;
    public const float MinValue = -3.40282347E+38f;
    public const float Epsilon = 1.401298E-45f;

#pragma warning disable CS1718 // NaN is the only value not equal to itself
    public static bool IsNaN(float f) => f != f;
#pragma warning restore CS1718

    public static bool IsInfinity(float f) => f == PositiveInfinity || f == NegativeInfinity;

    /// <summary>NaN equals NaN here, unlike the == operator (as in .NET).</summary>
    public bool Equals(float obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

    public override bool Equals(object obj) => obj is float other && Equals(other);

    public override unsafe int GetHashCode()
    {
        float value = m_value;
        if (value == 0)
            return 0; // +0.0 and -0.0 are equal
        if (IsNaN(value))
            value = NaN;
        return *(int*)&value;
    }
}
