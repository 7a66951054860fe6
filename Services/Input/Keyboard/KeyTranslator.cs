namespace CosmosHybrid.Services.Input.Keyboard;

/// <summary>
/// Turns key events into what a terminal expects to read: UTF-16 text for characters (the
/// layout's, with Shift, AltGr, Caps Lock and dead keys), control characters for Ctrl+letter,
/// and the xterm escape sequences for cursor, editing and function keys.
/// </summary>
public sealed class KeyTranslator
{
    private const string Escape = "\u001b";

    private KeyboardLayout _layout;
    private char _pendingDeadKey;

    public KeyTranslator(KeyboardLayout layout)
    {
        Layout = layout;
    }

    public KeyboardState State { get; } = new KeyboardState();

    /// <summary>The layout in use; switching drops a pending dead key.</summary>
    public KeyboardLayout Layout
    {
        get => _layout;
        set
        {
            _layout = value;
            State.RightAltIsAltGr = value.HasAltGr;
            _pendingDeadKey = '\0';
        }
    }

    /// <summary>What <paramref name="keyEvent"/> types, or null when it types nothing (a release, a modifier, a dead key).</summary>
    public string Translate(KeyEvent keyEvent)
    {
        if (State.Apply(keyEvent) || !keyEvent.Pressed)
            return null;
        KeyboardModifiers modifiers = State.Modifiers;
        string special = TranslateSpecial(keyEvent.Key, modifiers);
        if (special != null)
            return special;
        if (!TryGetCharacter(keyEvent.Key, modifiers, out char character, out bool isDead))
            return null;

        if ((modifiers & KeyboardModifiers.Control) != 0 && (modifiers & KeyboardModifiers.AltGr) == 0)
            return ControlCharacter(character);
        if (_pendingDeadKey != '\0')
        {
            char accent = _pendingDeadKey;
            _pendingDeadKey = '\0';
            return DeadKeys.Compose(accent, character);
        }
        if (isDead)
        {
            _pendingDeadKey = character;
            return null;
        }
        string text = character.ToString();
        return (modifiers & KeyboardModifiers.Alt) != 0 ? Escape + text : text;
    }

    private bool TryGetCharacter(Key key, KeyboardModifiers modifiers, out char character, out bool isDead)
    {
        bool shift = (modifiers & KeyboardModifiers.Shift) != 0;
        if ((modifiers & KeyboardModifiers.AltGr) != 0)
            return _layout.TryGetCharacter(key, KeyLevel.AltGr, out character, out isDead);

        // Caps Lock works on letters only: keys whose Shift character is the plain one in capitals.
        if ((modifiers & KeyboardModifiers.CapsLock) != 0
            && _layout.TryGetCharacter(key, KeyLevel.Plain, out char plain, out _)
            && _layout.TryGetCharacter(key, KeyLevel.Shift, out char shifted, out _)
            && char.IsLetter(plain) && char.ToUpperInvariant(plain) == shifted)
            shift = !shift;
        return _layout.TryGetCharacter(key, shift ? KeyLevel.Shift : KeyLevel.Plain, out character, out isDead);
    }

    // Ctrl+A..Z are 1..26; Ctrl+[ \ ] ^ _ are 27..31, Ctrl+Space is NUL.
    private static string ControlCharacter(char character)
    {
        char upper = char.ToUpperInvariant(character);
        if (upper >= '@' && upper <= '_')
            return ((char)(upper - '@')).ToString();
        if (character == ' ')
            return "\0";
        return character.ToString();
    }

    private static string TranslateSpecial(Key key, KeyboardModifiers modifiers)
    {
        bool numLock = (modifiers & KeyboardModifiers.NumLock) != 0;
        switch (key)
        {
            case Key.Enter:
            case Key.KeypadEnter: return "\r";
            case Key.Backspace: return "\u007f";
            case Key.Tab: return (modifiers & KeyboardModifiers.Shift) != 0 ? Escape + "[Z" : "\t";
            case Key.Escape: return Escape;
            case Key.Up: return Escape + "[A";
            case Key.Down: return Escape + "[B";
            case Key.Right: return Escape + "[C";
            case Key.Left: return Escape + "[D";
            case Key.Home: return Escape + "[H";
            case Key.End: return Escape + "[F";
            case Key.Insert: return Escape + "[2~";
            case Key.Delete: return Escape + "[3~";
            case Key.PageUp: return Escape + "[5~";
            case Key.PageDown: return Escape + "[6~";
            case Key.F1: return Escape + "OP";
            case Key.F2: return Escape + "OQ";
            case Key.F3: return Escape + "OR";
            case Key.F4: return Escape + "OS";
            case Key.F5: return Escape + "[15~";
            case Key.F6: return Escape + "[17~";
            case Key.F7: return Escape + "[18~";
            case Key.F8: return Escape + "[19~";
            case Key.F9: return Escape + "[20~";
            case Key.F10: return Escape + "[21~";
            case Key.F11: return Escape + "[23~";
            case Key.F12: return Escape + "[24~";
            case Key.KeypadDivide: return "/";
            case Key.KeypadMultiply: return "*";
            case Key.KeypadMinus: return "-";
            case Key.KeypadPlus: return "+";
            case Key.Keypad7: return numLock ? "7" : Escape + "[H";
            case Key.Keypad8: return numLock ? "8" : Escape + "[A";
            case Key.Keypad9: return numLock ? "9" : Escape + "[5~";
            case Key.Keypad4: return numLock ? "4" : Escape + "[D";
            case Key.Keypad5: return numLock ? "5" : null;
            case Key.Keypad6: return numLock ? "6" : Escape + "[C";
            case Key.Keypad1: return numLock ? "1" : Escape + "[F";
            case Key.Keypad2: return numLock ? "2" : Escape + "[B";
            case Key.Keypad3: return numLock ? "3" : Escape + "[6~";
            case Key.Keypad0: return numLock ? "0" : Escape + "[2~";
            case Key.KeypadPeriod: return numLock ? "." : Escape + "[3~";
            default: return null;
        }
    }
}
