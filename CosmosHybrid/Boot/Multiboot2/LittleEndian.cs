using System;

namespace CosmosHybrid.Boot.Multiboot2;

/// <summary>Bounds-checked little-endian reads from boot structures.</summary>
internal static class LittleEndian
{
    public static uint ReadUInt32(ReadOnlySpan<byte> data, int offset) =>
        (uint)(data[offset] | data[offset + 1] << 8 | data[offset + 2] << 16 | data[offset + 3] << 24);

    public static ulong ReadUInt64(ReadOnlySpan<byte> data, int offset) =>
        ReadUInt32(data, offset) | (ulong)ReadUInt32(data, offset + 4) << 32;

    /// <summary>A zero-terminated string (bytes taken as Latin-1), ending at the span's end if no zero.</summary>
    public static string ReadCString(ReadOnlySpan<byte> data)
    {
        int length = 0;
        while (length < data.Length && data[length] != 0)
            length++;
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = (char)data[i];
        return new string(chars);
    }
}
