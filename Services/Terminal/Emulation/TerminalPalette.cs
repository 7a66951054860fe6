namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// Turns <see cref="TerminalColor"/>s into 0x00RRGGBB pixels: xterm's 16 ANSI colours,
/// the 6x6x6 colour cube (16-231) and the 24-step grey ramp (232-255).
/// </summary>
public sealed class TerminalPalette
{
    private static readonly uint[] XtermAnsi =
    {
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    };

    private readonly uint[] _colors = new uint[256];

    public TerminalPalette()
    {
        for (int i = 0; i < 16; i++)
        {
            _colors[i] = XtermAnsi[i];
        }

        for (int i = 0; i < 216; i++)
        {
            _colors[16 + i] = (CubeLevel(i / 36) << 16) | (CubeLevel(i / 6 % 6) << 8) | CubeLevel(i % 6);
        }

        for (int i = 0; i < 24; i++)
        {
            uint grey = (uint)(8 + 10 * i);
            _colors[232 + i] = (grey << 16) | (grey << 8) | grey;
        }

        DefaultForeground = XtermAnsi[7];
        DefaultBackground = XtermAnsi[0];
    }

    public uint DefaultForeground { get; set; }

    public uint DefaultBackground { get; set; }

    /// <summary>Colour <paramref name="index"/> (0-255) as 0x00RRGGBB.</summary>
    public uint this[int index]
    {
        get => _colors[index & 0xFF];
        set => _colors[index & 0xFF] = value & 0x00FFFFFF;
    }

    /// <summary>The pixel of <paramref name="color"/> as a foreground; bold brightens colours 0-7 (xterm).</summary>
    public uint Foreground(TerminalColor color, bool bold)
    {
        if (color.IsDefault)
        {
            return DefaultForeground;
        }

        if (color.IsRgb)
        {
            return color.RgbValue;
        }

        int index = color.Index;
        return _colors[bold && index < 8 ? index + 8 : index];
    }

    public uint Background(TerminalColor color)
    {
        if (color.IsDefault)
        {
            return DefaultBackground;
        }

        return color.IsRgb ? color.RgbValue : _colors[color.Index];
    }

    private static uint CubeLevel(int step) => step == 0 ? 0u : (uint)(55 + 40 * step);
}
