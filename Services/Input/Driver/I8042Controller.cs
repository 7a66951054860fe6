using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Input.Driver;

/// <summary>
/// The i8042 keyboard controller through its two ports (the device handle's, reached with plain
/// `in`/`out` through the TSS I/O bitmap): controller commands on 64h, bytes to and from the
/// keyboard on 60h, to the mouse after D4h. Every wait has a time-out. Bytes that arrive while
/// a command waits for its answer (a key pressed meanwhile, a mouse packet) are kept in order
/// and handed out later by <see cref="TryTakeStray"/>, so none is lost.
/// </summary>
internal sealed class I8042Controller
{
    public const byte Acknowledge = 0xFA;
    public const byte Resend = 0xFE;
    public const byte SelfTestPassed = 0xAA;

    // Controller commands.
    public const byte ReadConfiguration = 0x20;
    public const byte WriteConfiguration = 0x60;
    public const byte DisableMousePort = 0xA7;
    public const byte EnableMousePort = 0xA8;
    public const byte TestMousePort = 0xA9;
    public const byte SelfTest = 0xAA;
    public const byte TestKeyboardPort = 0xAB;
    public const byte DisableKeyboardPort = 0xAD;
    public const byte EnableKeyboardPort = 0xAE;
    private const byte WriteToMouse = 0xD4;

    // Configuration byte.
    public const byte KeyboardInterrupt = 0x01;
    public const byte MouseInterrupt = 0x02;
    public const byte KeyboardClockOff = 0x10;
    public const byte MouseClockOff = 0x20;
    public const byte Translation = 0x40;

    /// <summary>What 0xAA answers when the controller works.</summary>
    public const byte ControllerOk = 0x55;

    private const int DataPort = 0x60;
    private const int StatusPort = 0x64;
    private const byte OutputFull = 0x01;
    private const byte InputFull = 0x02;
    private const byte FromMouse = 0x20;

    private const int CommandTimeoutMs = 100;
    private const int StrayCapacity = 64;
    private const int MouseFlag = 0x100;

    private readonly int[] _stray = new int[StrayCapacity];
    private int _strayHead;
    private int _strayCount;

    /// <summary>Bytes lost because too many arrived during one command.</summary>
    public int StrayDropped { get; private set; }

    /// <summary>Whether a byte waits in the output buffer (and from which device).</summary>
    public bool TryRead(out byte value, out bool fromMouse)
    {
        uint status = DeviceCalls.In8(StatusPort);
        fromMouse = (status & FromMouse) != 0;
        value = 0;
        if ((status & OutputFull) == 0)
            return false;
        value = (byte)DeviceCalls.In8(DataPort);
        return true;
    }

    /// <summary>Throws away whatever waits in the output buffer (before the controller is set up).</summary>
    public void Flush()
    {
        for (int i = 0; i < 64 && TryRead(out _, out _); i++)
        {
        }
    }

    /// <summary>Sends a controller command; false when the controller never takes it.</summary>
    public bool Command(byte command)
    {
        if (!WaitInputEmpty())
            return false;
        DeviceCalls.Out8(StatusPort, command);
        return true;
    }

    /// <summary>Sends a controller command with its data byte.</summary>
    public bool Command(byte command, byte data)
    {
        if (!Command(command) || !WaitInputEmpty())
            return false;
        DeviceCalls.Out8(DataPort, data);
        return true;
    }

    /// <summary>Sends a controller command and returns its one-byte answer, or -1.</summary>
    public int Query(byte command, int timeoutMs = CommandTimeoutMs)
    {
        if (!Command(command))
            return -1;
        long deadline = ProcessCalls.UptimeMilliseconds + timeoutMs;
        do
        {
            if (TryRead(out byte value, out _))
                return value;
        }
        while (ProcessCalls.UptimeMilliseconds <= deadline);
        return -1;
    }

    /// <summary>
    /// Sends <paramref name="value"/> to the keyboard or the mouse and waits for its acknowledgement,
    /// sending again when the device asks for it; true when acknowledged.
    /// </summary>
    public bool SendToDevice(bool toMouse, byte value)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            if (toMouse ? !Command(WriteToMouse, value) : !WriteData(value))
                return false;
            int reply = ReadFromDevice(toMouse, CommandTimeoutMs, keepOthers: true);
            if (reply == Acknowledge)
                return true;
            if (reply != Resend)
                return false;
        }
        return false;
    }

    /// <summary>
    /// The next byte from the keyboard or the mouse within <paramref name="timeoutMs"/>, or -1.
    /// Bytes from the other device are kept for later; so are bytes of this device's own that are
    /// not answers, when <paramref name="keepOthers"/> (waiting for an acknowledgement).
    /// </summary>
    public int ReadFromDevice(bool fromMouse, int timeoutMs, bool keepOthers = false)
    {
        long deadline = ProcessCalls.UptimeMilliseconds + timeoutMs;
        do
        {
            if (!TryRead(out byte value, out bool mouse))
                continue;
            if (mouse == fromMouse && (!keepOthers || value == Acknowledge || value == Resend))
                return value;
            Keep(value, mouse);
        }
        while (ProcessCalls.UptimeMilliseconds <= deadline);
        return -1;
    }

    /// <summary>The oldest byte kept while a command waited.</summary>
    public bool TryTakeStray(out byte value, out bool fromMouse)
    {
        value = 0;
        fromMouse = false;
        if (_strayCount == 0)
            return false;
        int entry = _stray[_strayHead];
        _strayHead = (_strayHead + 1) % StrayCapacity;
        _strayCount--;
        value = (byte)entry;
        fromMouse = (entry & MouseFlag) != 0;
        return true;
    }

    private void Keep(byte value, bool fromMouse)
    {
        if (_strayCount == StrayCapacity)
        {
            StrayDropped++;
            return;
        }
        _stray[(_strayHead + _strayCount) % StrayCapacity] = value | (fromMouse ? MouseFlag : 0);
        _strayCount++;
    }

    private bool WriteData(byte value)
    {
        if (!WaitInputEmpty())
            return false;
        DeviceCalls.Out8(DataPort, value);
        return true;
    }

    private static bool WaitInputEmpty()
    {
        long deadline = ProcessCalls.UptimeMilliseconds + CommandTimeoutMs;
        do
        {
            if ((DeviceCalls.In8(StatusPort) & InputFull) == 0)
                return true;
        }
        while (ProcessCalls.UptimeMilliseconds <= deadline);
        return false;
    }
}
