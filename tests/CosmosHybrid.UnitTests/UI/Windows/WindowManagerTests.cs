using System.Collections.Generic;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UI.Windows;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Windows;

public class WindowManagerTests
{
    private Scene _scene;
    private DamageRegion _damage;
    private WindowManager _manager;

    [SetUp]
    public void SetUp()
    {
        _scene = new Scene(800, 600, new BlockGlyphs());
        _damage = new DamageRegion(_scene.Screen, capacity: 64);
        _manager = new WindowManager(_scene, _damage);
    }

    private Window Create(long owner, int width = 200, int height = 100) =>
        _manager.CreateWindow(owner, width, height, "w" + owner, new CountingSource(width, height, 0));

    private void Press(int x, int y) => _manager.Pointer(new UiPointerInput(x, y, UiPointerButtons.Left));

    private void Move(int x, int y, bool held = true) =>
        _manager.Pointer(new UiPointerInput(x, y, held ? UiPointerButtons.Left : UiPointerButtons.None));

    private void Release(int x, int y) => Move(x, y, held: false);

    private List<UiEvent> TakeEvents()
    {
        var list = new List<UiEvent>();
        while (_manager.Events.Count > 0)
            list.Add(_manager.Events.Dequeue());
        return list;
    }

    private bool Damaged(int x, int y)
    {
        for (int i = 0; i < _damage.Count; i++)
            if (_damage[i].Contains(x, y))
                return true;
        return false;
    }

    private static (int X, int Y) TitlePoint(Window w) => (WindowFrame.TitleBarOf(w.Frame).X + 10, WindowFrame.TitleBarOf(w.Frame).Y + 5);

    [Test]
    public void NewWindowsAreOnTopFocusedAndBelowTheTopBar()
    {
        Window a = Create(1);
        Window b = Create(2);
        Assert.That(_scene.Windows.Top, Is.SameAs(b));
        Assert.That(b.Focused, Is.True);
        Assert.That(a.Focused, Is.False);
        Assert.That(a.Frame.Y, Is.GreaterThanOrEqualTo(TopBar.Height));
        Assert.That(a.ContentRect.Width, Is.EqualTo(200));
        Assert.That(a.ContentRect.Height, Is.EqualTo(100));
        List<UiEvent> events = TakeEvents();
        Assert.That(events.Count, Is.EqualTo(3)); // a gained, a lost, b gained
        Assert.That(events[1].Kind, Is.EqualTo(UiEventKind.Focus));
        Assert.That(events[1].WindowId, Is.EqualTo(a.Id));
        Assert.That(events[1].FocusGained, Is.False);
    }

    [Test]
    public void DraggingTheTitleMovesTheWindowAndDamagesOldAndNewPlaces()
    {
        Window w = Create(1);
        Rect start = w.Frame;
        var (x, y) = TitlePoint(w);
        Press(x, y);
        _damage.Clear();
        Move(x + 100, y + 50);
        Assert.That(w.Frame, Is.EqualTo(start.Offset(100, 50)));
        Assert.That(_damage.Area, Is.GreaterThanOrEqualTo(start.Area + w.Frame.Area - start.Intersect(w.Frame).Area));
        Assert.That(Damaged(start.X, start.Y), Is.True, "old top left");
        Assert.That(Damaged(w.Frame.Right - 1, w.Frame.Bottom - 1), Is.True, "new bottom right");
        Assert.That(Damaged(start.Right + 50, start.Y), Is.False, "outside both (beside the cursor)");
        Release(x + 100, y + 50);
        Move(x + 300, y + 300, held: false);
        Assert.That(w.Frame, Is.EqualTo(start.Offset(100, 50)), "no drag after the release");
        Assert.That(TakeEvents().Exists(e => e.Kind == UiEventKind.Resize), Is.False);
    }

    [Test]
    public void DraggedWindowsKeepTheirTitleBarBelowTheTopBarAndOnTheScreen()
    {
        Window w = Create(1);
        var (x, y) = TitlePoint(w);
        Press(x, y);
        Move(x - 5000, y - 5000);
        Assert.That(w.Frame.Y, Is.EqualTo(TopBar.Height));
        Assert.That(w.Frame.Right, Is.GreaterThanOrEqualTo(WindowManager.KeepVisible));
    }

    [Test]
    public void ClickRaisesAndFocusesALowerWindowAndDamagesIt()
    {
        Window a = Create(1);
        Window b = Create(2);
        TakeEvents();
        // A point of a that b does not cover: a's bottom-left content corner.
        Rect c = a.ContentRect;
        Assert.That(b.Frame.Contains(c.X + 1, c.Bottom - 2), Is.False);
        _damage.Clear();
        Press(c.X + 1, c.Bottom - 2);
        Assert.That(_scene.Windows.Top, Is.SameAs(a));
        Assert.That(a.Focused, Is.True);
        Assert.That(b.Focused, Is.False);
        Assert.That(Damaged(a.Frame.Right - 1, a.Frame.Y + 30), Is.True);
        List<UiEvent> events = TakeEvents();
        Assert.That(events.Exists(e => e.Kind == UiEventKind.Focus && e.WindowId == b.Id && !e.FocusGained), Is.True);
        Assert.That(events.Exists(e => e.Kind == UiEventKind.Focus && e.WindowId == a.Id && e.FocusGained), Is.True);
        UiEvent press = events.Find(e => e.Kind == UiEventKind.Pointer);
        Assert.That(press.Owner, Is.EqualTo(1));
        Assert.That(press.PointerX, Is.EqualTo(1));
        Assert.That(press.PointerY, Is.EqualTo(c.Height - 2));
        Assert.That(press.PointerButtons, Is.EqualTo(UiPointerButtons.Left));
    }

    [Test]
    public void DraggingTheRightBottomCornerResizesDownToTheMinimumAndTellsTheOwner()
    {
        Window w = Create(7);
        TakeEvents();
        Rect f = w.Frame;
        Press(f.Right - 1, f.Bottom - 1);
        Move(f.Right + 49, f.Bottom + 29);
        Assert.That(w.ContentRect.Width, Is.EqualTo(250));
        Assert.That(w.ContentRect.Height, Is.EqualTo(130));
        Move(f.Right - 1000, f.Bottom - 1000);
        Assert.That(w.ContentRect.Width, Is.EqualTo(WindowFrame.MinimumContentWidth));
        Assert.That(w.ContentRect.Height, Is.EqualTo(WindowFrame.MinimumContentHeight));
        Assert.That(w.Frame.X, Is.EqualTo(f.X));
        Release(f.Right - 1000, f.Bottom - 1000);
        List<UiEvent> events = TakeEvents();
        UiEvent resize = events.Find(e => e.Kind == UiEventKind.Resize);
        Assert.That(resize.Owner, Is.EqualTo(7));
        Assert.That(resize.Width, Is.EqualTo(WindowFrame.MinimumContentWidth));
        Assert.That(resize.Height, Is.EqualTo(WindowFrame.MinimumContentHeight));
    }

    [Test]
    public void DraggingTheLeftEdgeKeepsTheRightEdge()
    {
        Window w = Create(1);
        Rect f = w.Frame;
        Press(f.X, f.Y + 60);
        Move(f.X + 30, f.Y + 60);
        Assert.That(w.Frame.Right, Is.EqualTo(f.Right));
        Assert.That(w.Frame.X, Is.EqualTo(f.X + 30));
        Move(f.X + 10000, f.Y + 60);
        Assert.That(w.Frame.Right, Is.EqualTo(f.Right));
        Assert.That(w.ContentRect.Width, Is.EqualTo(WindowFrame.MinimumContentWidth));
    }

    [Test]
    public void CloseButtonSendsACloseEventToTheOwnerAndLeavesTheWindow()
    {
        Create(1);
        Window w = Create(2);
        TakeEvents();
        Rect close = WindowFrame.CloseButtonOf(w.Frame);
        Press(close.X + 2, close.Y + 2);
        Release(close.X + 2, close.Y + 2);
        List<UiEvent> events = TakeEvents();
        Assert.That(events.Count, Is.EqualTo(1));
        Assert.That(events[0].Kind, Is.EqualTo(UiEventKind.Close));
        Assert.That(events[0].Owner, Is.EqualTo(2));
        Assert.That(events[0].WindowId, Is.EqualTo(w.Id));
        Assert.That(_scene.Windows.Count, Is.EqualTo(2));
        _manager.DestroyWindow(w);
        Assert.That(_scene.Windows.Count, Is.EqualTo(1));
        Assert.That(_scene.Windows.Focused, Is.SameAs(_scene.Windows.Top), "focus passes to the next window");
    }

    [Test]
    public void KeysGoToTheFocusedWindowsOwner()
    {
        Create(1);
        Window b = Create(2);
        TakeEvents();
        _manager.Key(new UiKeyInput(0x1E, true, UiModifiers.Shift, 'A'));
        List<UiEvent> events = TakeEvents();
        Assert.That(events.Count, Is.EqualTo(1));
        Assert.That(events[0].Owner, Is.EqualTo(2));
        Assert.That(events[0].WindowId, Is.EqualTo(b.Id));
        Assert.That(events[0].Key.KeyCode, Is.EqualTo(0x1E));
        Assert.That(events[0].Key.Pressed, Is.True);
        Assert.That(events[0].Key.Modifiers, Is.EqualTo(UiModifiers.Shift));
        Assert.That(events[0].Key.Character, Is.EqualTo('A'));
    }

    [Test]
    public void TerminalCombinationsAndTheTopBarButtonAskForATerminal()
    {
        Create(1);
        TakeEvents();
        _manager.Key(new UiKeyInput(UiKeyCodes.T, true, UiModifiers.Control | UiModifiers.Alt, 0));
        _manager.Key(new UiKeyInput(UiKeyCodes.Enter, true, UiModifiers.Super, 0));
        _manager.Key(new UiKeyInput(UiKeyCodes.T, true, UiModifiers.Control, 0x14)); // plain Ctrl+T goes to the window
        Rect button = _scene.TopBar.ButtonRect;
        Press(button.X + 3, button.Y + 3);
        Release(button.X + 3, button.Y + 3);
        Assert.That(_manager.TakeTerminalRequests(), Is.EqualTo(3));
        Assert.That(_manager.TerminalRequests, Is.EqualTo(0));
        List<UiEvent> events = TakeEvents();
        Assert.That(events.Count, Is.EqualTo(1));
        Assert.That(events[0].Kind, Is.EqualTo(UiEventKind.Key));
    }

    [Test]
    public void PointerMovesRepairTheOldCursorPlace()
    {
        _manager.Pointer(new UiPointerInput(300, 300, UiPointerButtons.None));
        _damage.Clear();
        _manager.Pointer(new UiPointerInput(400, 350, UiPointerButtons.None));
        Assert.That(Damaged(300, 300), Is.True);
        Assert.That(Damaged(400, 350), Is.True);
        Assert.That(_damage.Area, Is.EqualTo(2L * CursorShape.Width * CursorShape.Height));
    }

    [Test]
    public void DestroyingAClientsWindowsLeavesTheOthers()
    {
        Create(1);
        Create(2);
        Create(1);
        _manager.DestroyOwnedBy(1);
        Assert.That(_scene.Windows.Count, Is.EqualTo(1));
        Assert.That(_scene.Windows[0].Owner, Is.EqualTo(2));
        Assert.That(_scene.Windows[0].Focused, Is.True);
    }

    [Test]
    public void AfterADragTheCompositedScreenShowsTheWindowAtItsNewPlaceOnly()
    {
        var compositor = new Compositor(new PixelBuffer(800, 600), new Theme(), new BlockGlyphs());
        Window w = _manager.CreateWindow(1, 100, 80, "t", new CountingSource(100, 80, 0x00ABCDEF));
        compositor.Composite(_scene, _damage, default);
        Rect before = w.ContentRect;
        var (x, y) = TitlePoint(w);
        Press(x, y);
        Move(x + 300, y + 200);
        Release(x + 300, y + 200);
        compositor.Composite(_scene, _damage, default);
        Assert.That(compositor.BackBuffer[before.X + 50, before.Y + 40], Is.EqualTo(compositor.Theme.Desktop));
        Assert.That(compositor.BackBuffer[w.ContentRect.X + 50, w.ContentRect.Y + 40], Is.EqualTo(0x00ABCDEFu));
    }
}
