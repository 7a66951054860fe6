using CosmosHybrid.Services.UI.Compositing;

namespace CosmosHybrid.UnitTests.UI;

/// <summary>
/// A test font of 8×16 cells: every printable character but space is a solid block over
/// columns 1..6 and rows 4..11, so where text lands is easy to check pixel by pixel.
/// </summary>
public sealed class BlockGlyphs : IGlyphSource
{
    public int CellWidth => 8;

    public int CellHeight => 16;

    public int Calls { get; private set; }

    public uint GlyphRow(int codePoint, int row)
    {
        Calls++;
        if (codePoint <= ' ' || row < 4 || row > 11)
            return 0;
        return 0x7E;
    }

    public static bool IsInk(int column, int row) => column >= 1 && column <= 6 && row >= 4 && row <= 11;
}
