using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// The software mouse pointer: an arrow with its hot spot at its top left, drawn last over
/// everything. Each row is two masks (outline ink and fill), bit 15 being the leftmost column.
/// </summary>
public static unsafe class CursorShape
{
    public const int Width = 11;
    public const int Height = 17;

    // X = ink, o = fill, . = transparent.
    private static readonly string[] Picture =
    {
        "X..........",
        "XX.........",
        "XoX........",
        "XooX.......",
        "XoooX......",
        "XooooX.....",
        "XoooooX....",
        "XooooooX...",
        "XoooooooX..",
        "XooooooooX.",
        "XoooooXXXXX",
        "XooXooX....",
        "XoX.XooX...",
        "XX..XooX...",
        "X....XooX..",
        ".....XooX..",
        "......XX...",
    };

    private static readonly ushort[] InkRows = BuildRows('X');
    private static readonly ushort[] FillRows = BuildRows('o');

    public static Rect BoundsAt(int x, int y) => new Rect(x, y, Width, Height);

    /// <summary>Whether the arrow at (x, y) covers the pixel (px, py) with ink or fill.</summary>
    public static bool Covers(int x, int y, int px, int py)
    {
        int row = py - y, column = px - x;
        if (row < 0 || row >= Height || column < 0 || column >= Width)
            return false;
        ushort bit = (ushort)(0x8000 >> column);
        return ((InkRows[row] | FillRows[row]) & bit) != 0;
    }

    /// <summary>Draws the arrow with its hot spot at (x, y), only inside <paramref name="clip"/>.</summary>
    public static void Draw(PixelSurface target, Rect clip, int x, int y, uint ink, uint fill)
    {
        Rect area = BoundsAt(x, y).Intersect(clip).Intersect(target.Bounds);
        for (int py = area.Y; py < area.Bottom; py++)
        {
            ushort inkBits = InkRows[py - y];
            ushort fillBits = FillRows[py - y];
            uint* row = target.Row(py);
            for (int px = area.X; px < area.Right; px++)
            {
                ushort bit = (ushort)(0x8000 >> (px - x));
                if ((inkBits & bit) != 0)
                    row[px] = ink;
                else if ((fillBits & bit) != 0)
                    row[px] = fill;
            }
        }
    }

    private static ushort[] BuildRows(char mark)
    {
        var rows = new ushort[Height];
        for (int y = 0; y < Height; y++)
        {
            string line = Picture[y];
            for (int x = 0; x < line.Length && x < Width; x++)
            {
                if (line[x] == mark)
                    rows[y] |= (ushort)(0x8000 >> x);
            }
        }
        return rows;
    }
}
