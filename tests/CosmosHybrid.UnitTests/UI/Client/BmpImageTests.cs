using System;
using CosmosHybrid.Services.UI.Client;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Client;

/// <summary>BMP files written here byte by byte as the format says, decoded and checked at every pixel.</summary>
public class BmpImageTests
{
    // A 3 x 2 picture, top row first: red green blue / white black grey.
    private static readonly uint[] Picture = { 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF, 0x000000, 0x808080 };

    [TestCase(24, false)]
    [TestCase(24, true)]
    [TestCase(32, false)]
    [TestCase(32, true)]
    public void DecodesEveryPixelOfBottomUpAndTopDownFiles(int bitsPerPixel, bool topDown)
    {
        byte[] file = Write(Picture, 3, 2, bitsPerPixel, topDown);
        Assert.That(BmpImage.TryDecode(file, out uint[] pixels, out int width, out int height, out string problem), Is.True, problem);
        Assert.That((width, height), Is.EqualTo((3, 2)));
        Assert.That(pixels, Is.EqualTo(Picture));
    }

    [Test]
    public void TwentyFourBitRowsArePaddedToFourBytes()
    {
        // 3 pixels of 3 bytes are 9 bytes a row: 3 bytes of padding that must not shift the next row.
        byte[] file = Write(Picture, 3, 2, 24, topDown: false);
        Assert.That(file.Length, Is.EqualTo(54 + 2 * 12));
    }

    [Test]
    public void RefusesWhatItCannotShow()
    {
        byte[] good = Write(Picture, 3, 2, 24, topDown: false);
        Assert.That(Decodes(good), Is.True);

        byte[] notBmp = (byte[])good.Clone();
        notBmp[0] = (byte)'P';
        Assert.That(Decodes(notBmp), Is.False, "no BM signature");

        byte[] compressed = (byte[])good.Clone();
        compressed[30] = 1; // BI_RLE8
        Assert.That(Decodes(compressed), Is.False, "compressed");

        byte[] eightBit = (byte[])good.Clone();
        eightBit[28] = 8;
        Assert.That(Decodes(eightBit), Is.False, "8 bits per pixel (a palette)");

        Assert.That(Decodes(good.AsSpan(0, good.Length - 1).ToArray()), Is.False, "one byte short");
        Assert.That(Decodes(good.AsSpan(0, 30).ToArray()), Is.False, "a header cut off");

        byte[] huge = (byte[])good.Clone();
        BitConverter.TryWriteBytes(huge.AsSpan(18), 100_000);
        Assert.That(Decodes(huge), Is.False, "width out of range");

        byte[] zero = (byte[])good.Clone();
        BitConverter.TryWriteBytes(zero.AsSpan(22), 0);
        Assert.That(Decodes(zero), Is.False, "no rows");

        byte[] farOffset = (byte[])good.Clone();
        BitConverter.TryWriteBytes(farOffset.AsSpan(10), int.MaxValue);
        Assert.That(Decodes(farOffset), Is.False, "pixels beyond the file");
    }

    private static bool Decodes(byte[] file) => BmpImage.TryDecode(file, out _, out _, out _, out _);

    /// <summary>A BITMAPFILEHEADER, a BITMAPINFOHEADER and the rows (BGR or BGRA, each padded to 4 bytes).</summary>
    private static byte[] Write(uint[] pixels, int width, int height, int bitsPerPixel, bool topDown)
    {
        int bytesPerPixel = bitsPerPixel / 8;
        int stride = (width * bytesPerPixel + 3) / 4 * 4;
        var file = new byte[54 + stride * height];
        file[0] = (byte)'B';
        file[1] = (byte)'M';
        BitConverter.TryWriteBytes(file.AsSpan(2), file.Length);
        BitConverter.TryWriteBytes(file.AsSpan(10), 54);
        BitConverter.TryWriteBytes(file.AsSpan(14), 40);
        BitConverter.TryWriteBytes(file.AsSpan(18), width);
        BitConverter.TryWriteBytes(file.AsSpan(22), topDown ? -height : height);
        BitConverter.TryWriteBytes(file.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(file.AsSpan(28), (short)bitsPerPixel);
        for (int y = 0; y < height; y++)
        {
            int row = 54 + stride * (topDown ? y : height - 1 - y);
            for (int x = 0; x < width; x++)
            {
                uint pixel = pixels[y * width + x];
                int at = row + x * bytesPerPixel;
                file[at] = (byte)pixel;
                file[at + 1] = (byte)(pixel >> 8);
                file[at + 2] = (byte)(pixel >> 16);
                if (bytesPerPixel == 4)
                    file[at + 3] = 0xFF;
            }
        }
        return file;
    }
}
