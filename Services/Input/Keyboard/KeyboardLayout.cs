namespace CosmosHybrid.Services.Input.Keyboard;

/// <summary>
/// What the character keys of one national layout type, on three levels (plain, Shift,
/// AltGr), and which of those are dead keys (an accent that waits for the next letter).
/// Only keys without the E0 prefix type characters, so the tables cover make codes below 0x80.
/// </summary>
public sealed class KeyboardLayout
{
    private const int KeyCount = 0x80;
    private const char NoCharacter = '\0';

    // Rows of the main block in the order a layout's strings list them, left to right.
    private static readonly Key[] s_numberRow =
        { Key.Grave, Key.D1, Key.D2, Key.D3, Key.D4, Key.D5, Key.D6, Key.D7, Key.D8, Key.D9, Key.D0, Key.Minus, Key.Equals };
    private static readonly Key[] s_topRow =
        { Key.Q, Key.W, Key.E, Key.R, Key.T, Key.Y, Key.U, Key.I, Key.O, Key.P, Key.LeftBracket, Key.RightBracket };
    private static readonly Key[] s_homeRow =
        { Key.A, Key.S, Key.D, Key.F, Key.G, Key.H, Key.J, Key.K, Key.L, Key.Semicolon, Key.Apostrophe, Key.Backslash };
    private static readonly Key[] s_bottomRow =
        { Key.Iso102, Key.Z, Key.X, Key.C, Key.V, Key.B, Key.N, Key.M, Key.Comma, Key.Period, Key.Slash };

    private readonly char[][] _levels = { new char[KeyCount], new char[KeyCount], new char[KeyCount] };
    private readonly bool[][] _dead = { new bool[KeyCount], new bool[KeyCount], new bool[KeyCount] };

    /// <summary>
    /// A layout from its four rows (number, top, home, bottom with the ISO key first), each
    /// given as the plain, Shift and AltGr characters in key order; a space in the AltGr
    /// string means "nothing". The space bar types a space on every level.
    /// </summary>
    public KeyboardLayout(string name, bool hasAltGr, string[] plain, string[] shift, string[] altGr)
    {
        Name = name;
        HasAltGr = hasAltGr;
        Key[][] rows = { s_numberRow, s_topRow, s_homeRow, s_bottomRow };
        for (int row = 0; row < rows.Length; row++)
        {
            Fill(KeyLevel.Plain, rows[row], plain[row]);
            Fill(KeyLevel.Shift, rows[row], shift[row]);
            if (altGr != null)
                Fill(KeyLevel.AltGr, rows[row], altGr[row]);
        }
        _levels[(int)KeyLevel.Plain][(int)Key.Space] = ' ';
        _levels[(int)KeyLevel.Shift][(int)Key.Space] = ' ';
    }

    /// <summary>The name `keymap` takes: "us", "de", "fr", "uk".</summary>
    public string Name { get; }

    /// <summary>Right Alt is AltGr (a third level) rather than a second Alt.</summary>
    public bool HasAltGr { get; }

    /// <summary>Marks a key's character on one level as a dead key.</summary>
    public KeyboardLayout WithDeadKey(Key key, KeyLevel level)
    {
        _dead[(int)level][(int)key] = true;
        return this;
    }

    /// <summary>The character <paramref name="key"/> types on <paramref name="level"/>; false when it types none.</summary>
    public bool TryGetCharacter(Key key, KeyLevel level, out char character, out bool isDead)
    {
        character = NoCharacter;
        isDead = false;
        if ((int)key >= KeyCount)
            return false;
        character = _levels[(int)level][(int)key];
        isDead = _dead[(int)level][(int)key];
        return character != NoCharacter;
    }

    private void Fill(KeyLevel level, Key[] keys, string characters)
    {
        for (int i = 0; i < keys.Length && i < characters.Length; i++)
        {
            char c = characters[i];
            if (level == KeyLevel.AltGr && c == ' ')
                continue;
            _levels[(int)level][(int)keys[i]] = c;
        }
    }
}

/// <summary>The three levels of a character key.</summary>
public enum KeyLevel
{
    Plain = 0,
    Shift = 1,
    AltGr = 2,
}
