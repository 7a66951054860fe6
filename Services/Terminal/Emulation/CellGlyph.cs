namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// A character's bitmap already placed in its cell: one 32-bit mask per pixel row of the
/// cell, the leftmost pixel in the most significant bit. Cells are at most
/// <see cref="MaxWidth"/> pixels wide.
/// </summary>
public readonly struct CellGlyph
{
    public const int MaxWidth = 32;

    public CellGlyph(uint[] rows, int width, int height)
    {
        Rows = rows;
        Width = width;
        Height = height;
    }

    /// <summary>Row masks, at least <see cref="Height"/> of them.</summary>
    public uint[] Rows { get; }

    public int Width { get; }

    public int Height { get; }

    public bool IsSet(int x, int y) =>
        Rows != null && (uint)x < (uint)Width && (uint)y < (uint)Height && (Rows[y] & (0x80000000u >> x)) != 0;
}
