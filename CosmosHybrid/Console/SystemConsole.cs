using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Console.Input;
using CosmosHybrid.Console.Output;
using CosmosHybrid.Drivers.Serial;
using CosmosHybrid.Services.Abi.Fonts;

namespace CosmosHybrid.Console;

/// <summary>
/// The machine's console and the one owner of its parts: the serial line (COM1: text out,
/// typed bytes in) and the screen. The kernel log writes to the outputs held here
/// (Log/KernelLogSinks.cs); typed bytes queue in <see cref="ConsoleInput"/> for the
/// ConsoleRead system call and the boot console.
/// </summary>
internal static unsafe class SystemConsole
{
    private const uint SerialBaudRate = 115200;

    private static Uart16550 s_uart;
    private static IConsoleOutput s_screen;
    private static SerialConsoleOutput s_serial;
    private static readonly Utf8ConsoleDecoder s_screenDecoder = new Utf8ConsoleDecoder();
    private static readonly ScreenHistory s_history = new ScreenHistory(HistoryCharacters);
    private static readonly HistoryRecorder s_recorder = new HistoryRecorder();

    /// <summary>Characters of screen text kept for redrawing the log when the screen comes back.</summary>
    private const int HistoryCharacters = 16 * 1024;

    /// <summary>
    /// Held for one whole write by a writer that may block: a ring-3 write (Streams/ConsoleStream.cs, the
    /// ConsoleWrite call) or a line of the kernel log (Log/KernelLog.cs). Lines of writers taking turns
    /// interleave but never tear, like a tty's write lock.
    /// </summary>
    public static Scheduling.KernelMutex WriteLock { get; } = new Scheduling.KernelMutex();

    /// <summary>The serial line's text output; null until <see cref="StartSerial"/>.</summary>
    public static IConsoleOutput Serial => s_serial;

    /// <summary>The screen while the kernel draws on it: null when there is none or while someone else has it.</summary>
    public static IConsoleOutput KernelScreen { get; private set; }

    /// <summary>What the screen shows text with, for the banner ("none" when headless).</summary>
    public static string ScreenDescription { get; private set; } = "none";

    /// <summary>The first thing the kernel does, so that everything after it can log.</summary>
    public static void StartSerial()
    {
        s_uart = new Uart16550(Uart16550.Com1, SerialBaudRate);
        s_serial = new SerialConsoleOutput(s_uart);
    }

    /// <summary>
    /// Console bytes a program wrote (UTF-8): to the serial line as written, to the screen
    /// decoded into characters.
    /// </summary>
    public static void WriteBytes(byte* bytes, int count)
    {
        for (int i = 0; i < count; i++)
        {
            s_serial?.WriteByte(bytes[i]);
            if (s_screen != null)
                s_screenDecoder.Write(bytes[i], s_recorder);
        }
    }

    /// <summary>Puts the log on the screen the boot loader set up, if it is usable.</summary>
    public static void AttachScreen(FramebufferInfo framebuffer, byte[] font)
    {
        s_screen = ScreenOutput.Open(framebuffer, font, out string description);
        ScreenDescription = description;
        KernelScreen = s_screen;
    }

    /// <summary>True when the kernel draws its console on a framebuffer with a font.</summary>
    public static bool DrawsWithFont => s_screen is FramebufferConsole;

    /// <summary>
    /// Takes the whole font for the characters the boot module's font leaves out (CJK, Hangul...), once the
    /// root file system is there; false when there is no framebuffer console or the font does not fit it.
    /// </summary>
    public static bool AddFallbackFont(byte[] font) =>
        s_screen is FramebufferConsole console && Pf2Font.TryParse(font, out Pf2Font parsed) && console.AddFallback(parsed);

    /// <summary>Typed input, once interrupts can be routed and readers can block.</summary>
    public static void StartInput() => SerialConsoleInput.Attach(s_uart, Uart16550.Com1Irq);

    /// <summary>A kernel log character for the screen: drawn while the kernel has it, kept either way.</summary>
    public static void WriteScreen(char c)
    {
        if (s_screen != null)
            s_recorder.Write(c);
    }

    /// <summary>True while a window server has the screen.</summary>
    public static bool ScreenHandedOver => s_screen != null && KernelScreen == null;

    /// <summary>
    /// Gives the screen away (to a window server): the kernel stops drawing on it, and
    /// the log goes on on the serial line alone (and into the history).
    /// </summary>
    public static void HandOverScreen() => KernelScreen = null;

    /// <summary>
    /// Takes the screen back (its window server is gone): cleared, with the last screenful of
    /// the log redrawn from the history, and the log goes on there.
    /// </summary>
    public static void TakeBackScreen()
    {
        if (s_screen == null || KernelScreen != null)
            return;
        KernelScreen = s_screen;
        if (s_screen is FramebufferConsole framebuffer)
        {
            framebuffer.Clear();
            s_history.Replay(framebuffer, framebuffer.Rows);
        }
        else
        {
            s_history.Replay(s_screen, 25);
        }
    }

    /// <summary>Records every screen character, and draws it while the kernel has the screen.</summary>
    private sealed class HistoryRecorder : IConsoleOutput
    {
        public void Write(char c)
        {
            s_history.Record(c);
            KernelScreen?.Write(c);
        }
    }
}
