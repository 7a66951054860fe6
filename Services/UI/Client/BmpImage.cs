using System;

namespace CosmosHybrid.Services.UI.Client;

/// <summary>
/// Windows bitmaps (.bmp) as the client library draws them (<see cref="Canvas.DrawImage"/>): uncompressed,
/// 24 or 32 bits per pixel, bottom-up or top-down rows. Anything else, and any size that does not add up, is
/// refused rather than read past the end.
/// </summary>
public static class BmpImage
{
    private const int FileHeaderBytes = 14;
    private const int InfoHeaderBytes = 40;

    /// <summary>The largest width or height taken (a window's limit).</summary>
    public const int MaxSide = 4096;

    /// <summary>Decodes <paramref name="file"/> into 0x00RRGGBB pixels, row after row from the top; false with a reason when it cannot.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> file, out uint[] pixels, out int width, out int height, out string problem)
    {
        pixels = null;
        width = height = 0;
        if (file.Length < FileHeaderBytes + InfoHeaderBytes || file[0] != (byte)'B' || file[1] != (byte)'M')
            return Fail("not a BMP file", out problem);
        long dataOffset = ReadUInt32(file, 10);
        uint headerBytes = ReadUInt32(file, 14);
        int rawWidth = ReadInt32(file, 18), rawHeight = ReadInt32(file, 22);
        int planes = ReadUInt16(file, 26), bitsPerPixel = ReadUInt16(file, 28);
        uint compression = ReadUInt32(file, 30);
        if (headerBytes < InfoHeaderBytes || planes != 1)
            return Fail("unknown BMP header", out problem);
        if (compression != 0 || (bitsPerPixel != 24 && bitsPerPixel != 32))
            return Fail("only uncompressed 24- and 32-bit BMP files are shown", out problem);
        bool topDown = rawHeight < 0;
        long absoluteHeight = topDown ? -(long)rawHeight : rawHeight;
        if (rawWidth <= 0 || rawWidth > MaxSide || absoluteHeight == 0 || absoluteHeight > MaxSide)
            return Fail("size " + rawWidth.ToString() + "x" + rawHeight.ToString() + " out of range", out problem);

        int bytesPerPixel = bitsPerPixel / 8;
        long stride = ((long)rawWidth * bitsPerPixel + 31) / 32 * 4;
        if (dataOffset < FileHeaderBytes + headerBytes || dataOffset + stride * absoluteHeight > file.Length)
            return Fail("the pixels run past the end of the file", out problem);

        width = rawWidth;
        height = (int)absoluteHeight;
        pixels = new uint[width * height];
        for (int y = 0; y < height; y++)
        {
            int sourceRow = topDown ? y : height - 1 - y;
            int at = (int)(dataOffset + stride * sourceRow);
            int target = y * width;
            for (int x = 0; x < width; x++, at += bytesPerPixel)
                pixels[target + x] = (uint)(file[at] | file[at + 1] << 8 | file[at + 2] << 16);
        }
        problem = null;
        return true;
    }

    private static bool Fail(string reason, out string problem)
    {
        problem = reason;
        return false;
    }

    private static int ReadUInt16(ReadOnlySpan<byte> bytes, int at) => bytes[at] | bytes[at + 1] << 8;

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, int at) =>
        (uint)(bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 | bytes[at + 3] << 24);

    private static int ReadInt32(ReadOnlySpan<byte> bytes, int at) => (int)ReadUInt32(bytes, at);
}
