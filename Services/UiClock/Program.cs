using CosmosHybrid.Services.Abi.Fonts;
using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Compositing;
using CosmosHybrid.Services.UI.Host;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UiClock;
using CosmosHybrid.Services.UserRuntime;

/// <summary>
/// `uiclock`: opens a window on the window server and redraws the clock every second until
/// the window's close button is pressed or the server goes away.
/// </summary>
internal static unsafe class Program
{
    public static int Main(string arguments)
    {
        UiError error = UiConnection.Connect(SyscallPorts.Instance, out UiConnection connection);
        if (error != UiError.None)
        {
            System.Console.WriteLine("uiclock: no window server (" + UiErrorText(error) + ")");
            return 1;
        }
        long pages = ClientWindow.BufferPages(ClockFace.Width, ClockFace.Height);
        long buffer = SystemCall.Call(CosmosHybrid.Services.Abi.SyscallNumber.MapMemory, pages);
        if (buffer <= 0)
        {
            System.Console.WriteLine("uiclock: out of memory");
            return 1;
        }
        Pf2Font font = FontFile.Load();
        IGlyphSource glyphs = font != null ? new Pf2Glyphs(font) : null;

        uint* pixels = (uint*)buffer;
        long shown = ClockText.SecondsOfDay();
        ClockFace.Draw(new Canvas(pixels, ClockFace.Width, ClockFace.Height), glyphs, shown);
        error = connection.CreateWindow(pixels, ClockFace.Width, ClockFace.Height, "Clock", out ClientWindow window);
        if (error != UiError.None)
        {
            System.Console.WriteLine("uiclock: cannot open a window (" + UiErrorText(error) + ")");
            return 1;
        }
        System.Console.WriteLine("uiclock: window " + window.Id.ToString() + " open");
        while (true)
        {
            if (connection.NextEvent(out UiEvent uiEvent, 250))
            {
                if (uiEvent.Kind == UiEventKind.Close)
                    break;
                continue;
            }
            if (connection.LastPortResult != -(long)CosmosHybrid.Services.Abi.SyscallError.TimedOut)
                return 1; // the server is gone
            long now = ClockText.SecondsOfDay();
            if (now == shown)
                continue;
            shown = now;
            ClockFace.Draw(window.Canvas, glyphs, shown);
            if (connection.Damage(window, window.Canvas.Bounds) == UiError.NotConnected)
                return 1;
        }
        connection.DestroyWindow(window);
        connection.Disconnect();
        return 0;
    }

    private static string UiErrorText(UiError error) => ((int)error).ToString();
}
