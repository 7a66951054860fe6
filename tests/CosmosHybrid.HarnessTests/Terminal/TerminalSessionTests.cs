using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using CosmosHybrid.Ring3Host;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Fonts;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Terminal.Emulation;
using CosmosHybrid.Services.Terminal.Session;
using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UI.Service;
using CosmosHybrid.Services.UI.Windows;
using NUnit.Framework;
using TerminalModel = CosmosHybrid.Services.Terminal.Emulation.Terminal;

namespace CosmosHybrid.HarnessTests.Terminal;

/// <summary>
/// The terminal session in Ring3Host: the window server (its ring-3 sources) on an off-screen
/// 32-bit framebuffer, a client process running <see cref="TerminalSession"/> with GRUB's
/// unicode.pf2, a fake shell of two byte queues and an input "driver" sending keys. The test
/// thread steps the session, so every check happens at a known point.
/// </summary>
public unsafe class TerminalSessionTests : HarnessTest
{
    private const string FontPath = "/usr/share/grub/unicode.pf2";
    private const int Width = 1024;
    private const int Height = 768;
    private const int Columns = 80;
    private const int Rows = 25;

    private byte* _screen;
    private Framebuffer _framebuffer;
    private UiServer _server;
    private HostProcess _uiProcess;
    private Pf2Font _font;
    private HostProcess _client;
    private HostProcess _driver;
    private long _driverServer;
    private UiConnection _connection;
    private FakeShell _shell;
    private TerminalSession _session;

    private sealed class TitleGlyphs : IGlyphSource
    {
        public int CellWidth => 8;
        public int CellHeight => 16;
        public uint GlyphRow(int codePoint, int row) => 0;
    }

    private sealed class HostMemory : IWindowMemory
    {
        private readonly HostProcess _process;

        public HostMemory(HostProcess process) => _process = process;

        public int Unmapped { get; private set; }

        public ulong Map(long pages) => _process.MapMemory(pages);

        public void Unmap(ulong address, long pages) => Unmapped++; // the kernel's Dispose frees it
    }

    [SetUp]
    public void StartServerAndSession()
    {
        if (!File.Exists(FontPath))
            Assert.Ignore(FontPath + " is missing (package grub-common): the terminal tests need the real font");
        Assert.That(Pf2Font.TryParse(File.ReadAllBytes(FontPath), out _font), Is.True, "unicode.pf2 parses");

        _screen = (byte*)NativeMemory.AllocZeroed((nuint)(Width * 4 * Height));
        Assert.That(Framebuffer.TryCreate(_screen, Width, Height, Width * 4, 32, out _framebuffer), Is.True);
        var ready = new TaskCompletionSource<UiServer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _uiProcess = Kernel.Start("ui", ports =>
        {
            long port = ports.CreatePort();
            if (port < 0 || ports.Register(UiServer.PortName, port) < 0)
            {
                ready.SetException(new InvalidOperationException("ui: cannot register"));
                return 1;
            }
            var server = new UiServer(ports, _framebuffer, Width, Height, new TitleGlyphs());
            ready.SetResult(server);
            return server.Serve(port, idleMs: 20);
        });
        Assert.That(ready.Task.Wait(Patience), Is.True, "ui did not register");
        _server = ready.Task.Result;

        _client = Kernel.CreateProcess("terminal");
        _driver = Kernel.CreateProcess("input");
        _driverServer = _driver.Lookup(UiServer.PortName);
        _shell = new FakeShell();
        Within(Task.Run(() =>
        {
            Assert.That(UiConnection.Connect(_client, out _connection), Is.EqualTo(UiError.None));
            Assert.That(TerminalSession.Open(_connection, new Pf2GlyphSource(_font), _shell, new HostMemory(_client), Columns, Rows, "shell", out _session),
                Is.EqualTo(UiError.None));
            return 0;
        }), "open the terminal window");
        // The software pointer starts mid-screen, over the window: park it in a corner.
        Assert.That(ServerCall(UiRequest.PointerInput, Width - 1, Height - 1, 0), Is.Zero);
    }

    [TearDown]
    public void FreeScreen()
    {
        Kernel.Dispose();
        if (_screen != null)
            NativeMemory.Free(_screen);
        _screen = null;
    }

    private Rect Content => _server.Scene.Windows.Find(_session.Window.Id).ContentRect;

    private int CellWidth => _session.Window.Width / Columns;

    private int CellHeight => _session.Window.Height / Rows;

    private long ServerCall(UiRequest tag, ulong w0 = 0, ulong w1 = 0, ulong w2 = 0, ulong w3 = 0)
    {
        var request = default(IpcMessage);
        request.Tag = (ulong)tag;
        request.Word0 = w0;
        request.Word1 = w1;
        request.Word2 = w2;
        request.Word3 = w3;
        ulong controlKey = _server.ControlKey; // the driver here stands for ui's input bridge, which knows the key
        var reply = default(IpcMessage);
        long result = Within(Task.Run(() =>
        {
            ulong key = controlKey;
            UiControlKey.Attach(ref request, &key);
            return _driver.CallEx(_driverServer, ref request, ref reply);
        }), "a call to ui");
        return result < 0 ? result : (long)reply.Tag;
    }

    /// <summary>The server has composited everything sent before this.</summary>
    private void Sync() => Assert.That(ServerCall(UiRequest.SetClock), Is.Zero, "sync call");

    private void SendKey(Key key, bool pressed, UiModifiers modifiers = UiModifiers.None, char character = '\0') =>
        Assert.That(ServerCall(UiRequest.KeyInput, (ulong)key, pressed ? 1UL : 0UL, (ulong)modifiers, character), Is.Zero, "key " + key);

    private void Type(Key key, char character, UiModifiers modifiers = UiModifiers.None)
    {
        SendKey(key, true, modifiers, character);
        SendKey(key, false, modifiers, character);
    }

    /// <summary>Steps the session until <paramref name="done"/> holds (each step waits for an event or output).</summary>
    private SessionState StepUntil(Func<bool> done, string what)
    {
        SessionState state = SessionState.Running;
        var clock = Stopwatch.StartNew();
        while (!done() && state == SessionState.Running)
        {
            Assert.That(clock.Elapsed, Is.LessThan(Patience), what);
            state = Within(Task.Run(() => _session.Step(100)), what);
        }
        return state;
    }

    /// <summary>The shell prints <paramref name="text"/>; the session is woken as the reader thread would and handles it.</summary>
    private SessionState Print(string text)
    {
        _shell.Print(text);
        int frames = _session.FramesPresented;
        Assert.That(_client.Notify(_connection.EventPort, TerminalSession.OutputReadyBit), Is.Zero, "notify");
        SessionState state = Within(Task.Run(() => _session.Step(5000)), "output handled");
        Assert.That(_session.FramesPresented, Is.EqualTo(frames + 1), "one frame per batch of output");
        return state;
    }

    /// <summary>The same text drawn by the same font on the host: a window-sized reference picture.</summary>
    private uint[] Reference(string output, int viewScroll = 0)
    {
        var terminal = new TerminalModel(Columns, Rows);
        terminal.Write(Encoding.UTF8.GetBytes(output.Replace("\n", "\r\n")));
        if (viewScroll != 0)
            terminal.ScrollView(viewScroll);
        var renderer = new TerminalRenderer(new Pf2GlyphSource(_font));
        int width = Columns * renderer.CellWidth;
        int height = Rows * renderer.CellHeight;
        var pixels = new uint[width * height];
        fixed (uint* p = pixels)
            renderer.Render(terminal, (byte*)p, width, height, width * 4, full: true);
        return pixels;
    }

    private void AssertScreenMatches(uint[] reference, int firstRow, int rowCount, string what)
    {
        Sync();
        Rect content = Content;
        int width = _session.Window.Width;
        int mismatches = 0;
        string first = null;
        for (int y = firstRow * CellHeight; y < (firstRow + rowCount) * CellHeight; y++)
        {
            for (int x = 0; x < width; x++)
            {
                uint expected = reference[y * width + x];
                uint actual = _framebuffer.ReadPixel(content.X + x, content.Y + y);
                if (expected != actual && mismatches++ == 0)
                    first = "(" + x + ", " + y + "): expected " + expected.ToString("X6") + ", screen " + actual.ToString("X6");
            }
        }
        Assert.That(mismatches, Is.Zero, what + ": first difference at " + first);
    }

    private static int InkPixels(uint[] reference, int width, Rect cell, uint background)
    {
        int ink = 0;
        for (int y = cell.Y; y < cell.Bottom; y++)
        {
            for (int x = cell.X; x < cell.Right; x++)
            {
                if (reference[y * width + x] != background)
                    ink++;
            }
        }
        return ink;
    }

    [Test]
    public void TheWindowHoldsEightyByTwentyFiveCellsOfTheFont()
    {
        var glyphs = new Pf2GlyphSource(_font);
        Assert.That(_session.Window.Width, Is.EqualTo(80 * glyphs.CellWidth));
        Assert.That(_session.Window.Height, Is.EqualTo(25 * glyphs.CellHeight));
        Assert.That(Content.Width, Is.EqualTo(_session.Window.Width));
        Assert.That(Content.Height, Is.EqualTo(_session.Window.Height));
    }

    [Test]
    public void TypedKeysReachTheShellAsTheBytesATerminalSends()
    {
        Type(Key.L, 'l');
        Type(Key.S, 's');
        Type(Key.Enter, '\0');
        Type(Key.Up, '\0');
        SendKey(Key.LeftControl, true, UiModifiers.Control);
        Type(Key.C, 'c', UiModifiers.Control);
        SendKey(Key.LeftControl, false);
        // A German layout in the input driver: the key right of L types 'ö'.
        Type(Key.Semicolon, 'ö');
        byte[] expected = Encoding.UTF8.GetBytes("ls\r\u001b[A\u0003ö");
        StepUntil(() => _shell.InputCount >= expected.Length, "keys reach the shell");
        Assert.That(_shell.TakeInput(), Is.EqualTo(expected));
    }

    [Test]
    public void ShellOutputAppearsInTheServersFramebufferAsTheFontDrawsIt()
    {
        Print("hello");
        uint[] reference = Reference("hello");
        var palette = new TerminalPalette();
        uint background = palette.Background(TerminalColor.Default);
        int width = _session.Window.Width;
        Assert.That(InkPixels(reference, width, new Rect(0, 0, CellWidth, CellHeight), background), Is.GreaterThan(10), "the reference 'h' has ink");
        Assert.That(InkPixels(reference, width, new Rect(10 * CellWidth, 0, CellWidth, CellHeight), background), Is.Zero, "an empty cell has none");
        AssertScreenMatches(reference, 0, 2, "\"hello\" on the screen");

        // And the newline is a new line (the session turns "\n" into "\r\n", as a tty does).
        Print("\nworld");
        AssertScreenMatches(Reference("hello\nworld"), 0, 3, "a second line");
        Assert.That(_session.Terminal.GetRowText(1).TrimEnd(), Is.EqualTo("world"));
    }

    [Test]
    public void AKeystrokeEchoDamagesOnlyTheCellsThatChanged()
    {
        Print("$ ");
        Type(Key.A, 'a');
        StepUntil(() => _shell.InputCount >= 1, "the key reaches the shell");
        Assert.That(_shell.TakeInput(), Is.EqualTo(new[] { (byte)'a' }));
        Print("a"); // the shell's echo
        // The 'a' cell and the cell the cursor moved to: columns 2 and 3 of row 0.
        Assert.That(_session.LastDamage, Is.EqualTo(new Rect(2 * CellWidth, 0, 2 * CellWidth, CellHeight)));
        AssertScreenMatches(Reference("$ a"), 0, 1, "the echo");
    }

    [Test]
    public void ShiftPageUpShowsEarlierLinesAndTypingReturnsToTheBottom()
    {
        var text = new StringBuilder();
        for (int i = 1; i <= 60; i++)
            text.Append("line ").Append(i).Append('\n');
        Print(text.ToString());
        Assert.That(_session.Terminal.GetViewRowText(0).TrimEnd(), Is.EqualTo("line 37"), "the last 24 lines and the prompt row");

        SendKey(Key.LeftShift, true, UiModifiers.Shift);
        SendKey(Key.PageUp, true, UiModifiers.Shift);
        StepUntil(() => _session.Terminal.ViewOffset > 0, "the view scrolls back");
        Assert.That(_session.Terminal.ViewOffset, Is.EqualTo(Rows - 1));
        Assert.That(_session.Terminal.GetViewRowText(0).TrimEnd(), Is.EqualTo("line 13"));
        AssertScreenMatches(Reference(text.ToString(), Rows - 1), 0, Rows, "the scrolled-back view");
        SendKey(Key.PageUp, false, UiModifiers.Shift);
        SendKey(Key.LeftShift, false);

        Type(Key.X, 'x');
        StepUntil(() => _shell.InputCount >= 1, "the key reaches the shell");
        Assert.That(_shell.TakeInput(), Is.EqualTo(new[] { (byte)'x' }), "Shift+PgUp itself sent nothing");
        Assert.That(_session.Terminal.ViewOffset, Is.Zero, "typing returns to the bottom");
        AssertScreenMatches(Reference(text.ToString()), 0, Rows, "back at the bottom");
    }

    [Test]
    public void AShiftReleasedElsewhereDoesNotStickBecauseTheServersModifiersWin()
    {
        SendKey(Key.LeftShift, true, UiModifiers.Shift);
        // The release went to another window; the next key comes with no modifiers held.
        Type(Key.PageUp, '\0');
        byte[] expected = Encoding.ASCII.GetBytes("\u001b[5~");
        StepUntil(() => _shell.InputCount >= expected.Length, "PgUp reaches the shell");
        Assert.That(_shell.TakeInput(), Is.EqualTo(expected));
        Assert.That(_session.Terminal.ViewOffset, Is.Zero);
    }

    [Test]
    public void TheWheelScrollsTheViewLocally()
    {
        var text = new StringBuilder();
        for (int i = 1; i <= 40; i++)
            text.Append("row ").Append(i).Append('\n');
        Print(text.ToString());
        Rect content = Content;
        Assert.That(ServerCall(UiRequest.PointerInput, (ulong)(content.X + 50), (ulong)(content.Y + 50), 0, unchecked((ulong)2L)), Is.Zero);
        StepUntil(() => _session.Terminal.ViewOffset > 0, "the wheel scrolls");
        Assert.That(_session.Terminal.ViewOffset, Is.EqualTo(2 * TerminalKeyMapperLines));
        Assert.That(_shell.InputCount, Is.Zero);
    }

    private const int TerminalKeyMapperLines = Services.Terminal.Input.TerminalKeyMapper.WheelLines;

    [Test]
    public void ACursorPositionRequestIsAnsweredOnTheShellsInput()
    {
        Print("ab\u001b[6n");
        Assert.That(Encoding.ASCII.GetString(_shell.TakeInput()), Is.EqualTo("\u001b[1;3R"));
    }

    [Test]
    public void TheCloseButtonEndsTheSessionAndTheWindowGoes()
    {
        Rect close = WindowFrame.CloseButtonOf(_server.Scene.Windows.Find(_session.Window.Id).Frame);
        Assert.That(ServerCall(UiRequest.PointerInput, (ulong)(close.X + 3), (ulong)(close.Y + 3), (ulong)UiPointerButtons.Left), Is.Zero);
        SessionState state = StepUntil(() => false, "the close event");
        Assert.That(state, Is.EqualTo(SessionState.Closed));
        Sync();
        Assert.That(_server.Scene.Windows.Count, Is.Zero, "the window is gone");
    }

    [Test]
    public void TheServerKilledEndsAnIdleSession()
    {
        Assert.That(Within(Task.Run(() => _session.Step(50)), "an idle step"), Is.EqualTo(SessionState.Running), "the server is there");
        Assert.That(Kernel.Kill(_uiProcess), Is.True);
        // Nothing arrives from a dead server: the step's wait runs out and the session finds the server's port closed.
        SessionState state = Within(Task.Run(() => _session.Step(50)), "the step after the server died");
        Assert.That(state, Is.EqualTo(SessionState.ServerLost));
    }

    [Test]
    public void TheShellExitingEndsTheSession()
    {
        _shell.Print("bye\n");
        _shell.Exit();
        Assert.That(_client.Notify(_connection.EventPort, TerminalSession.OutputReadyBit), Is.Zero);
        SessionState state = StepUntil(() => false, "the end of the output");
        Assert.That(state, Is.EqualTo(SessionState.ShellEnded));
        Assert.That(_session.Terminal.GetRowText(0).TrimEnd(), Is.EqualTo("bye"), "the last output was still shown");
    }

    [Test]
    public void AResizeRefitsTheGridToTheNewSize()
    {
        Print("hello");
        int cellWidth = CellWidth, cellHeight = CellHeight;
        int width = 40 * cellWidth + 5, height = 10 * cellHeight + 3;
        Within(Task.Run(() => _session.HandleEvent(UiEvent.ForResize(0, _session.Window.Id, width, height))), "resize");
        Assert.That(_session.Terminal.Columns, Is.EqualTo(40));
        Assert.That(_session.Terminal.Rows, Is.EqualTo(10));
        Assert.That(_session.Terminal.GetRowText(0).TrimEnd(), Is.EqualTo("hello"));
        Assert.That(_session.Window.Width, Is.EqualTo(width));
        Assert.That(_session.LastDamage, Is.EqualTo(new Rect(0, 0, width, height)), "all of the new buffer drawn and sent");
    }

    [Test, Explicit("a measurement, not a check: prints MB/s")]
    public void MeasureOneMebibyteOfTextThroughTheSession()
    {
        // Lines of 79 varied characters, as a busy program prints them.
        var line = new StringBuilder();
        for (int i = 0; i < 79; i++)
            line.Append((char)('!' + (i * 7) % 90));
        byte[] lineBytes = Encoding.ASCII.GetBytes(line.Append('\n').ToString());
        const int Total = 1024 * 1024;
        var all = new byte[Total];
        for (int i = 0; i < Total; i++)
            all[i] = lineBytes[i % lineBytes.Length];
        _shell.ReadLimit = 64 * 1024; // a pipe read's worth per hand-off, as the reader thread does

        // The model alone, for comparison (after a warm-up, so the JIT is not measured).
        byte[] crlf = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(all).Replace("\n", "\r\n"));
        new TerminalModel(Columns, Rows).Write(crlf);
        var model = new TerminalModel(Columns, Rows);
        var modelClock = Stopwatch.StartNew();
        model.Write(crlf);
        modelClock.Stop();
        TestContext.Out.WriteLine("the terminal model alone: " + (Total / 1e6 / modelClock.Elapsed.TotalSeconds).ToString("F1") + " MB/s");

        // Twice: the first pass warms the JIT up; the second is reported.
        for (int pass = 0; pass < 2; pass++)
        {
            long before = _session.OutputBytes;
            _shell.Print(all);
            var clock = Stopwatch.StartNew();
            int frames = _session.FramesPresented;
            while (_session.OutputBytes - before < Total)
            {
                Assert.That(_client.Notify(_connection.EventPort, TerminalSession.OutputReadyBit), Is.Zero);
                Within(Task.Run(() => _session.Step(5000)), "a batch");
            }
            Sync();
            clock.Stop();
            double seconds = clock.Elapsed.TotalSeconds;
            TestContext.Out.WriteLine("pass " + pass + ": 1 MiB through the session into a " + _session.Window.Width + "x" + _session.Window.Height + " window: "
                + seconds.ToString("F3") + " s, " + (Total / 1e6 / seconds).ToString("F1") + " MB/s, " + (_session.FramesPresented - frames) + " frames");
        }
    }
}
