namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>What DECSC (ESC 7, CSI s) saves and DECRC (ESC 8, CSI u) restores.</summary>
internal struct SavedCursor
{
    public bool IsSet;
    public int Row;
    public int Column;
    public bool PendingWrap;
    public TerminalColor Foreground;
    public TerminalColor Background;
    public CellAttributes Attributes;
    public bool OriginMode;
    public bool G0LineDrawing;
    public bool G1LineDrawing;
    public bool Shifted;

    public void Clamp(int columns, int rows)
    {
        if (Row >= rows)
        {
            Row = rows - 1;
        }

        if (Column >= columns)
        {
            Column = columns - 1;
            PendingWrap = false;
        }
    }
}
