using System;

namespace CosmosHybrid.Services.Abi.Text;

/// <summary>
/// Latin-1 (ISO 8859-1): each byte is the code point of the same value. The conversion the
/// system-call boundary has used so far, kept in one place until UTF-8 replaces it there.
/// </summary>
public static class Latin1
{
    /// <summary>What stands for a character above U+00FF, which Latin-1 cannot hold.</summary>
    public const byte Unmappable = (byte)'?';

    /// <summary>Writes one byte per character (<see cref="Unmappable"/> above U+00FF); returns the count written.</summary>
    public static int Encode(ReadOnlySpan<char> source, Span<byte> destination)
    {
        int count = Math.Min(source.Length, destination.Length);
        for (int i = 0; i < count; i++)
        {
            char c = source[i];
            destination[i] = c <= 0xFF ? (byte)c : Unmappable;
        }

        return count;
    }

    /// <summary>Writes one character per byte; returns the count written.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<char> destination)
    {
        int count = Math.Min(source.Length, destination.Length);
        for (int i = 0; i < count; i++)
        {
            destination[i] = (char)source[i];
        }

        return count;
    }

    /// <summary>The bytes as a new string.</summary>
    public static string GetString(ReadOnlySpan<byte> source)
    {
        if (source.Length == 0)
        {
            return string.Empty;
        }

        char[] chars = new char[source.Length];
        Decode(source, chars);
        return new string(chars);
    }

    /// <summary>The text up to the first zero byte of a fixed-size field, as a new string.</summary>
    public static string GetStringUntilZero(ReadOnlySpan<byte> field)
    {
        int length = field.IndexOf((byte)0);
        return GetString(length < 0 ? field : field.Slice(0, length));
    }
}
