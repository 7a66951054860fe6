namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// A cell colour as the application chose it: the default, one of the 256 indexed colours
/// (0-15 the ANSI set, 16-231 the colour cube, 232-255 the grey ramp) or a 24-bit RGB value.
/// The renderer turns it into pixels through a <see cref="TerminalPalette"/>.
/// </summary>
public readonly struct TerminalColor
{
    private const uint KindMask = 0xFF000000;
    private const uint IndexedKind = 0x01000000;
    private const uint RgbKind = 0x02000000;

    private readonly uint _value;

    private TerminalColor(uint value)
    {
        _value = value;
    }

    /// <summary>The terminal's default foreground or background, whichever place it is used in.</summary>
    public static TerminalColor Default => default;

    /// <summary>Indexed colour <paramref name="index"/> (0-255).</summary>
    public static TerminalColor Indexed(int index) => new TerminalColor(IndexedKind | (uint)(index & 0xFF));

    /// <summary>A 24-bit colour.</summary>
    public static TerminalColor Rgb(int red, int green, int blue) =>
        new TerminalColor(RgbKind | ((uint)(red & 0xFF) << 16) | ((uint)(green & 0xFF) << 8) | (uint)(blue & 0xFF));

    public bool IsDefault => _value == 0;

    public bool IsIndexed => (_value & KindMask) == IndexedKind;

    public bool IsRgb => (_value & KindMask) == RgbKind;

    /// <summary>The palette index of an indexed colour.</summary>
    public int Index => (int)(_value & 0xFF);

    /// <summary>0x00RRGGBB of an RGB colour.</summary>
    public uint RgbValue => _value & 0x00FFFFFF;

    public bool Equals(TerminalColor other) => _value == other._value;

    public override bool Equals(object obj) => obj is TerminalColor other && Equals(other);

    public override int GetHashCode() => (int)_value;

    public static bool operator ==(TerminalColor left, TerminalColor right) => left._value == right._value;

    public static bool operator !=(TerminalColor left, TerminalColor right) => left._value != right._value;

    public override string ToString()
    {
        if (IsDefault)
        {
            return "default";
        }

        return IsIndexed ? "index " + Index.ToString() : "rgb " + RgbValue.ToString();
    }
}
