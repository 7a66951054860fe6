namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>What one <see cref="TerminalRenderer.Render"/> call changed in the pixel buffer.</summary>
public readonly struct RenderResult
{
    public RenderResult(int cellsDrawn, int scrolledRows, int left, int top, int right, int bottom)
    {
        CellsDrawn = cellsDrawn;
        ScrolledRows = scrolledRows;
        Left = left;
        Top = top;
        Right = right;
        Bottom = bottom;
    }

    /// <summary>How many cells were drawn.</summary>
    public int CellsDrawn { get; }

    /// <summary>Text rows the pixels were moved up by (down when negative); 0 when none were moved.</summary>
    public int ScrolledRows { get; }

    /// <summary>The changed pixels: [Left, Right) x [Top, Bottom); empty when nothing changed.</summary>
    public int Left { get; }

    public int Top { get; }

    public int Right { get; }

    public int Bottom { get; }

    public bool IsEmpty => Right <= Left || Bottom <= Top;
}
