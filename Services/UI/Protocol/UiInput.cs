namespace CosmosHybrid.Services.UI.Protocol;

/// <summary>Mouse buttons held.</summary>
[System.Flags]
public enum UiPointerButtons : ulong
{
    None = 0,
    Left = 1,
    Right = 2,
    Middle = 4,
}

/// <summary>Modifier keys held when a key event happened.</summary>
[System.Flags]
public enum UiModifiers : byte
{
    None = 0,
    Shift = 1,
    Control = 2,
    Alt = 4,
    AltGr = 8,
    /// <summary>The Windows/Super key.</summary>
    Super = 16,
}

/// <summary>
/// A key as the window server receives it from the input driver and passes it to the focused
/// window. <see cref="KeyCode"/> is the keyboard model's key number (scan code set 1 make code,
/// +0x80 for E0-prefixed keys; see Services/Input/Keyboard/Key.cs); <see cref="Character"/> the
/// Unicode scalar the layout gave (0 for none).
/// </summary>
public readonly struct UiKeyInput
{
    public UiKeyInput(ushort keyCode, bool pressed, UiModifiers modifiers, uint character)
    {
        KeyCode = keyCode;
        Pressed = pressed;
        Modifiers = modifiers;
        Character = character;
    }

    public ushort KeyCode { get; }

    public bool Pressed { get; }

    public UiModifiers Modifiers { get; }

    public uint Character { get; }
}

/// <summary>The few key numbers the server itself reacts to (same values as the keyboard model's Key).</summary>
public static class UiKeyCodes
{
    public const ushort T = 0x14;
    public const ushort Enter = 0x1C;
    public const ushort KeypadEnter = 0x80 | 0x1C;
}

/// <summary>The pointer's absolute position on the screen and the buttons held, with the wheel steps since the last one.</summary>
public readonly struct UiPointerInput
{
    public UiPointerInput(int x, int y, UiPointerButtons buttons, int wheel = 0)
    {
        X = x;
        Y = y;
        Buttons = buttons;
        Wheel = wheel;
    }

    public int X { get; }

    public int Y { get; }

    public UiPointerButtons Buttons { get; }

    public int Wheel { get; }
}
