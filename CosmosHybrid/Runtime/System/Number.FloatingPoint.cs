using System.Globalization;

namespace System;

/// <summary>
/// Floating-point text behind double and float (see FloatingPoint/: FloatFormatter,
/// FloatParser, FloatDigits, which the host tests also run against .NET).
/// </summary>
internal static partial class Number
{
    /// <summary>Room for any shortest or default-precision text; longer ones go to the heap.</summary>
    private const int FloatStackBuffer = 64;

    public static string FormatFloat(in FloatBits value, ReadOnlySpan<char> format)
    {
        Span<char> buffer = stackalloc char[FloatStackBuffer];
        int length = FloatFormatter.Format(value, format, buffer);
        if (length <= buffer.Length)
            return new string(buffer.Slice(0, length));
        string result = string.FastAllocateString(length);
        FloatFormatter.Format(value, format, new Span<char>(ref result.GetRawStringData(), length));
        return result;
    }

    public static bool TryFormatFloat(in FloatBits value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
    {
        int length = FloatFormatter.Format(value, format, destination);
        charsWritten = length <= destination.Length ? length : 0;
        return length <= destination.Length;
    }

    /// <summary>Throws like .NET for styles floating-point parsing rejects or this library lacks.</summary>
    public static void ValidateFloatStyle(NumberStyles style)
    {
        if ((style & InvalidNumberStyles) != 0)
            throw new ArgumentException("An undefined NumberStyles value is being used.", nameof(style));
        if ((style & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
            throw new ArgumentException("The number style AllowHexSpecifier is not supported on floating point data types.", nameof(style));
        if ((style & (NumberStyles.AllowParentheses | NumberStyles.AllowCurrencySymbol)) != 0)
            throw new NotSupportedException("Parentheses and currency symbols are not supported.");
    }

    public static Exception FloatParseFailure(ReadOnlySpan<char> s) =>
        new FormatException("The input string '" + new string(s) + "' was not in a correct format.");
}
