using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Windows;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>What is on the screen, top to bottom: the pointer, the top bar, the windows in z-order, the desktop.</summary>
public sealed class Scene
{
    public Scene(int width, int height, IGlyphSource glyphs)
    {
        Screen = new Rect(0, 0, width, height);
        TopBar = new TopBar(width, glyphs);
        Windows = new WindowStack();
        CursorVisible = true;
    }

    public Rect Screen { get; private set; }

    public TopBar TopBar { get; }

    public WindowStack Windows { get; }

    public int CursorX { get; set; }

    public int CursorY { get; set; }

    public bool CursorVisible { get; set; }

    public Rect CursorBounds => CursorShape.BoundsAt(CursorX, CursorY);

    public void Resize(int width, int height)
    {
        Screen = new Rect(0, 0, width, height);
        TopBar.SetWidth(width);
    }
}
