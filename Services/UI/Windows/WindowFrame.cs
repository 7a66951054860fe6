using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Windows;

/// <summary>
/// The geometry of a window's decorations: a border all round, a title bar under the top
/// border with a close button at its right end, the client's content below.
/// </summary>
public static class WindowFrame
{
    public const int Border = 4;
    public const int TitleHeight = 20;
    public const int CloseSize = TitleHeight - 4;
    /// <summary>How far inside the outer edge a press grabs the edge for resizing (the border: content is the client's).</summary>
    public const int GripWidth = Border;
    public const int MinimumContentWidth = 64;
    public const int MinimumContentHeight = 32;

    public static Rect ContentOf(Rect frame) =>
        Rect.FromEdges(frame.X + Border, frame.Y + Border + TitleHeight, frame.Right - Border, frame.Bottom - Border);

    public static Rect FrameFor(Rect content) =>
        Rect.FromEdges(content.X - Border, content.Y - Border - TitleHeight, content.Right + Border, content.Bottom + Border);

    public static Rect TitleBarOf(Rect frame) => new Rect(frame.X + Border, frame.Y + Border, frame.Width - 2 * Border, TitleHeight);

    public static Rect CloseButtonOf(Rect frame) =>
        new Rect(frame.Right - Border - 2 - CloseSize, frame.Y + Border + 2, CloseSize, CloseSize);

    /// <summary>Which edges a point grabs for resizing (none when it is not within the grip of an edge).</summary>
    public static ResizeEdges EdgesAt(Rect frame, int x, int y)
    {
        if (!frame.Contains(x, y) || ContentOf(frame).Contains(x, y))
            return ResizeEdges.None;
        ResizeEdges edges = ResizeEdges.None;
        if (x < frame.X + GripWidth)
            edges |= ResizeEdges.Left;
        else if (x >= frame.Right - GripWidth)
            edges |= ResizeEdges.Right;
        if (y >= frame.Bottom - GripWidth)
            edges |= ResizeEdges.Bottom;
        // The top edge is the title bar's: dragging there moves the window.
        return edges;
    }
}

[System.Flags]
public enum ResizeEdges
{
    None = 0,
    Left = 1,
    Right = 2,
    Bottom = 4,
}
