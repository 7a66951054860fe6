using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Windows;

/// <summary>A window on the screen: where it is, whose it is, its title and its pixels.</summary>
public sealed class Window
{
    public Window(int id, long owner, Rect frame, string title, IPixelSource content)
    {
        Id = id;
        Owner = owner;
        Frame = frame;
        Title = title ?? string.Empty;
        Content = content;
    }

    public int Id { get; }

    /// <summary>The client that created it (the server's client id); events go there.</summary>
    public long Owner { get; }

    /// <summary>Outer bounds, decorations included, in screen coordinates.</summary>
    public Rect Frame { get; set; }

    public Rect ContentRect => WindowFrame.ContentOf(Frame);

    public string Title { get; set; }

    /// <summary>What the client last drew (may be smaller than the content rectangle after a resize).</summary>
    public IPixelSource Content { get; set; }

    public bool Focused { get; set; }
}
