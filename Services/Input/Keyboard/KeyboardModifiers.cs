using System;

namespace CosmosHybrid.Services.Input.Keyboard;

/// <summary>The modifier keys held and the lock keys on.</summary>
[Flags]
public enum KeyboardModifiers
{
    None = 0,
    Shift = 1,
    Control = 2,
    Alt = 4,
    /// <summary>Right Alt on international layouts (the third level: € @ { } on German keys).</summary>
    AltGr = 8,
    CapsLock = 16,
    NumLock = 32,
    ScrollLock = 64,
}
