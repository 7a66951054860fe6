using CosmosHybrid.Services.UI.Geometry;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// The bar across the top of the screen, above every window: a "new terminal" button at the
/// left and the clock at the right.
/// </summary>
public sealed class TopBar
{
    public const int Height = 24;
    public const string ButtonLabel = "+ Terminal";
    private const int Padding = 4;

    private readonly int _cellWidth;
    private readonly int _cellHeight;

    public TopBar(int screenWidth, IGlyphSource glyphs)
    {
        _cellWidth = glyphs == null ? 8 : glyphs.CellWidth;
        _cellHeight = glyphs == null ? 16 : glyphs.CellHeight;
        Bounds = new Rect(0, 0, screenWidth, Height);
        Clock = string.Empty;
    }

    public Rect Bounds { get; private set; }

    public Rect ButtonRect => new Rect(Padding, 2, ButtonLabel.Length * _cellWidth + 2 * Padding, Height - 4);

    public string Clock { get; private set; }

    /// <summary>Where the clock text is drawn: right-aligned, room for eight cells ("HH:MM:SS").</summary>
    public Rect ClockRect => new Rect(Bounds.Right - Padding - 8 * _cellWidth, 0, 8 * _cellWidth, Height);

    public int TextTop => (Height - _cellHeight) / 2;

    public void SetWidth(int screenWidth) => Bounds = new Rect(0, 0, screenWidth, Height);

    /// <summary>New clock text (at most eight characters shown); returns the area to redraw (empty when unchanged).</summary>
    public Rect SetClock(string text)
    {
        text ??= string.Empty;
        if (text.Length > 8)
            text = text.Substring(0, 8);
        if (text == Clock)
            return default;
        Clock = text;
        return ClockRect;
    }

    /// <summary>Draws the part of the bar inside <paramref name="clip"/>.</summary>
    public void Draw(PixelSurface target, Rect clip, Theme theme, IGlyphSource glyphs)
    {
        Rect button = ButtonRect;
        Rect clock = ClockRect;
        // Background around the button, then the button, then the text over both.
        System.Span<Rect> around = stackalloc Rect[4];
        int count = clip.Intersect(Bounds).Subtract(button, around);
        for (int i = 0; i < count; i++)
            target.Fill(around[i], theme.TopBar);
        target.Fill(clip.Intersect(button), theme.Button);
        TextPainter.Draw(target, clip.Intersect(button), glyphs, button.X + Padding, TextTop, ButtonLabel, theme.ButtonText);
        TextPainter.Draw(target, clip.Intersect(clock), glyphs, clock.X, TextTop, Clock, theme.TopBarText);
    }
}
