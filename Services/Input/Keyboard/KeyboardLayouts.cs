namespace CosmosHybrid.Services.Input.Keyboard;

/// <summary>The layouts `keymap` offers: US, UK, German and French (as their PC keyboards print them).</summary>
public static class KeyboardLayouts
{
    public static readonly string[] Names = { "us", "uk", "de", "fr" };

    /// <summary>The layout called <paramref name="name"/>, or null when there is none.</summary>
    public static KeyboardLayout Find(string name) => name switch
    {
        "us" => UnitedStates(),
        "uk" => UnitedKingdom(),
        "de" => German(),
        "fr" => French(),
        _ => null,
    };

    public static KeyboardLayout UnitedStates() => new KeyboardLayout("us", hasAltGr: false,
        new[] { "`1234567890-=", "qwertyuiop[]", "asdfghjkl;'\\", "\\zxcvbnm,./" },
        new[] { "~!@#$%^&*()_+", "QWERTYUIOP{}", "ASDFGHJKL:\"|", "|ZXCVBNM<>?" },
        null);

    public static KeyboardLayout UnitedKingdom() => new KeyboardLayout("uk", hasAltGr: true,
        new[] { "`1234567890-=", "qwertyuiop[]", "asdfghjkl;'#", "\\zxcvbnm,./" },
        new[] { "¬!\"£$%^&*()_+", "QWERTYUIOP{}", "ASDFGHJKL:@~", "|ZXCVBNM<>?" },
        new[] { "¦   €", "  é", "á", "" });

    public static KeyboardLayout German() => new KeyboardLayout("de", hasAltGr: true,
            new[] { "^1234567890ß´", "qwertzuiopü+", "asdfghjklöä#", "<yxcvbnm,.-" },
            new[] { "°!\"§$%&/()=?`", "QWERTZUIOPÜ*", "ASDFGHJKLÖÄ'", ">YXCVBNM;:_" },
            new[] { "  ²³   {[]}\\", "@ €        ~", "", "|      µ" })
        .WithDeadKey(Key.Grave, KeyLevel.Plain)     // ^
        .WithDeadKey(Key.Equals, KeyLevel.Plain)    // ´
        .WithDeadKey(Key.Equals, KeyLevel.Shift);   // `

    public static KeyboardLayout French() => new KeyboardLayout("fr", hasAltGr: true,
            new[] { "²&é\"'(-è_çà)=", "azertyuiop^$", "qsdfghjklmù*", "<wxcvbn,;:!" },
            new[] { "³1234567890°+", "AZERTYUIOP¨£", "QSDFGHJKLM%µ", ">WXCVBN?./§" },
            new[] { "  ~#{[|`\\^@]}", "  €        ¤", "", "" })
        .WithDeadKey(Key.LeftBracket, KeyLevel.Plain)   // ^
        .WithDeadKey(Key.LeftBracket, KeyLevel.Shift)   // ¨
        .WithDeadKey(Key.D2, KeyLevel.AltGr)            // ~
        .WithDeadKey(Key.D7, KeyLevel.AltGr);           // `
}
