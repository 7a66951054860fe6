using CosmosHybrid.Services.Terminal.Emulation;
using CosmosHybrid.Services.Terminal.Program;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UI.Windows;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// A terminal window on the desktop, in one process: the terminal model and renderer drawing into
/// a client buffer, the damaged part copied into the server's window copy (what a Damage request
/// does with the granted buffer), the window manager's damage and the compositor to the screen.
/// Rows: one echoed key, one line scrolled at the bottom, one drag step of the window by its title,
/// and 1 MiB of 80-column lines in the terminal's batches of 256 KiB. The message hops (input
/// driver to ui to terminal to shell and back) are not in these figures; `input debug` and the IPC
/// rows measure those.
/// </summary>
internal static unsafe class TerminalBenchmarks
{
    private const int Trials = 5;
    private const int Columns = 80, Rows = 25;
    private const int BatchBytes = 256 * 1024, TextBytes = 1024 * 1024;

    private static Terminal.Emulation.Terminal _terminal;
    private static TerminalRenderer _renderer;
    private static uint[] _client;
    private static PixelBuffer _window;
    private static Window _frame;
    private static WindowManager _manager;
    private static Compositor _compositor;
    private static Framebuffer _screen;
    private static readonly ulong[] _parts = new ulong[4];

    public static void Run(Framebuffer screen, string where)
    {
        GlyphSource glyphs = TerminalFont.Load(TerminalFont.DefaultPath, out string error);
        if (glyphs == null)
        {
            System.Console.WriteLine("bench: terminal rows skipped (" + error + ")");
            return;
        }
        _screen = screen;
        _terminal = new Terminal.Emulation.Terminal(Columns, Rows);
        _renderer = new TerminalRenderer(glyphs);
        int width = Columns * _renderer.CellWidth, height = Rows * _renderer.CellHeight;
        _client = new uint[width * height];
        _window = new PixelBuffer(width, height);
        var scene = new Scene(screen.Width, screen.Height, null);
        _manager = new WindowManager(scene, new DamageRegion(scene.Screen));
        _compositor = new Compositor(new PixelBuffer(screen.Width, screen.Height), null, null);
        _frame = _manager.CreateWindow(1, width, height, "terminal", _window);
        Show(); // the first frame: everything drawn once

        // One key echoed: the shell writes the character, two cells change (it and the cursor).
        var samples = new ulong[Trials];
        byte* key = stackalloc byte[1];
        key[0] = (byte)'k';
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            _terminal.Write(new System.ReadOnlySpan<byte>(key, 1));
            long pixels = Show();
            samples[trial] = Benchmarks.ReadTimestamp() - start;
            if (trial == 0)
                System.Console.WriteLine("bench: a key echo composites " + pixels.ToString() + " pixels");
        }
        Benchmarks.Report("term_key_echo (write 1 byte, render, copy, composite into " + where + ")", Benchmarks.Median(samples), "ticks");

        // One line scrolled: the cursor on the last row, a full line and a line feed.
        byte[] line = Line();
        for (int i = 0; i < Rows; i++)
            _terminal.Write(line);
        Show();
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            _terminal.Write(line);
            Show();
            samples[trial] = Benchmarks.ReadTimestamp() - start;
        }
        Benchmarks.Report("term_line_scroll (80 columns + CR LF at the bottom, render, copy, composite)", Benchmarks.Median(samples), "ticks");
        // Where a scroll's ticks go (the last trial's parts).
        ulong modelStart = Benchmarks.ReadTimestamp();
        _terminal.Write(line);
        _parts[0] = Benchmarks.ReadTimestamp() - modelStart;
        Show();
        System.Console.WriteLine("bench: term_line_scroll parts: model " + _parts[0].ToString() + ", render " + _parts[1].ToString()
            + ", copy to the window " + _parts[2].ToString() + ", composite " + _parts[3].ToString() + " ticks");

        // A drag step: the title bar held, the pointer moved 4 pixels right and down.
        Rect title = WindowFrame.TitleBarOf(_frame.Frame);
        int x = title.X + title.Width / 2, y = title.Y + title.Height / 2;
        _manager.Pointer(new UiPointerInput(x, y, UiPointerButtons.Left));
        _compositor.Composite(scene, _manager.Damage, _screen);
        for (int trial = 0; trial < Trials; trial++)
        {
            x += 4;
            y += 4;
            ulong start = Benchmarks.ReadTimestamp();
            _manager.Pointer(new UiPointerInput(x, y, UiPointerButtons.Left));
            _compositor.Composite(scene, _manager.Damage, _screen);
            samples[trial] = Benchmarks.ReadTimestamp() - start;
        }
        _manager.Pointer(new UiPointerInput(x, y, UiPointerButtons.None));
        _compositor.Composite(scene, _manager.Damage, _screen);
        Benchmarks.Report("ui_drag_step (a " + _frame.Frame.Width.ToString() + "x" + _frame.Frame.Height.ToString() + " window moved 4 px, composite)",
            Benchmarks.Median(samples), "ticks");

        // 1 MiB of text, as the terminal takes it: batches of 256 KiB, one render and composite each.
        byte[] batch = new byte[BatchBytes];
        for (int i = 0; i < batch.Length; i += line.Length)
            System.Array.Copy(line, 0, batch, i, i + line.Length <= batch.Length ? line.Length : batch.Length - i);
        long startMs = UserRuntime.ProcessCalls.UptimeMilliseconds;
        ulong began = Benchmarks.ReadTimestamp();
        for (int done = 0; done < TextBytes; done += BatchBytes)
        {
            _terminal.Write(batch);
            Show();
        }
        ulong ticks = Benchmarks.ReadTimestamp() - began;
        long elapsedMs = UserRuntime.ProcessCalls.UptimeMilliseconds - startMs;
        Benchmarks.Report("term_1mib_text (80-column lines, 4 batches rendered and composited)", ticks, "ticks");
        System.Console.WriteLine("bench: term_1mib_text took " + elapsedMs.ToString() + " ms of guest uptime");
    }

    /// <summary>80 printable characters and CR LF.</summary>
    private static byte[] Line()
    {
        var line = new byte[Columns + 2];
        for (int i = 0; i < Columns; i++)
            line[i] = (byte)('!' + (i * 7) % 94);
        line[Columns] = (byte)'\r';
        line[Columns + 1] = (byte)'\n';
        return line;
    }

    /// <summary>Renders what changed into the client buffer, copies it into the window, composites; returns the pixels composited.</summary>
    private static long Show()
    {
        int width = _window.Width, height = _window.Height;
        RenderResult result;
        fixed (uint* client = _client)
        {
            ulong start = Benchmarks.ReadTimestamp();
            result = _renderer.Render(_terminal, (byte*)client, width, height, width * 4);
            ulong rendered = Benchmarks.ReadTimestamp();
            if (result.IsEmpty)
                return 0;
            var changed = new Rect(result.Left, result.Top, result.Right - result.Left, result.Bottom - result.Top);
            _window.CopyFrom(new PixelSurface(client, width, height), changed);
            _manager.ContentChanged(_frame, changed);
            _parts[1] = rendered - start;
            _parts[2] = Benchmarks.ReadTimestamp() - rendered;
        }
        long before = _compositor.PixelsComposited;
        ulong compositing = Benchmarks.ReadTimestamp();
        _compositor.Composite(_manager.Scene, _manager.Damage, _screen);
        _parts[3] = Benchmarks.ReadTimestamp() - compositing;
        return _compositor.PixelsComposited - before;
    }
}
