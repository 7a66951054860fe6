using System.Collections.Generic;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;

namespace CosmosHybrid.Services.UI.Windows;

/// <summary>
/// Window management as a state machine: pointer and key input in, and out come changes to
/// the scene, the damage they cause, events for the windows' owners (<see cref="Events"/>)
/// and requests for a new terminal (<see cref="TerminalRequests"/>). A left press raises
/// and focuses the window under the pointer; on the title bar it starts a move, on an edge a
/// resize, on the close button it asks the owner to close. Keys go to the focused window,
/// except the new-terminal combinations Ctrl+Alt+T and Super+Enter.
/// </summary>
public sealed class WindowManager
{
    /// <summary>How many pixels of a window's title bar stay on the screen when it is dragged away.</summary>
    public const int KeepVisible = 32;
    private const int CascadeStep = 24;

    private readonly Queue<UiEvent> _events = new Queue<UiEvent>();
    private UiPointerButtons _buttons;
    private DragMode _drag;
    private Window _dragWindow;
    private Rect _dragStartFrame;
    private int _dragStartX;
    private int _dragStartY;
    private ResizeEdges _dragEdges;
    private int _nextId = 1;
    private int _cascade;

    public WindowManager(Scene scene, DamageRegion damage)
    {
        Scene = scene;
        Damage = damage;
    }

    public Scene Scene { get; }

    public DamageRegion Damage { get; }

    /// <summary>Events for clients, oldest first; the server sends them on and takes them out.</summary>
    public Queue<UiEvent> Events => _events;

    /// <summary>How many times the user asked for a new terminal (key combination or top-bar button) since the last <see cref="TakeTerminalRequests"/>.</summary>
    public int TerminalRequests { get; private set; }

    public bool Dragging => _drag != DragMode.None;

    public int TakeTerminalRequests()
    {
        int count = TerminalRequests;
        TerminalRequests = 0;
        return count;
    }

    // ---- windows ----

    /// <summary>A new window on top with the focus, cascaded below the top bar; its whole frame is damaged.</summary>
    public Window CreateWindow(long owner, int contentWidth, int contentHeight, string title, IPixelSource content)
    {
        int x = 40 + _cascade * CascadeStep;
        int y = TopBar.Height + 16 + _cascade * CascadeStep;
        _cascade = (_cascade + 1) % 8;
        Rect frame = WindowFrame.FrameFor(new Rect(x + WindowFrame.Border, y + WindowFrame.Border + WindowFrame.TitleHeight, contentWidth, contentHeight));
        var window = new Window(_nextId++, owner, frame, title, content);
        Scene.Windows.Add(window);
        Damage.Add(frame);
        Focus(window);
        return window;
    }

    public void DestroyWindow(Window window)
    {
        if (window == null || Scene.Windows.Find(window.Id) != window)
            return;
        if (_dragWindow == window)
            EndDrag();
        bool hadFocus = window.Focused;
        Scene.Windows.Remove(window);
        Damage.Add(window.Frame);
        if (hadFocus)
            Focus(Scene.Windows.Top);
    }

    /// <summary>Removes every window of a client (it closed its connection or died).</summary>
    public void DestroyOwnedBy(long owner)
    {
        for (int i = Scene.Windows.Count - 1; i >= 0; i--)
        {
            if (i < Scene.Windows.Count && Scene.Windows[i].Owner == owner)
                DestroyWindow(Scene.Windows[i]);
        }
    }

    public void SetTitle(Window window, string title)
    {
        window.Title = title ?? string.Empty;
        Damage.Add(WindowFrame.TitleBarOf(window.Frame));
    }

    /// <summary>The client redrew <paramref name="rect"/> of its content (content coordinates): that part of the screen is damaged.</summary>
    public void ContentChanged(Window window, Rect rect)
    {
        Rect content = window.ContentRect;
        Damage.Add(rect.Offset(content.X, content.Y).Intersect(content));
    }

    public void SetClock(string text) => Damage.Add(Scene.TopBar.SetClock(text));

    // ---- input ----

    public void Key(UiKeyInput key)
    {
        if (key.Pressed && IsNewTerminalCombination(key))
        {
            TerminalRequests++;
            return;
        }
        Window focused = Scene.Windows.Focused;
        if (focused != null)
            _events.Enqueue(UiEvent.ForKey(focused.Owner, focused.Id, key));
    }

    public static bool IsNewTerminalCombination(UiKeyInput key)
    {
        UiModifiers held = key.Modifiers & (UiModifiers.Control | UiModifiers.Alt | UiModifiers.Super | UiModifiers.Shift);
        if (key.KeyCode == UiKeyCodes.T && held == (UiModifiers.Control | UiModifiers.Alt))
            return true;
        return (key.KeyCode == UiKeyCodes.Enter || key.KeyCode == UiKeyCodes.KeypadEnter) && held == UiModifiers.Super;
    }

    public void Pointer(UiPointerInput input)
    {
        Rect screen = Scene.Screen;
        int x = input.X < 0 ? 0 : input.X >= screen.Right ? screen.Right - 1 : input.X;
        int y = input.Y < 0 ? 0 : input.Y >= screen.Bottom ? screen.Bottom - 1 : input.Y;
        MoveCursor(x, y);

        UiPointerButtons pressed = input.Buttons & ~_buttons;
        UiPointerButtons released = _buttons & ~input.Buttons;
        _buttons = input.Buttons;

        if (_drag != DragMode.None)
        {
            DragTo(x, y);
            if ((released & UiPointerButtons.Left) != 0)
                EndDrag();
            return;
        }

        if ((pressed & UiPointerButtons.Left) != 0)
        {
            if (Scene.TopBar.Bounds.Contains(x, y))
            {
                if (Scene.TopBar.ButtonRect.Contains(x, y))
                    TerminalRequests++;
                return;
            }
            Window hit = Scene.Windows.HitTest(x, y);
            if (hit != null && PressOnWindow(hit, x, y))
                return; // the press belonged to the decorations
        }

        // Anything else over a window's content (moves, presses, releases, the wheel) is the window's own event.
        if (Scene.TopBar.Bounds.Contains(x, y))
            return;
        Window under = Scene.Windows.HitTest(x, y);
        if (under != null && under.ContentRect.Contains(x, y))
        {
            Rect content = under.ContentRect;
            _events.Enqueue(UiEvent.ForPointer(under.Owner, under.Id, x - content.X, y - content.Y, _buttons, input.Wheel));
        }
    }

    /// <summary>Raises and focuses; starts a move or resize, or asks to close. True when the decorations took the press.</summary>
    private bool PressOnWindow(Window window, int x, int y)
    {
        if (Scene.Windows.Raise(window))
            Damage.Add(window.Frame); // parts that were covered show now
        Focus(window);

        Rect frame = window.Frame;
        if (WindowFrame.CloseButtonOf(frame).Contains(x, y))
        {
            _events.Enqueue(UiEvent.ForClose(window.Owner, window.Id));
            return true;
        }
        ResizeEdges edges = WindowFrame.EdgesAt(frame, x, y);
        if (edges != ResizeEdges.None)
        {
            StartDrag(DragMode.Resize, window, x, y, edges);
            return true;
        }
        if (WindowFrame.TitleBarOf(frame).Contains(x, y) || !window.ContentRect.Contains(x, y))
        {
            StartDrag(DragMode.Move, window, x, y, ResizeEdges.None);
            return true;
        }
        return false;
    }

    private void Focus(Window window)
    {
        Window previous = Scene.Windows.Focused;
        if (previous == window)
            return;
        Scene.Windows.SetFocus(window);
        if (previous != null)
        {
            Damage.Add(previous.Frame); // border and title bar change colour
            _events.Enqueue(UiEvent.ForFocus(previous.Owner, previous.Id, gained: false));
        }
        if (window != null)
        {
            Damage.Add(window.Frame);
            _events.Enqueue(UiEvent.ForFocus(window.Owner, window.Id, gained: true));
        }
    }

    private void MoveCursor(int x, int y)
    {
        if (x == Scene.CursorX && y == Scene.CursorY)
            return;
        if (Scene.CursorVisible)
            Damage.Add(Scene.CursorBounds); // repaint what the arrow covered
        Scene.CursorX = x;
        Scene.CursorY = y;
        if (Scene.CursorVisible)
            Damage.Add(Scene.CursorBounds);
    }

    private void StartDrag(DragMode mode, Window window, int x, int y, ResizeEdges edges)
    {
        _drag = mode;
        _dragWindow = window;
        _dragStartFrame = window.Frame;
        _dragStartX = x;
        _dragStartY = y;
        _dragEdges = edges;
    }

    private void DragTo(int x, int y)
    {
        int dx = x - _dragStartX;
        int dy = y - _dragStartY;
        Rect start = _dragStartFrame;
        Rect frame;
        if (_drag == DragMode.Move)
        {
            frame = KeepTitleOnScreen(start.Offset(dx, dy));
        }
        else
        {
            int minWidth = WindowFrame.MinimumContentWidth + 2 * WindowFrame.Border;
            int minHeight = WindowFrame.MinimumContentHeight + 2 * WindowFrame.Border + WindowFrame.TitleHeight;
            int left = start.X, right = start.Right, bottom = start.Bottom;
            if ((_dragEdges & ResizeEdges.Right) != 0)
                right = System.Math.Max(start.Right + dx, start.X + minWidth);
            if ((_dragEdges & ResizeEdges.Left) != 0)
                left = System.Math.Min(start.X + dx, start.Right - minWidth);
            if ((_dragEdges & ResizeEdges.Bottom) != 0)
                bottom = System.Math.Max(start.Bottom + dy, start.Y + minHeight);
            frame = Rect.FromEdges(left, start.Y, right, bottom);
        }
        Rect old = _dragWindow.Frame;
        if (frame == old)
            return;
        _dragWindow.Frame = frame;
        Damage.Add(old);
        Damage.Add(frame);
    }

    private Rect KeepTitleOnScreen(Rect frame)
    {
        Rect screen = Scene.Screen;
        int x = frame.X, y = frame.Y;
        if (y < TopBar.Height)
            y = TopBar.Height;
        if (y > screen.Bottom - WindowFrame.TitleHeight)
            y = screen.Bottom - WindowFrame.TitleHeight;
        if (x + frame.Width < KeepVisible)
            x = KeepVisible - frame.Width;
        if (x > screen.Right - KeepVisible)
            x = screen.Right - KeepVisible;
        return new Rect(x, y, frame.Width, frame.Height);
    }

    private void EndDrag()
    {
        Window window = _dragWindow;
        DragMode mode = _drag;
        _drag = DragMode.None;
        _dragWindow = null;
        if (mode == DragMode.Resize && window != null && window.Frame != _dragStartFrame)
        {
            Rect content = window.ContentRect;
            _events.Enqueue(UiEvent.ForResize(window.Owner, window.Id, content.Width, content.Height));
        }
    }

    private enum DragMode
    {
        None,
        Move,
        Resize,
    }
}
