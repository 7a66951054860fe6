namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// Where a window's pixels come from when the compositor needs them: whole row spans, never
/// one call per pixel. Coordinates are the window content's own (0, 0 at its top left).
/// </summary>
public unsafe interface IPixelSource
{
    int Width { get; }

    int Height { get; }

    /// <summary>Copies <paramref name="count"/> pixels of row <paramref name="y"/> from column <paramref name="x"/> (all inside the source).</summary>
    void CopyRow(int x, int y, int count, uint* destination);
}
