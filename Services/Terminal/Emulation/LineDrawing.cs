namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// The DEC special graphics set (ESC ( 0): ASCII 0x5F-0x7E shown as line-drawing and other
/// symbols, as curses programs use for boxes.
/// </summary>
internal static class LineDrawing
{
    // 0x5F '_' .. 0x7E '~'
    private static readonly int[] Symbols =
    {
        0x00A0, 0x25C6, 0x2592, 0x2409, 0x240C, 0x240D, 0x240A, 0x00B0, 0x00B1, 0x2424, 0x240B,
        0x2518, 0x2510, 0x250C, 0x2514, 0x253C, 0x23BA, 0x23BB, 0x2500, 0x23BC, 0x23BD,
        0x251C, 0x2524, 0x2534, 0x252C, 0x2502, 0x2264, 0x2265, 0x03C0, 0x2260, 0x00A3, 0x00B7,
    };

    public static int Map(int scalar)
    {
        int index = scalar - 0x5F;
        return (uint)index < (uint)Symbols.Length ? Symbols[index] : scalar;
    }
}
