using System;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Windows;

namespace CosmosHybrid.Services.UI.Compositing;

/// <summary>
/// Redraws the damaged part of the screen. Each damaged rectangle is split by what covers it,
/// top down (top bar, then the windows in z-order, then the desktop), so every pixel is drawn
/// once and a window that is hidden there is never asked for its pixels. The pointer is drawn
/// last. On a 32-bit framebuffer the drawing goes straight to it (no second copy of each
/// pixel), except around the pointer: there it is drawn in the back buffer and copied, so the
/// screen never shows the pixels under the arrow without it. On 16 and 24 bits every rectangle
/// is drawn in the back buffer and converted as it is copied.
/// </summary>
public sealed unsafe class Compositor
{
    private readonly RectList _visible = new RectList(64);
    private readonly RectList _covered = new RectList(64);
    // Wide fills are copies of this row, so they never read the framebuffer they write.
    private readonly uint[] _fillRow;

    public Compositor(PixelBuffer backBuffer, Theme theme, IGlyphSource glyphs)
    {
        BackBuffer = backBuffer;
        Theme = theme ?? new Theme();
        Glyphs = glyphs;
        _fillRow = new uint[backBuffer.Width > 0 ? backBuffer.Width : 1];
    }

    /// <summary>
    /// Where rectangles are drawn before they are copied to the framebuffer: all of them when
    /// the framebuffer is not drawn in place (none, or 16 or 24 bits), else those around the pointer.
    /// </summary>
    public PixelBuffer BackBuffer { get; }

    public Theme Theme { get; }

    public IGlyphSource Glyphs { get; }

    /// <summary>Pixels drawn by compositing (in the back buffer or in place), for tests and the benchmark.</summary>
    public long PixelsComposited { get; private set; }

    /// <summary>Rectangles copied from the back buffer to the framebuffer.</summary>
    public long RectanglesCopied { get; private set; }

    /// <summary>Rectangles drawn straight into the framebuffer.</summary>
    public long RectanglesInPlace { get; private set; }

    /// <summary>
    /// Whether <paramref name="framebuffer"/> is drawn in place: it has memory, 32-bit pixels in
    /// the back buffer's format, and a pitch of whole pixels.
    /// </summary>
    public static bool DrawsInPlace(Framebuffer framebuffer) =>
        framebuffer.Address != null && framebuffer.Format == FramebufferFormat.Xrgb8888 && framebuffer.Pitch % 4 == 0;

    /// <summary>Composites every damaged rectangle to <paramref name="framebuffer"/> (if it has memory, else to the back buffer only) and clears the damage.</summary>
    public void Composite(Scene scene, DamageRegion damage, Framebuffer framebuffer)
    {
        fixed (uint* pixels = BackBuffer.Pixels)
        fixed (uint* fillRow = _fillRow)
        {
            var back = new PixelSurface(pixels, BackBuffer.Width, BackBuffer.Height, BackBuffer.Width, fillRow);
            bool inPlace = DrawsInPlace(framebuffer);
            PixelSurface screen = inPlace
                ? new PixelSurface((uint*)framebuffer.Address, System.Math.Min(framebuffer.Width, back.Width),
                    System.Math.Min(framebuffer.Height, back.Height), framebuffer.Pitch / 4, fillRow)
                : back;
            Span<Rect> pieces = stackalloc Rect[4];
            for (int i = 0; i < damage.Count; i++)
            {
                Rect rect = damage[i].Intersect(screen.Bounds);
                if (rect.IsEmpty)
                    continue;
                if (!inPlace)
                {
                    CompositeRect(back, scene, rect);
                    CopyToFramebuffer(back, framebuffer, rect);
                    continue;
                }
                Rect pointer = scene.CursorVisible ? rect.Intersect(scene.CursorBounds) : default;
                if (pointer.IsEmpty)
                {
                    CompositeRect(screen, scene, rect);
                    RectanglesInPlace++;
                    continue;
                }
                int count = rect.Subtract(pointer, pieces);
                for (int p = 0; p < count; p++)
                {
                    CompositeRect(screen, scene, pieces[p]);
                    RectanglesInPlace++;
                }
                CompositeRect(back, scene, pointer);
                CopyToFramebuffer(back, framebuffer, pointer);
            }
        }
        damage.Clear();
    }

    private void CopyToFramebuffer(PixelSurface back, Framebuffer framebuffer, Rect rect)
    {
        if (framebuffer.Address == null)
            return;
        FramebufferWriter.Copy(back, framebuffer, rect);
        RectanglesCopied++;
    }

    private void CompositeRect(PixelSurface back, Scene scene, Rect rect)
    {
        _visible.Clear();
        _visible.Add(rect);

        Rect bar = scene.TopBar.Bounds;
        if (bar.Intersects(rect))
        {
            DrawPieces(back, bar, null, scene);
            _visible.Subtract(bar);
        }

        WindowStack windows = scene.Windows;
        for (int w = windows.Count - 1; w >= 0 && _visible.Count > 0; w--)
        {
            Window window = windows[w];
            if (!window.Frame.Intersects(rect))
                continue;
            DrawPieces(back, window.Frame, window, scene);
            _visible.Subtract(window.Frame);
        }

        for (int i = 0; i < _visible.Count; i++)
        {
            back.Fill(_visible[i], Theme.Desktop);
            PixelsComposited += _visible[i].Area;
        }

        if (scene.CursorVisible && scene.CursorBounds.Intersects(rect))
            CursorShape.Draw(back, rect, scene.CursorX, scene.CursorY, Theme.CursorInk, Theme.CursorFill);
    }

    /// <summary>Draws the layer (the top bar when <paramref name="window"/> is null) in every still-visible piece it covers.</summary>
    private void DrawPieces(PixelSurface back, Rect layer, Window window, Scene scene)
    {
        _covered.Clear();
        for (int i = 0; i < _visible.Count; i++)
            _covered.Add(_visible[i].Intersect(layer));
        for (int i = 0; i < _covered.Count; i++)
        {
            Rect clip = _covered[i];
            PixelsComposited += clip.Area;
            if (window == null)
                scene.TopBar.Draw(back, clip, Theme, Glyphs);
            else
                DrawWindow(back, clip, window);
        }
    }

    private void DrawWindow(PixelSurface back, Rect clip, Window window)
    {
        Rect frame = window.Frame;
        Rect title = WindowFrame.TitleBarOf(frame);
        Rect content = WindowFrame.ContentOf(frame);
        Rect close = WindowFrame.CloseButtonOf(frame);
        uint border = window.Focused ? Theme.FocusedBorder : Theme.Border;

        // Border: the strips of the frame outside the title bar and content.
        int b = WindowFrame.Border;
        back.Fill(clip.Intersect(new Rect(frame.X, frame.Y, frame.Width, b)), border);
        back.Fill(clip.Intersect(Rect.FromEdges(frame.X, frame.Bottom - b, frame.Right, frame.Bottom)), border);
        back.Fill(clip.Intersect(Rect.FromEdges(frame.X, frame.Y + b, frame.X + b, frame.Bottom - b)), border);
        back.Fill(clip.Intersect(Rect.FromEdges(frame.Right - b, frame.Y + b, frame.Right, frame.Bottom - b)), border);

        Rect titleClip = clip.Intersect(title);
        if (!titleClip.IsEmpty)
        {
            back.Fill(titleClip, window.Focused ? Theme.FocusedTitleBar : Theme.TitleBar);
            int textTop = title.Y + (title.Height - (Glyphs == null ? 0 : Glyphs.CellHeight)) / 2;
            Rect textClip = titleClip.Intersect(Rect.FromEdges(title.X, title.Y, close.X - 2, title.Bottom));
            TextPainter.Draw(back, textClip, Glyphs, title.X + 4, textTop, window.Title, Theme.TitleText);
            Rect closeClip = titleClip.Intersect(close);
            if (!closeClip.IsEmpty)
            {
                back.Fill(closeClip, Theme.CloseButton);
                DrawCloseMark(back, closeClip, close);
            }
        }

        Rect contentClip = clip.Intersect(content);
        if (!contentClip.IsEmpty)
            DrawContent(back, contentClip, content, window.Content);
    }

    /// <summary>An X across the close button, inset by three pixels.</summary>
    private void DrawCloseMark(PixelSurface back, Rect clip, Rect button)
    {
        int size = button.Width - 6;
        for (int i = 0; i < size; i++)
        {
            int y = button.Y + 3 + i;
            int x1 = button.X + 3 + i;
            int x2 = button.Right - 4 - i;
            if (clip.Contains(x1, y))
                back[x1, y] = Theme.CloseMark;
            if (clip.Contains(x2, y))
                back[x2, y] = Theme.CloseMark;
        }
    }

    /// <summary>Copies the client's pixels row by row; where its buffer is smaller than the content area, background.</summary>
    private void DrawContent(PixelSurface back, Rect clip, Rect content, IPixelSource source)
    {
        Rect available = source == null ? default : new Rect(content.X, content.Y, source.Width, source.Height);
        Rect drawn = clip.Intersect(available);
        if (drawn.IsEmpty)
        {
            back.Fill(clip, Theme.WindowBackground);
            return;
        }
        if (source is PixelBuffer buffer)
        {
            // The server's own window copies (the usual case): rows copied directly, without an interface call each.
            fixed (uint* pixels = buffer.Pixels)
            {
                uint* from = pixels + (long)(drawn.Y - content.Y) * buffer.Width + (drawn.X - content.X);
                uint* to = back.Row(drawn.Y) + drawn.X;
                int width = drawn.Width, sourceStride = buffer.Width, targetStride = back.Stride;
                for (int y = drawn.Height; y > 0; y--, from += sourceStride, to += targetStride)
                    PixelRows.Copy(from, to, width);
            }
        }
        else
        {
            for (int y = drawn.Y; y < drawn.Bottom; y++)
                source.CopyRow(drawn.X - content.X, y - content.Y, drawn.Width, back.Row(y) + drawn.X);
        }
        if (drawn != clip)
        {
            Span<Rect> rest = stackalloc Rect[4];
            int count = clip.Subtract(drawn, rest);
            for (int i = 0; i < count; i++)
                back.Fill(rest[i], Theme.WindowBackground);
        }
    }
}
