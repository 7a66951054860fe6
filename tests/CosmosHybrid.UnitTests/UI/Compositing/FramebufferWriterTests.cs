using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Compositing;

/// <summary>The bytes each depth puts in memory, checked against the formats' definitions (not against ReadPixel).</summary>
public unsafe class FramebufferWriterTests
{
    private const int Count = 21; // two 8-pixel groups and a tail at 24 bits, five 4-pixel groups and a tail at 16

    private static uint PixelAt(int i) => (uint)(((i * 37) & 0xFF) << 16 | ((i * 91 + 5) & 0xFF) << 8 | ((i * 13 + 200) & 0xFF));

    private static byte[] Write(int bitsPerPixel, int startX)
    {
        int width = startX + Count + 2;
        int pitch = width * bitsPerPixel / 8 + 1;
        var memory = new byte[pitch * 2];
        var source = new uint[width * 2];
        for (int i = 0; i < Count; i++)
            source[width + startX + i] = PixelAt(i) | 0xFF00_0000; // the top byte must not leak into 24 or 16 bits
        fixed (byte* target = memory)
        fixed (uint* pixels = source)
        {
            Assert.That(Framebuffer.TryCreate(target, width, 2, pitch, bitsPerPixel, out Framebuffer framebuffer), Is.True);
            FramebufferWriter.Copy(new PixelSurface(pixels, width, 2), framebuffer, new Rect(startX, 1, Count, 1));
        }
        var row = new byte[pitch];
        System.Array.Copy(memory, pitch, row, 0, pitch);
        for (int i = 0; i < pitch; i++)
            Assert.That(memory[i], Is.Zero, "row 0 untouched");
        return row;
    }

    [TestCase(0)]
    [TestCase(3)]
    public void PackedTwentyFourBitPixelsAreBlueGreenRed(int startX)
    {
        byte[] row = Write(24, startX);
        for (int i = 0; i < Count; i++)
        {
            uint p = PixelAt(i);
            int at = (startX + i) * 3;
            Assert.That(new[] { row[at], row[at + 1], row[at + 2] }, Is.EqualTo(new[] { (byte)p, (byte)(p >> 8), (byte)(p >> 16) }), $"pixel {i}");
        }
        Assert.That(row[(startX + Count) * 3], Is.Zero, "nothing after the rectangle");
        if (startX > 0)
            Assert.That(row[startX * 3 - 1], Is.Zero, "nothing before it");
    }

    [TestCase(0)]
    [TestCase(1)]
    public void SixteenBitPixelsAreRgb565(int startX)
    {
        byte[] row = Write(16, startX);
        for (int i = 0; i < Count; i++)
        {
            uint p = PixelAt(i);
            int expected = (int)(((p >> 19) & 0x1F) << 11 | ((p >> 10) & 0x3F) << 5 | ((p >> 3) & 0x1F));
            int at = (startX + i) * 2;
            Assert.That(row[at] | row[at + 1] << 8, Is.EqualTo(expected), $"pixel {i}");
        }
        Assert.That(row[(startX + Count) * 2], Is.Zero);
    }

    [TestCase(0)]
    [TestCase(1)]
    public void ThirtyTwoBitPixelsAreCopiedAsTheyAre(int startX)
    {
        byte[] row = Write(32, startX);
        for (int i = 0; i < Count; i++)
        {
            int at = (startX + i) * 4;
            uint value = (uint)(row[at] | row[at + 1] << 8 | row[at + 2] << 16 | row[at + 3] << 24);
            Assert.That(value, Is.EqualTo(PixelAt(i) | 0xFF00_0000), $"pixel {i}");
        }
        Assert.That(row[(startX + Count) * 4], Is.Zero);
    }

    [TestCase(16, 10, 19)]
    [TestCase(32, 10, 39)]
    [TestCase(24, 10, 29)]
    [TestCase(8, 10, 100)]
    [TestCase(32, 0, 100)]
    [TestCase(32, 10, -1)]
    public void ImpossibleFramebuffersAreRefused(int bitsPerPixel, int width, int pitch)
    {
        byte* memory = stackalloc byte[16];
        Assert.That(Framebuffer.TryCreate(memory, width, 10, pitch, bitsPerPixel, out _), Is.False);
    }
}
