using System;
using System.IO;
using System.Text.RegularExpressions;
using CosmosHybrid.Console.Output;
using CosmosHybrid.Services.Abi.Fonts;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// The window server `ui` that init starts on the boot framebuffer, seen through QMP's
/// screendump at chosen pixels: the desktop instead of the kernel log after boot, a client's
/// window, the window gone with its client, the kernel log back while `ui` is dead, and the
/// desktop again after init restarts it. One boot per firmware runs the whole story.
/// </summary>
public class UiTests : BootTestBase
{
    // Services/UI/Compositing/Theme.cs and Services/UiClock/ClockFace.cs.
    private const uint Desktop = 0x2E5E8C;
    private const uint TopBar = 0x202020;
    private const uint FocusedTitleBar = 0x4080D0;
    private const uint ClockBackground = 0x182838;
    private const uint ConsoleBackground = 0x000000;

    // The first window's frame starts at (40, 40) (WindowManager.CreateWindow), border 4, title 20 (WindowFrame).
    private const int FrameLeft = 40, FrameTop = 40, Border = 4, TitleHeight = 20;
    private const int ClockWidth = 240, ClockHeight = 140;

    private static readonly TimeSpan ScreenTimeout = TimeSpan.FromSeconds(60);

    [TestCase(Firmware.Bios)]
    [TestCase(Firmware.Uefi)]
    public void DesktopWindowsAndTheKernelLogWhenUiDies(Firmware firmware)
    {
        Boot("", firmware);
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");

        // The desktop, not the kernel log: background and top bar.
        ScreenImage screen = WaitForScreen(s => Pixel(s, s.Width / 4, s.Height - 20) == Desktop, "the desktop colour");
        Assert.That(Pixel(screen, 3 * screen.Width / 4, screen.Height - 4), Is.EqualTo(Desktop), "desktop, bottom right");
        Assert.That(Pixel(screen, screen.Width / 2, 2), Is.EqualTo(TopBar), "top bar");
        Assert.That(Pixel(screen, screen.Width / 2, 30), Is.EqualTo(Desktop), "below the top bar");

        // A client's window: title bar and content where the first window goes.
        int clock = StartClock();
        WaitForScreen(HasClockWindow, "the clock window's title bar and content");

        // Its client killed: the server finds the event port gone and the window disappears.
        Machine.SendLine("kill " + clock);
        ExpectOutput("killed " + clock);
        WaitForScreen(s => !HasClockWindow(s) && Pixel(s, TitleX, TitleY) == Desktop, "the desktop where the window was");

        clock = StartClock();
        WaitForScreen(s => HasClockWindow(s, 1), "the second clock window, one cascade step further");

        // ui killed: the kernel takes the screen back and draws its log until init restarts ui.
        Machine.SendLine("kill " + UiProcessId);
        ExpectOutput("init: ui (process " + UiProcessId + ") ended with status -9");
        Machine.Qmp.Execute("stop");
        ScreenImage log;
        try
        {
            log = Machine.Screendump();
        }
        finally
        {
            Machine.Qmp.Execute("cont");
        }
        Assert.That(Pixel(log, log.Width / 4, log.Height - 20), Is.Not.EqualTo(Desktop), "the desktop is gone");
        Assert.That(Pixel(log, log.Width - 2, 2), Is.EqualTo(ConsoleBackground), "the console's background at the top right");
        Assert.That(FindTextRow(log, "init: ui (process " + UiProcessId + ") ended with status -9") >= 0
            || FindTextRow(log, "killed " + UiProcessId) >= 0, Is.True, "a line of the kernel console drawn as the font draws it");

        // init restarts ui: the desktop again, without the dead server's windows (the clock ends with its server).
        Match restarted = ExpectMatch(@"init: restarted ui as process (\d+)");
        screen = WaitForScreen(s => Pixel(s, s.Width / 4, s.Height - 20) == Desktop && Pixel(s, TitleX, TitleY) == Desktop,
            "the desktop of the restarted ui without windows");
        Assert.That(Pixel(screen, screen.Width / 2, 2), Is.EqualTo(TopBar), "top bar after the restart");
        Assert.That(restarted.Groups[1].Value, Is.Not.EqualTo(UiProcessId.ToString()));
    }

    // A point in the title bar right of the title text, left of the close button; one in the content below the dial.
    private const int TitleX = FrameLeft + Border + ClockWidth - 60, TitleY = FrameTop + Border + 2;
    private const int ContentX = FrameLeft + Border + 3, ContentY = FrameTop + Border + TitleHeight + ClockHeight - 3;

    // Each new window opens CascadeStep further right and down (WindowManager), the first at (40, 40).
    private const int CascadeStep = 24;

    private static bool HasClockWindow(ScreenImage s) => HasClockWindow(s, 0);

    private static bool HasClockWindow(ScreenImage s, int cascade) =>
        Pixel(s, TitleX + cascade * CascadeStep, TitleY + cascade * CascadeStep) == FocusedTitleBar
        && Pixel(s, ContentX + cascade * CascadeStep, ContentY + cascade * CascadeStep) == ClockBackground;

    private int StartClock()
    {
        int from = Machine.SerialLog.Length;
        Machine.SendLine("spawn uiclock");
        var pattern = new Regex(@"started process (\d+)\r?\n");
        Match started = null;
        Assert.That(Machine.WaitUntil(log => (started = pattern.Match(log, Math.Min(from, log.Length))).Success, BootTimeout), Is.True,
            "spawn printed the new process id");
        int pid = int.Parse(started.Groups[1].Value);
        Assert.That(Machine.WaitUntil(log => log.IndexOf("uiclock: window ", Math.Min(from, log.Length), StringComparison.Ordinal) >= 0, BootTimeout),
            Is.True, "uiclock opened its window");
        return pid;
    }

    private static uint Pixel(ScreenImage screen, int x, int y) => screen[x, y] & 0xFFFFFF;

    private ScreenImage WaitForScreen(Func<ScreenImage, bool> condition, string what)
    {
        DateTime end = DateTime.UtcNow + ScreenTimeout;
        ScreenImage screen = Machine.Screendump();
        while (!condition(screen))
        {
            if (DateTime.UtcNow > end)
                Assert.Fail("the screen never showed " + what);
            System.Threading.Thread.Sleep(250);
            screen = Machine.Screendump();
        }
        return screen;
    }

    /// <summary>The text row of the kernel console that shows exactly <paramref name="text"/> (drawn on the host by the same console code and font), or -1.</summary>
    private static unsafe int FindTextRow(ScreenImage screen, string text)
    {
        byte[] fontFile = File.ReadAllBytes(Path.Combine(BuildOutput.IsoRoot, "boot", "font.pf2"));
        Assert.That(Pf2Font.TryParse(fontFile, out Pf2Font font), Is.True, "the ISO's font parses");
        var strip = new uint[screen.Width * screen.Height];
        int rowHeight;
        fixed (uint* pixels = strip)
        {
            var console = new FramebufferConsole(pixels, screen.Width, screen.Height, screen.Width * 4, font);
            console.Write(text);
            rowHeight = console.CellHeight;
        }
        for (int top = 0; top + rowHeight <= screen.Height; top += rowHeight)
        {
            bool equal = true;
            for (int y = 0; y < rowHeight && equal; y++)
            {
                for (int x = 0; x < screen.Width && equal; x++)
                    equal = (screen[x, top + y] & 0xFFFFFF) == (strip[y * screen.Width + x] & 0xFFFFFF);
            }
            if (equal)
                return top / rowHeight;
        }
        return -1;
    }
}
