using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using CosmosHybrid.Ring3Host;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UI.Service;
using CosmosHybrid.Services.UI.Windows;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests.UI;

/// <summary>
/// The window server, unchanged from its ring-3 sources, serving in a harness process against
/// an off-screen 24-bit framebuffer with an odd pitch; clients connect, draw through the client
/// library and are checked on the "screen" pixel by pixel.
/// </summary>
public unsafe class UiServiceTests : HarnessTest
{
    private const int Width = 640;
    private const int Height = 400;
    private const int Pitch = Width * 3 + 9;

    private byte* _screen;
    private Framebuffer _framebuffer;
    private UiServer _server;
    private HostProcess _ui;
    private int _terminalRequests;

    private sealed class Glyphs : IGlyphSource
    {
        public int CellWidth => 8;
        public int CellHeight => 16;
        public uint GlyphRow(int codePoint, int row) => codePoint > ' ' && row >= 4 && row <= 11 ? 0x7Eu : 0u;
    }

    [SetUp]
    public void StartServer()
    {
        _screen = (byte*)NativeMemory.AllocZeroed((nuint)(Pitch * Height));
        Assert.That(Framebuffer.TryCreate(_screen, Width, Height, Pitch, 24, out _framebuffer), Is.True);
        var ready = new TaskCompletionSource<UiServer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ui = Kernel.Start("ui", ports =>
        {
            long port = ports.CreatePort();
            if (port < 0 || ports.Register(UiServer.PortName, port) < 0)
            {
                ready.SetException(new InvalidOperationException("ui: cannot register"));
                return 1;
            }
            var server = new UiServer(ports, _framebuffer, Width, Height, new Glyphs());
            server.TerminalRequested = () => _terminalRequests++;
            ready.SetResult(server);
            return server.Serve(port, idleMs: 20);
        });
        Assert.That(ready.Task.Wait(Patience), Is.True, "ui did not register");
        _server = ready.Task.Result;
    }

    [TearDown]
    public void FreeScreen()
    {
        Kernel.Dispose(); // the server must stop before its screen goes
        NativeMemory.Free(_screen);
    }

    private uint ScreenPixel(int x, int y) => _framebuffer.ReadPixel(x, y);

    /// <summary>Any call's reply proves that the server has finished with (flushed) every earlier message.</summary>
    /// <summary>A call to the server; control requests (input, clock, stop) carry its control key, as its input bridge sends them.</summary>
    private long Call(HostProcess p, long server, UiRequest tag, ulong w0 = 0, ulong w1 = 0, ulong w2 = 0, ulong w3 = 0) =>
        CallWithKey(p, server, UiControlKey.IsControl((ulong)tag) ? _server.ControlKey : (ulong?)null, tag, w0, w1, w2, w3);

    private static long CallWithKey(HostProcess p, long server, ulong? controlKey, UiRequest tag, ulong w0 = 0, ulong w1 = 0, ulong w2 = 0, ulong w3 = 0)
    {
        var request = default(IpcMessage);
        request.Tag = (ulong)tag;
        request.Word0 = w0;
        request.Word1 = w1;
        request.Word2 = w2;
        request.Word3 = w3;
        ulong key = controlKey ?? 0;
        if (controlKey != null)
            UiControlKey.Attach(ref request, &key);
        var reply = default(IpcMessage);
        long result = p.CallEx(server, ref request, ref reply);
        return result < 0 ? result : (long)reply.Tag;
    }

    private void SyncWith(HostProcess p, long server) =>
        Assert.That(Call(p, server, UiRequest.SetClock), Is.Zero, "sync call");

    // A client that opens a window of 200 × 120 filled with a colour and a red line, and reports the window.
    private (UiConnection Connection, ClientWindow Window) OpenWindow(HostProcess client, uint color, string title)
    {
        return Within(Task.Run(() =>
        {
            Assert.That(UiConnection.Connect(client, out UiConnection connection), Is.EqualTo(UiError.None));
            ulong memory = client.MapMemory(ClientWindow.BufferPages(200, 120));
            var canvas = new Canvas((uint*)memory, 200, 120);
            canvas.Clear(color);
            canvas.DrawLine(0, 60, 199, 60, 0x00FF0000);
            Assert.That(connection.CreateWindow((uint*)memory, 200, 120, title, out ClientWindow window), Is.EqualTo(UiError.None));
            return (connection, window);
        }), "open a window");
    }

    [Test]
    public void AClientsWindowAppearsOnTheScreenAndRedrawsWhatItDamages()
    {
        HostProcess client = Kernel.CreateProcess("client");
        var (connection, window) = OpenWindow(client, 0x0000FF00, "hello");
        long server = client.Lookup(UiServer.PortName);
        SyncWith(client, server);

        Window onScreen = _server.Scene.Windows.Find(window.Id);
        Rect content = onScreen.ContentRect;
        Assert.That(ScreenPixel(content.X + 5, content.Y + 5), Is.EqualTo(0x0000FF00u));
        Assert.That(ScreenPixel(content.X + 100, content.Y + 60), Is.EqualTo(0x00FF0000u), "the line");
        Assert.That(ScreenPixel(content.Right + 50, content.Y), Is.EqualTo(_server.Compositor.Theme.Desktop));

        // Draw a blue square; only its damage is sent, so a change outside it stays unseen.
        Canvas canvas = window.Canvas;
        canvas.FillRect(new Rect(10, 10, 20, 20), 0x000000FF);
        canvas.SetPixel(150, 100, 0x00FFFFFF);
        Assert.That(Within(Task.Run(() => connection.Damage(window, new Rect(10, 10, 20, 20)))), Is.EqualTo(UiError.None));
        SyncWith(client, server);
        Assert.That(ScreenPixel(content.X + 15, content.Y + 15), Is.EqualTo(0x000000FFu));
        Assert.That(ScreenPixel(content.X + 150, content.Y + 100), Is.EqualTo(0x0000FF00u), "not damaged: not copied");
    }

    [Test]
    public void DraggingTheTitleWithPointerInputMovesTheWindowOnTheScreen()
    {
        HostProcess client = Kernel.CreateProcess("client");
        HostProcess driver = Kernel.CreateProcess("input");
        var (connection, window) = OpenWindow(client, 0x00123456, "drag me");
        long server = driver.Lookup(UiServer.PortName);
        SyncWith(driver, server);
        Window onScreen = _server.Scene.Windows.Find(window.Id);
        Rect before = onScreen.ContentRect;
        Rect title = WindowFrame.TitleBarOf(onScreen.Frame);

        Within(Task.Run(() =>
        {
            Call(driver, server, UiRequest.PointerInput, (ulong)(title.X + 20), (ulong)(title.Y + 5), 0);
            Call(driver, server, UiRequest.PointerInput, (ulong)(title.X + 20), (ulong)(title.Y + 5), (ulong)UiPointerButtons.Left);
            Call(driver, server, UiRequest.PointerInput, (ulong)(title.X + 320), (ulong)(title.Y + 105), (ulong)UiPointerButtons.Left);
            Call(driver, server, UiRequest.PointerInput, (ulong)(title.X + 320), (ulong)(title.Y + 105), 0);
            return Call(driver, server, UiRequest.SetClock);
        }));
        Rect after = onScreen.ContentRect;
        Assert.That(after, Is.EqualTo(before.Offset(300, 100)));
        Assert.That(ScreenPixel(after.X + 150, after.Y + 30), Is.EqualTo(0x00123456u), "moved window");
        Assert.That(ScreenPixel(before.X + 10, before.Y + 10), Is.EqualTo(_server.Compositor.Theme.Desktop), "old place repaired");
    }

    [Test]
    public void KeysReachTheFocusedClientAndTheCloseButtonAsksItToClose()
    {
        HostProcess client = Kernel.CreateProcess("client");
        HostProcess driver = Kernel.CreateProcess("input");
        var (connection, window) = OpenWindow(client, 0x00FFFFFF, "keys");
        long server = driver.Lookup(UiServer.PortName);
        Within(Task.Run(() => Call(driver, server, UiRequest.KeyInput, 0x1E, 1, (ulong)UiModifiers.Shift, 'A')));

        UiEvent key = default;
        Within(Task.Run(() =>
        {
            // The focus event of the new window comes first.
            while (connection.NextEvent(out key, 5000) && key.Kind != UiEventKind.Key) { }
            return 0;
        }));
        Assert.That(key.Kind, Is.EqualTo(UiEventKind.Key));
        Assert.That(key.WindowId, Is.EqualTo(window.Id));
        Assert.That(key.Key.Character, Is.EqualTo('A'));

        Window onScreen = _server.Scene.Windows.Find(window.Id);
        Rect close = WindowFrame.CloseButtonOf(onScreen.Frame);
        Within(Task.Run(() => Call(driver, server, UiRequest.PointerInput, (ulong)(close.X + 3), (ulong)(close.Y + 3), (ulong)UiPointerButtons.Left)));
        UiEvent closing = default;
        Within(Task.Run(() => connection.NextEvent(out closing, 5000)));
        Assert.That(closing.Kind, Is.EqualTo(UiEventKind.Close));
        Assert.That(Within(Task.Run(() => connection.DestroyWindow(window))), Is.EqualTo(UiError.None));
        SyncWith(driver, server);
        Assert.That(_server.Scene.Windows.Count, Is.Zero);
        Rect content = onScreen.ContentRect;
        Assert.That(ScreenPixel(content.X + 100, content.Y + 50), Is.EqualTo(_server.Compositor.Theme.Desktop), "window gone");
        Assert.That(ScreenPixel(close.X + 3, close.Y + 3), Is.EqualTo(_server.Compositor.Theme.CursorInk), "the pointer's tip, drawn last");
    }

    [Test]
    public void AClientWithoutTheControlKeyCannotTypeClickOrStopTheServer()
    {
        HostProcess client = Kernel.CreateProcess("client");
        var (connection, window) = OpenWindow(client, 0x00FFFFFF, "victim");
        HostProcess rogue = Kernel.CreateProcess("rogue");
        long server = rogue.Lookup(UiServer.PortName);
        Window onScreen = _server.Scene.Windows.Find(window.Id);
        Rect close = WindowFrame.CloseButtonOf(onScreen.Frame);
        long NotPermitted = (long)UiError.NotPermitted;

        Assert.That(Within(Task.Run(() => CallWithKey(rogue, server, null, UiRequest.KeyInput, 0x1E, 1, 0, 'a'))), Is.EqualTo(NotPermitted));
        Assert.That(Within(Task.Run(() => CallWithKey(rogue, server, _server.ControlKey + 1, UiRequest.KeyInput, 0x1E, 1, 0, 'a'))),
            Is.EqualTo(NotPermitted), "a wrong key");
        Assert.That(Within(Task.Run(() => CallWithKey(rogue, server, null, UiRequest.PointerInput, (ulong)(close.X + 3), (ulong)(close.Y + 3),
            (ulong)UiPointerButtons.Left))), Is.EqualTo(NotPermitted));
        Assert.That(Within(Task.Run(() => CallWithKey(rogue, server, null, UiRequest.Stop))), Is.EqualTo(NotPermitted));
        Assert.That(Within(Task.Run(() => CallWithKey(rogue, server, null, UiRequest.SetClock, 0x3030_3A30_30))), Is.EqualTo(NotPermitted));

        // Nothing reached the window: the first key event it gets is the one the input bridge's key sends next.
        HostProcess driver = Kernel.CreateProcess("input");
        long bridge = driver.Lookup(UiServer.PortName);
        Within(Task.Run(() => Call(driver, bridge, UiRequest.KeyInput, 0x30, 1, 0, 'b')));
        UiEvent key = default;
        Within(Task.Run(() =>
        {
            while (connection.NextEvent(out key, 5000) && key.Kind != UiEventKind.Key)
                Assert.That(key.Kind, Is.Not.EqualTo(UiEventKind.Close), "the rogue's click on the close button");
            return 0;
        }));
        Assert.That(key.Kind, Is.EqualTo(UiEventKind.Key));
        Assert.That(key.Key.Character, Is.EqualTo('b'), "the rogue's key reached the window");
        Assert.That(_server.Scene.Windows.Count, Is.EqualTo(1));
    }

    [Test]
    public void BadRequestsGetErrorsAndTheServerKeepsServing()
    {
        HostProcess client = Kernel.CreateProcess("client");
        var (connection, window) = OpenWindow(client, 0x00000000, "ok");
        HostProcess rogue = Kernel.CreateProcess("rogue");
        long server = rogue.Lookup(UiServer.PortName);
        Within(Task.Run(() =>
        {
            Assert.That(Call(rogue, server, (UiRequest)0xDEAD), Is.EqualTo((long)UiError.UnknownRequest));
            // Someone else's client id with a guessed token.
            Assert.That(Call(rogue, server, UiRequest.DestroyWindow, (ulong)connection.ClientId, 0, (ulong)window.Id), Is.EqualTo((long)UiError.NotConnected));
            Assert.That(UiConnection.Connect(rogue, out UiConnection mine), Is.EqualTo(UiError.None));
            // A window without a grant: a copied buffer is not the window's pixels.
            var request = default(IpcMessage);
            request.Tag = (ulong)UiRequest.CreateWindow;
            request.Word0 = (ulong)mine.ClientId;
            request.Word1 = 0; // wrong token
            request.Word2 = UiRequestValidator.PackSize(10, 10);
            var reply = default(IpcMessage);
            rogue.CallEx(server, ref request, ref reply);
            Assert.That(reply.Tag, Is.EqualTo((ulong)UiError.NotConnected));
            ulong memory = rogue.MapMemory(1);
            Assert.That(mine.CreateWindow((uint*)memory, -5, 10, "neg", out _), Is.EqualTo(UiError.BadSize));
            Assert.That(mine.CreateWindow((uint*)memory, 100000, 10, "huge", out _), Is.EqualTo(UiError.BadSize));
            // A grant of one page for 100 × 100 pixels (the client library would lend enough).
            request.Word1 = mine.Token;
            request.Word2 = UiRequestValidator.PackSize(100, 100);
            request.GrantAddress = memory;
            request.GrantLength = 4096;
            reply = default;
            rogue.CallEx(server, ref request, ref reply);
            Assert.That(reply.Tag, Is.EqualTo((ulong)UiError.GrantTooSmall));
            request.GrantLength = 0;
            request.BufferAddress = memory; // bytes copied are not a grant
            request.BufferLength = 64;
            rogue.CallEx(server, ref request, ref reply);
            Assert.That(reply.Tag, Is.EqualTo((ulong)UiError.NotAGrant));
            // A damage whose grant does not hold the damaged pixels: the last row of 64 × 64 lies in the fourth page, not the first.
            ulong pages = rogue.MapMemory(4);
            Assert.That(mine.CreateWindow((uint*)pages, 64, 64, "grant", out ClientWindow lent), Is.EqualTo(UiError.None));
            UiRect* bottom = stackalloc UiRect[1];
            bottom[0] = new UiRect(0, 63, 64, 1);
            var damage = default(IpcMessage);
            damage.Tag = (ulong)UiRequest.Damage;
            damage.Word0 = (ulong)mine.ClientId;
            damage.Word1 = mine.Token;
            damage.Word2 = DamageGrant.PackWindow(lent.Id, 0);
            damage.Word3 = UiRequestValidator.PackSize(64, 64);
            damage.BufferAddress = (ulong)bottom;
            damage.BufferLength = UiRect.Size;
            damage.GrantAddress = pages;
            damage.GrantLength = 4096;
            reply = default;
            rogue.CallEx(server, ref damage, ref reply);
            Assert.That(reply.Tag, Is.EqualTo((ulong)UiError.GrantTooSmall), "first page lent");
            damage.Word2 = DamageGrant.PackWindow(lent.Id, 2); // the third page named as the fourth's place
            damage.GrantAddress = pages + 3 * 4096;
            rogue.CallEx(server, ref damage, ref reply);
            Assert.That(reply.Tag, Is.EqualTo((ulong)UiError.GrantTooSmall), "a page placed wrongly");
            damage.Word2 = DamageGrant.PackWindow(lent.Id, 3);
            rogue.CallEx(server, ref damage, ref reply);
            Assert.That(reply.Tag, Is.EqualTo((ulong)UiError.None), "the page that holds the row");
            Assert.That(mine.DestroyWindow(lent), Is.EqualTo(UiError.None));
            for (int i = 0; i < UiLimits.MaxWindowsPerClient; i++)
                Assert.That(mine.CreateWindow((uint*)memory, 16, 16, "w", out _), Is.EqualTo(UiError.None));
            Assert.That(mine.CreateWindow((uint*)memory, 16, 16, "one too many", out _), Is.EqualTo(UiError.TooManyWindows));
            Assert.That(mine.Disconnect(), Is.EqualTo(UiError.None));
            return 0;
        }));
        // The first client is unaffected.
        Assert.That(Within(Task.Run(() => connection.Damage(window, new Rect(-1000, -1000, 5000, 5000)))), Is.EqualTo(UiError.None));
        SyncWith(client, server);
        Assert.That(_server.Scene.Windows.Count, Is.EqualTo(1), "the rogue's windows went with its connection");
        Assert.That(_ui.State, Is.EqualTo(ProcessState.Running));
    }

    [Test]
    public void ADeadClientsWindowsDisappear()
    {
        HostProcess client = Kernel.CreateProcess("client");
        var (connection, window) = OpenWindow(client, 0x00ABCDEF, "mortal");
        HostProcess other = Kernel.CreateProcess("other");
        long server = other.Lookup(UiServer.PortName);
        SyncWith(other, server);
        Rect content = _server.Scene.Windows.Find(window.Id).ContentRect;
        Assert.That(ScreenPixel(content.X + 1, content.Y + 1), Is.EqualTo(0x00ABCDEFu));
        Kernel.Kill(client);
        // The server notices at its next idle ping.
        DateTime deadline = DateTime.UtcNow + Patience;
        while (_server.Scene.Windows.Count > 0 && DateTime.UtcNow < deadline)
            System.Threading.Thread.Sleep(20);
        SyncWith(other, server);
        Assert.That(_server.Scene.Windows.Count, Is.Zero);
        Assert.That(_server.ClientCount, Is.Zero);
        Assert.That(ScreenPixel(content.X + 1, content.Y + 1), Is.EqualTo(_server.Compositor.Theme.Desktop));
    }

    [Test]
    public void AResizedWindowIsRedrawnByItsClientAtTheNewSize()
    {
        HostProcess client = Kernel.CreateProcess("client");
        HostProcess driver = Kernel.CreateProcess("input");
        var (connection, window) = OpenWindow(client, 0x00101010, "grow");
        long server = driver.Lookup(UiServer.PortName);
        SyncWith(driver, server);
        Window onScreen = _server.Scene.Windows.Find(window.Id);
        Rect frame = onScreen.Frame;
        // Drag the bottom-right corner 100 right and 50 down.
        Within(Task.Run(() =>
        {
            Call(driver, server, UiRequest.PointerInput, (ulong)(frame.Right - 1), (ulong)(frame.Bottom - 1), (ulong)UiPointerButtons.Left);
            Call(driver, server, UiRequest.PointerInput, (ulong)(frame.Right + 99), (ulong)(frame.Bottom + 49), (ulong)UiPointerButtons.Left);
            return Call(driver, server, UiRequest.PointerInput, (ulong)(frame.Right + 99), (ulong)(frame.Bottom + 49), 0);
        }));
        UiEvent resize = default;
        Within(Task.Run(() =>
        {
            while (connection.NextEvent(out resize, 5000) && resize.Kind != UiEventKind.Resize) { }
            return 0;
        }));
        Assert.That(resize.Kind, Is.EqualTo(UiEventKind.Resize));
        Assert.That(resize.Width, Is.EqualTo(300));
        Assert.That(resize.Height, Is.EqualTo(170));

        SyncWith(driver, server);
        Rect content = onScreen.ContentRect;
        Assert.That(ScreenPixel(content.X + 250, content.Y + 10), Is.EqualTo(_server.Compositor.Theme.WindowBackground), "not drawn yet");

        ulong memory = client.MapMemory(ClientWindow.BufferPages(resize.Width, resize.Height));
        window.UseBuffer((uint*)memory, resize.Width, resize.Height);
        window.Canvas.Clear(0x00C0FFEE);
        Assert.That(Within(Task.Run(() => connection.Damage(window, default(ReadOnlySpan<Rect>)))), Is.EqualTo(UiError.None));
        SyncWith(driver, server);
        Assert.That(ScreenPixel(content.X + 250, content.Y + 10), Is.EqualTo(0x00C0FFEEu));
        Assert.That(ScreenPixel(content.X + 299, content.Y + 169), Is.EqualTo(0x00C0FFEEu));
    }

    [Test]
    public void TheNewTerminalKeyCombinationReachesTheLauncher()
    {
        HostProcess driver = Kernel.CreateProcess("input");
        long server = driver.Lookup(UiServer.PortName);
        Within(Task.Run(() =>
        {
            Call(driver, server, UiRequest.KeyInput, UiKeyCodes.T, 1, (ulong)(UiModifiers.Control | UiModifiers.Alt));
            return Call(driver, server, UiRequest.SetClock);
        }));
        Assert.That(_terminalRequests, Is.EqualTo(1));
    }
}
