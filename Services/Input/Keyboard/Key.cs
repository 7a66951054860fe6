namespace CosmosHybrid.Services.Input.Keyboard;

/// <summary>
/// A physical key, named by what it shows on a US keyboard (the key right of P is
/// <see cref="LeftBracket"/> whatever the layout prints on it). The values are the scan
/// code set 1 make codes; extended keys (E0 prefix) add 0x80.
/// </summary>
public enum Key : byte
{
    None = 0,
    Escape = 0x01,
    D1 = 0x02, D2, D3, D4, D5, D6, D7, D8, D9, D0,
    Minus = 0x0C,
    Equals = 0x0D,
    Backspace = 0x0E,
    Tab = 0x0F,
    Q = 0x10, W, E, R, T, Y, U, I, O, P,
    LeftBracket = 0x1A,
    RightBracket = 0x1B,
    Enter = 0x1C,
    LeftControl = 0x1D,
    A = 0x1E, S, D, F, G, H, J, K, L,
    Semicolon = 0x27,
    Apostrophe = 0x28,
    Grave = 0x29,
    LeftShift = 0x2A,
    /// <summary>Above Enter on ANSI keyboards; left of Enter (# on German and UK ones) on ISO.</summary>
    Backslash = 0x2B,
    Z = 0x2C, X, C, V, B, N, M,
    Comma = 0x33,
    Period = 0x34,
    Slash = 0x35,
    RightShift = 0x36,
    KeypadMultiply = 0x37,
    LeftAlt = 0x38,
    Space = 0x39,
    CapsLock = 0x3A,
    F1 = 0x3B, F2, F3, F4, F5, F6, F7, F8, F9, F10,
    NumLock = 0x45,
    ScrollLock = 0x46,
    Keypad7 = 0x47, Keypad8, Keypad9,
    KeypadMinus = 0x4A,
    Keypad4 = 0x4B, Keypad5, Keypad6,
    KeypadPlus = 0x4E,
    Keypad1 = 0x4F, Keypad2, Keypad3,
    Keypad0 = 0x52,
    KeypadPeriod = 0x53,
    /// <summary>The extra key of ISO keyboards, left of Z (&lt; &gt; on German and French ones).</summary>
    Iso102 = 0x56,
    F11 = 0x57,
    F12 = 0x58,

    // ---- extended (E0 xx): 0x80 | xx ----
    KeypadEnter = 0x80 | 0x1C,
    RightControl = 0x80 | 0x1D,
    KeypadDivide = 0x80 | 0x35,
    PrintScreen = 0x80 | 0x37,
    /// <summary>AltGr on international layouts.</summary>
    RightAlt = 0x80 | 0x38,
    Home = 0x80 | 0x47,
    Up = 0x80 | 0x48,
    PageUp = 0x80 | 0x49,
    Left = 0x80 | 0x4B,
    Right = 0x80 | 0x4D,
    End = 0x80 | 0x4F,
    Down = 0x80 | 0x50,
    PageDown = 0x80 | 0x51,
    Insert = 0x80 | 0x52,
    Delete = 0x80 | 0x53,
    LeftWindows = 0x80 | 0x5B,
    RightWindows = 0x80 | 0x5C,
    Menu = 0x80 | 0x5D,
    /// <summary>Pause/Break: sent as E1 1D 45 E1 9D C5, press only.</summary>
    Pause = 0x80 | 0x45,
}
