using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// Copies rectangles of the back buffer (32-bit pixels) to the framebuffer in its own
/// format, a row at a time with 8-byte stores: 2 pixels a store at 32 bits, 4 at 16 bits,
/// 8 pixels in three stores at 24 bits. No call per pixel.
/// </summary>
public static unsafe class FramebufferWriter
{
    /// <summary>Copies <paramref name="rect"/> (the same place in both; clipped to both).</summary>
    public static void Copy(PixelSurface source, Framebuffer target, Rect rect)
    {
        rect = rect.Intersect(source.Bounds).Intersect(target.Bounds);
        if (rect.IsEmpty)
            return;
        int bytesPerPixel = target.BytesPerPixel;
        for (int y = rect.Y; y < rect.Bottom; y++)
        {
            uint* from = source.Row(y) + rect.X;
            byte* to = target.Row(y) + (long)rect.X * bytesPerPixel;
            switch (target.Format)
            {
                case FramebufferFormat.Xrgb8888:
                    PixelRows.CopyBytes((byte*)from, to, (long)rect.Width * 4);
                    break;
                case FramebufferFormat.Rgb565:
                    WriteRow565(from, to, rect.Width);
                    break;
                case FramebufferFormat.Rgb888:
                    WriteRow888(from, to, rect.Width);
                    break;
            }
        }
    }

    public static ushort To565(uint pixel) =>
        (ushort)(((pixel >> 8) & 0xF800) | ((pixel >> 5) & 0x07E0) | ((pixel >> 3) & 0x001F));

    private static void WriteRow565(uint* from, byte* to, int count)
    {
        int i = 0;
        for (; i + 4 <= count; i += 4)
        {
            ulong packed = To565(from[i])
                | ((ulong)To565(from[i + 1]) << 16)
                | ((ulong)To565(from[i + 2]) << 32)
                | ((ulong)To565(from[i + 3]) << 48);
            *(ulong*)(to + i * 2) = packed;
        }
        for (; i < count; i++)
            *(ushort*)(to + i * 2) = To565(from[i]);
    }

    private static void WriteRow888(uint* from, byte* to, int count)
    {
        int i = 0;
        for (; i + 8 <= count; i += 8)
        {
            ulong p0 = from[i] & 0xFFFFFF, p1 = from[i + 1] & 0xFFFFFF, p2 = from[i + 2] & 0xFFFFFF, p3 = from[i + 3] & 0xFFFFFF;
            ulong p4 = from[i + 4] & 0xFFFFFF, p5 = from[i + 5] & 0xFFFFFF, p6 = from[i + 6] & 0xFFFFFF, p7 = from[i + 7] & 0xFFFFFF;
            ulong* words = (ulong*)(to + i * 3);
            words[0] = p0 | (p1 << 24) | (p2 << 48);
            words[1] = (p2 >> 16) | (p3 << 8) | (p4 << 32) | (p5 << 56);
            words[2] = (p5 >> 8) | (p6 << 16) | (p7 << 40);
        }
        for (; i < count; i++)
        {
            uint pixel = from[i];
            byte* p = to + i * 3;
            p[0] = (byte)pixel;
            p[1] = (byte)(pixel >> 8);
            p[2] = (byte)(pixel >> 16);
        }
    }
}
