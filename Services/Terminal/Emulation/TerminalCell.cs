namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// One character cell: a Unicode scalar (0 for a cell nothing was written to, drawn as a space),
/// its colours and rendition. Every scalar takes one cell: wide (East Asian) and combining
/// characters are not given two or zero cells.
/// </summary>
public struct TerminalCell
{
    public int Scalar;
    public TerminalColor Foreground;
    public TerminalColor Background;
    public CellAttributes Attributes;

    public TerminalCell(int scalar, TerminalColor foreground, TerminalColor background, CellAttributes attributes)
    {
        Scalar = scalar;
        Foreground = foreground;
        Background = background;
        Attributes = attributes;
    }

    /// <summary>An erased cell: no character, default rendition, the given background (xterm erases with the current background).</summary>
    public static TerminalCell Blank(TerminalColor background) =>
        new TerminalCell(0, TerminalColor.Default, background, CellAttributes.None);

    /// <summary>The scalar as shown: a never-written cell shows a space.</summary>
    public int DisplayScalar => Scalar == 0 ? ' ' : Scalar;

    public bool SameAs(TerminalCell other) =>
        Scalar == other.Scalar && Foreground == other.Foreground && Background == other.Background
        && Attributes == other.Attributes;
}
