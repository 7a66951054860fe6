using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Fonts;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Host;
using CosmosHybrid.Services.UI.Service;
using CosmosHybrid.Services.UserRuntime;

/// <summary>
/// Ring-3 entry of the window server `ui`. init starts it (/etc/services) with handle 4 an
/// authority, 5 the reservation of the name `ui`, 6 the framebuffer device. It maps the
/// framebuffer (the kernel stops drawing its console there), loads the font, registers `ui`
/// and serves until it is killed; then the kernel shows its log again and init restarts it.
/// Arguments: `input` takes the keyboard and mouse from the input driver (keys then no longer
/// reach the console), `terminal` opens a terminal window once the server is up (so a
/// restarted server comes back with one too), `latency` prints each key's time to the screen
/// (KeyLatencyProbe, for bench), `controlkey=N` takes N as the control key instead of a random
/// one (the spawner, who holds ui's handles anyway, may send input then: bench does).
/// </summary>
internal static unsafe class Program
{
    private const long Reservation = StartupHandles.FirstExtra + 1;
    private const long FramebufferDevice = StartupHandles.FirstExtra + 2;

    /// <summary>How long the server waits for a message before it updates the clock and pings clients.</summary>
    private const long IdleMilliseconds = 500;

    /// <summary>The program a terminal request starts (the terminal emulator, when there is one).</summary>
    private const string TerminalProgram = "terminal";

    public static int Main(string arguments)
    {
        // The font first: the kernel keeps the screen until the framebuffer is mapped.
        Pf2Font font = FontFile.Load();
        IGlyphSource glyphs = font != null ? new Pf2Glyphs(font) : null;
        if (glyphs == null)
            System.Console.WriteLine("ui: no font at " + FontFile.DefaultPath + " (text is not drawn)");

        if (!BootFramebuffer.TryOpen(FramebufferDevice, out Framebuffer framebuffer, out string problem))
        {
            System.Console.WriteLine("ui: " + problem);
            return 1;
        }

        SyscallPorts ports = SyscallPorts.Instance;
        long port = ports.CreatePort();
        if (port < 0 || ports.Register(UiServer.PortName, port, Reservation) < 0)
        {
            System.Console.WriteLine("ui: cannot register '" + UiServer.PortName + "'");
            return 1;
        }

        var server = new UiServer(ports, framebuffer, framebuffer.Width, framebuffer.Height, glyphs ?? new NoGlyphs(),
            tokenSeed: StartupSeed.Next(), controlKey: NamedControlKey(arguments));
        server.Clock = ClockText.Now;
        server.TerminalRequested = StartTerminal;
        server.Manager.SetClock(ClockText.Now());
        // `ui input`: keys and the mouse from the input driver (they then no longer reach the console).
        if (HasWord(arguments, "input") && !InputBridge.Start(port, server.ControlKey, framebuffer.Width, framebuffer.Height))
            System.Console.WriteLine("ui: cannot start the input bridge");
        if (HasWord(arguments, "latency"))
        {
            server.Received = KeyLatencyProbe.Received;
            server.Served = KeyLatencyProbe.Served;
        }
        // The terminal retries the name `ui` until the loop below serves it.
        if (HasWord(arguments, "terminal"))
            StartTerminal();
        // Quiet when all is well: the serial console is the shell's, and tests read it.
        long result = server.Serve(port, IdleMilliseconds);
        if (result != 0)
            System.Console.WriteLine("ui: stopped (" + ProcessCalls.ErrorText(result) + ")");
        return result == 0 ? 0 : 1;
    }

    /// <summary>Ctrl+Alt+T, Super+Enter or the top bar's button: a new terminal window, when the terminal program exists.</summary>
    private static void StartTerminal()
    {
        long pid = ProcessCalls.Spawn(TerminalProgram);
        if (pid < 0)
            System.Console.WriteLine("ui: no terminal (" + ProcessCalls.ErrorText(pid) + ")");
    }

    /// <summary>The value of a `controlkey=N` word (decimal); 0 (the server then draws one from its token seed) without one.</summary>
    private static ulong NamedControlKey(string text)
    {
        const string Prefix = "controlkey=";
        int at = text == null ? -1 : text.IndexOf(Prefix, System.StringComparison.Ordinal);
        if (at < 0 || (at > 0 && text[at - 1] != ' '))
            return 0;
        int end = text.IndexOf(' ', at);
        string value = end < 0 ? text.Substring(at + Prefix.Length) : text.Substring(at + Prefix.Length, end - at - Prefix.Length);
        return ulong.TryParse(value, out ulong key) ? key : 0;
    }

    private static bool HasWord(string text, string word)
    {
        if (text == null)
            return false;
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf(' ', start);
            if (end < 0)
                end = text.Length;
            if (end - start == word.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
                return true;
            start = end + 1;
        }
        return false;
    }

    /// <summary>Without a font the server still composites; text cells stay empty.</summary>
    private sealed class NoGlyphs : IGlyphSource
    {
        public int CellWidth => 8;

        public int CellHeight => 16;

        public uint GlyphRow(int codePoint, int row) => 0;
    }
}
