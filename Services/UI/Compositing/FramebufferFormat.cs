namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// The pixel layouts the server writes to a framebuffer (the ones GRUB's linear modes use):
/// the value is bits per pixel.
/// </summary>
public enum FramebufferFormat
{
    None = 0,
    /// <summary>16 bits: red 15..11, green 10..5, blue 4..0.</summary>
    Rgb565 = 16,
    /// <summary>24 bits packed, little-endian: bytes blue, green, red.</summary>
    Rgb888 = 24,
    /// <summary>32 bits: 0x00RRGGBB (bytes blue, green, red, unused).</summary>
    Xrgb8888 = 32,
}
