namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>Where a renderer gets its character bitmaps from: a font cut into fixed cells.</summary>
public interface IGlyphSource
{
    /// <summary>Width of a cell in pixels, 1 to <see cref="CellGlyph.MaxWidth"/>.</summary>
    int CellWidth { get; }

    /// <summary>Height of a cell in pixels.</summary>
    int CellHeight { get; }

    /// <summary>Pixel rows from the top of a cell to the baseline (where the underline goes below).</summary>
    int Baseline { get; }

    /// <summary>The bitmap of <paramref name="scalar"/> placed in a cell; false when the font lacks it.</summary>
    bool TryGetGlyph(int scalar, out CellGlyph glyph);
}
