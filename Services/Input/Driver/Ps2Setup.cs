using CosmosHybrid.Services.Input.Mouse;

namespace CosmosHybrid.Services.Input.Driver;

/// <summary>
/// Brings the controller, the keyboard and the mouse up, polling (interrupts come after):
/// both ports off, the controller's self-test, translation on (the keyboard speaks scan code
/// set 2, the controller hands us set 1), the keyboard reset, set to set 2, given a typematic
/// rate and told to scan; the mouse reset, knocked into IntelliMouse mode where it has a
/// wheel, and told to report. Whatever fails is said in <see cref="Problems"/>; the rest still works.
/// </summary>
internal sealed class Ps2Setup
{
    // Keyboard and mouse commands.
    private const byte SetLeds = 0xED;
    private const byte ScanCodeSet = 0xF0;
    private const byte GetDeviceId = 0xF2;
    private const byte SetRate = 0xF3;   // typematic rate for the keyboard, sample rate for the mouse
    private const byte EnableReporting = 0xF4;
    private const byte SetDefaults = 0xF6;
    private const byte Reset = 0xFF;

    /// <summary>Typematic: 500 ms before the first repeat (bits 5-6 = 01), then 20 a second (bits 0-4 = 04).</summary>
    public const byte TypematicRate = 0x24;

    private const int ResetTimeoutMs = 1000;
    private const int ReplyTimeoutMs = 100;

    private readonly I8042Controller _controller;

    public Ps2Setup(I8042Controller controller) => _controller = controller;

    /// <summary>The configuration byte, interrupts still off.</summary>
    public byte Configuration { get; private set; }

    public bool ControllerPassed { get; private set; }

    public bool HasKeyboard { get; private set; }

    public bool HasMouse { get; private set; }

    /// <summary>What Get Device ID answered after the knock (-1 without a mouse).</summary>
    public int MouseId { get; private set; } = -1;

    public string Problems { get; private set; } = "";

    public bool Run()
    {
        _controller.Command(I8042Controller.DisableKeyboardPort);
        _controller.Command(I8042Controller.DisableMousePort);
        _controller.Flush();
        int configuration = _controller.Query(I8042Controller.ReadConfiguration);
        if (configuration < 0)
        {
            Note("no controller answers");
            return false;
        }
        Configuration = (byte)((configuration & ~(I8042Controller.KeyboardInterrupt | I8042Controller.MouseInterrupt)) | I8042Controller.Translation);
        _controller.Command(I8042Controller.WriteConfiguration, Configuration);

        int selfTest = _controller.Query(I8042Controller.SelfTest, ResetTimeoutMs);
        ControllerPassed = selfTest == I8042Controller.ControllerOk;
        if (!ControllerPassed)
            Note("controller self-test answered " + Hex(selfTest));
        // Some controllers forget their configuration in the self-test.
        _controller.Command(I8042Controller.WriteConfiguration, Configuration);

        bool keyboardPort = _controller.Query(I8042Controller.TestKeyboardPort) == 0;
        bool mousePort = _controller.Query(I8042Controller.TestMousePort) == 0;
        if (keyboardPort)
        {
            _controller.Command(I8042Controller.EnableKeyboardPort);
            HasKeyboard = SetUpKeyboard();
        }
        else
        {
            Note("keyboard port test failed");
        }
        if (mousePort)
        {
            _controller.Command(I8042Controller.EnableMousePort);
            HasMouse = SetUpMouse();
        }
        return HasKeyboard || HasMouse;
    }

    /// <summary>The configuration that turns the interrupts of the working devices on.</summary>
    public byte RunningConfiguration()
    {
        byte configuration = Configuration;
        if (HasKeyboard)
            configuration = (byte)((configuration | I8042Controller.KeyboardInterrupt) & ~I8042Controller.KeyboardClockOff);
        if (HasMouse)
            configuration = (byte)((configuration | I8042Controller.MouseInterrupt) & ~I8042Controller.MouseClockOff);
        return configuration;
    }

    /// <summary>Sets the keyboard's LEDs (bit 0 Scroll, 1 Num, 2 Caps Lock).</summary>
    public bool SetKeyboardLeds(byte bits) =>
        _controller.SendToDevice(false, SetLeds) && _controller.SendToDevice(false, bits);

    private bool SetUpKeyboard()
    {
        if (!_controller.SendToDevice(false, Reset))
        {
            Note("no keyboard");
            return false;
        }
        if (_controller.ReadFromDevice(false, ResetTimeoutMs) != I8042Controller.SelfTestPassed)
            Note("keyboard self-test failed");
        // Set 2, which the controller translates to set 1 (some keyboards refuse F0: they use 2 anyway).
        if (!_controller.SendToDevice(false, ScanCodeSet) || !_controller.SendToDevice(false, 2))
            Note("keyboard refused scan code set 2");
        if (!_controller.SendToDevice(false, SetRate) || !_controller.SendToDevice(false, TypematicRate))
            Note("keyboard refused the typematic rate");
        SetKeyboardLeds(0);
        return _controller.SendToDevice(false, EnableReporting);
    }

    private bool SetUpMouse()
    {
        if (!_controller.SendToDevice(true, Reset))
            return false;   // no mouse plugged in: not a problem
        _controller.ReadFromDevice(true, ResetTimeoutMs);   // AA: passed
        _controller.ReadFromDevice(true, ResetTimeoutMs);   // 00: its ID
        _controller.SendToDevice(true, SetDefaults);
        for (int i = 0; i < PointingDeviceId.IntelliMouseKnock.Length; i++)
        {
            if (!_controller.SendToDevice(true, SetRate) || !_controller.SendToDevice(true, PointingDeviceId.IntelliMouseKnock[i]))
                break;
        }
        MouseId = _controller.SendToDevice(true, GetDeviceId) ? _controller.ReadFromDevice(true, ReplyTimeoutMs) : -1;
        if (MouseId < 0)
            Note("mouse gave no ID");
        // Back to 100 samples a second, the default the knock left at 80.
        _controller.SendToDevice(true, SetRate);
        _controller.SendToDevice(true, 100);
        if (!_controller.SendToDevice(true, EnableReporting))
        {
            Note("mouse refused to report");
            return false;
        }
        return true;
    }

    private void Note(string problem) => Problems = Problems.Length == 0 ? problem : Problems + "; " + problem;

    private static string Hex(int value) => value < 0 ? "nothing" : "0x" + ((uint)value).ToString("x2");
}
