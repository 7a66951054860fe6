using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// A linear framebuffer as the boot loader describes it: any width and height, a pitch in
/// bytes (often more than width × bytes per pixel), and 16, 24 or 32 bits per pixel.
/// </summary>
public readonly unsafe struct Framebuffer
{
    private Framebuffer(byte* address, int width, int height, int pitch, FramebufferFormat format)
    {
        Address = address;
        Width = width;
        Height = height;
        Pitch = pitch;
        Format = format;
    }

    public byte* Address { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Bytes from the start of one row to the start of the next.</summary>
    public int Pitch { get; }

    public FramebufferFormat Format { get; }

    public int BytesPerPixel => (int)Format / 8;

    public Rect Bounds => new Rect(0, 0, Width, Height);

    public byte* Row(int y) => Address + (long)y * Pitch;

    /// <summary>
    /// Describes a framebuffer; false (and no framebuffer) when the memory is missing, the
    /// size is not positive or above 16384, the depth is not 16, 24 or 32, or a row does not
    /// fit in the pitch.
    /// </summary>
    public static bool TryCreate(byte* address, int width, int height, int pitch, int bitsPerPixel, out Framebuffer framebuffer)
    {
        framebuffer = default;
        if (address == null || width <= 0 || height <= 0 || width > 16384 || height > 16384)
            return false;
        if (bitsPerPixel != 16 && bitsPerPixel != 24 && bitsPerPixel != 32)
            return false;
        if (pitch < (long)width * (bitsPerPixel / 8))
            return false;
        framebuffer = new Framebuffer(address, width, height, pitch, (FramebufferFormat)bitsPerPixel);
        return true;
    }

    /// <summary>The pixel at (x, y) as 0x00RRGGBB (for tests and screenshots; not a drawing path).</summary>
    public uint ReadPixel(int x, int y)
    {
        byte* p = Row(y) + (long)x * BytesPerPixel;
        switch (Format)
        {
            case FramebufferFormat.Rgb565:
                {
                    uint v = *(ushort*)p;
                    uint r = (v >> 11) & 0x1F, g = (v >> 5) & 0x3F, b = v & 0x1F;
                    return ((r << 3) | (r >> 2)) << 16 | ((g << 2) | (g >> 4)) << 8 | ((b << 3) | (b >> 2));
                }
            case FramebufferFormat.Rgb888:
                return (uint)(p[0] | (p[1] << 8) | (p[2] << 16));
            default:
                return *(uint*)p & 0x00FF_FFFF;
        }
    }
}
