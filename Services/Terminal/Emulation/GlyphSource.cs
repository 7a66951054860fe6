namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// Where a renderer gets its character bitmaps from: a font cut into fixed cells.
/// </summary>
/// <remarks>
/// An abstract class rather than an interface because the renderer asks once per cell, and
/// the core library resolves every interface call anew; a virtual call is one load.
/// </remarks>
public abstract class GlyphSource
{
    /// <summary>Width of a cell in pixels, 1 to <see cref="CellGlyph.MaxWidth"/>.</summary>
    public abstract int CellWidth { get; }

    /// <summary>Height of a cell in pixels.</summary>
    public abstract int CellHeight { get; }

    /// <summary>Pixel rows from the top of a cell to the baseline (where the underline goes below).</summary>
    public abstract int Baseline { get; }

    /// <summary>The bitmap of <paramref name="scalar"/> placed in a cell; false when the font lacks it.</summary>
    public abstract bool TryGetGlyph(int scalar, out CellGlyph glyph);
}
