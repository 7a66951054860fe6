namespace System;

/// <summary>A value that can be turned into text with a format string (for example "x8").</summary>
public interface IFormattable
{
    string ToString(string format, IFormatProvider formatProvider);
}
