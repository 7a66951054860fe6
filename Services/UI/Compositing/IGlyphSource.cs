namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// A fixed-cell bitmap font as the server and the client library see it: each glyph is
/// <see cref="CellHeight"/> rows of <see cref="CellWidth"/> (at most 32) bits, the most
/// significant of the cell's bits leftmost. A character the font lacks gives its replacement glyph.
/// </summary>
public interface IGlyphSource
{
    int CellWidth { get; }

    int CellHeight { get; }

    /// <summary>Row <paramref name="row"/> of the glyph: bit (CellWidth - 1 - x) set means ink at column x.</summary>
    uint GlyphRow(int codePoint, int row);
}
