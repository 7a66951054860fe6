using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Driver;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Input.Service;
using CosmosHybrid.Services.UserRuntime;

/// <summary>
/// Entry of the input driver: `input [KEYMAP] [debug]` (KEYMAP us, uk, de or fr; default us;
/// debug prints every key and mouse event). init starts it from /etc/services with handle 4 an
/// authority holding ConsoleInput (to type at the console), the reservation of the name `input`
/// and the i8042 device handle after it.
/// </summary>
internal static class Program
{
    private const long Authority = StartupHandles.FirstExtra;
    private const long Reservation = StartupHandles.FirstExtra + 1;
    private const int HandlesToSearch = 8;

    public static int Main(string arguments)
    {
        KeyboardLayout layout = KeyboardLayouts.UnitedStates();
        bool debug = false;
        string[] words = arguments.Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i] == "debug")
            {
                debug = true;
                continue;
            }
            KeyboardLayout named = KeyboardLayouts.Find(words[i]);
            if (named == null)
            {
                System.Console.WriteLine("input: unknown argument '" + words[i] + "' (us, uk, de, fr, debug)");
                return 2;
            }
            layout = named;
        }

        long device = FindDevice();
        if (device < 0)
        {
            System.Console.WriteLine("input: no i8042 device handle (init hands it over: 'device i8042' in /etc/services)");
            return 1;
        }
        long consoleInput = StreamCalls.OpenConsoleInput(Authority);
        if (consoleInput < 0)
            System.Console.WriteLine("input: keys will not reach the console (" + ProcessCalls.ErrorText(consoleInput) + ": 'rights consoleinput' in /etc/services)");

        var driver = new InputDriver(device, consoleInput < 0 ? null : new StreamConsoleTyping(consoleInput), layout, debug);
        string error = driver.Start(Reservation);
        if (error != null)
        {
            System.Console.WriteLine("input: " + error);
            return 1;
        }
        return driver.Serve();
    }

    // The device handle follows the reservations init passes: the first handle from 5 that names
    // a device raising IRQ 1 (asking for the line's time stamp is harmless and says just that).
    private static long FindDevice()
    {
        for (long handle = Reservation; handle < Reservation + HandlesToSearch; handle++)
        {
            if (DeviceCalls.IrqTimestamp(handle, 1) >= 0)
                return handle;
        }
        return -1;
    }
}
