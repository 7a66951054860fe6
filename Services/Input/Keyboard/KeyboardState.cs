namespace CosmosHybrid.Services.Input.Keyboard;

/// <summary>
/// Which modifiers are held and which locks are on, kept from the key events. Left and
/// right modifiers are counted apart, so releasing one Shift while the other is held
/// keeps Shift. The lock keys toggle on press (not on typematic repeats of the press).
/// </summary>
public sealed class KeyboardState
{
    private bool _leftShift, _rightShift, _leftControl, _rightControl, _leftAlt, _rightAlt;
    private bool _capsLock, _numLock, _scrollLock;
    private bool _capsHeld, _numHeld, _scrollHeld;

    /// <summary>Whether Right Alt is AltGr (international layouts) or a second Alt (US).</summary>
    public bool RightAltIsAltGr { get; set; }

    /// <summary>Bumped whenever a lock key changes, so a driver knows to set the LEDs.</summary>
    public int LockGeneration { get; private set; }

    public KeyboardModifiers Modifiers
    {
        get
        {
            var modifiers = KeyboardModifiers.None;
            if (_leftShift || _rightShift)
                modifiers |= KeyboardModifiers.Shift;
            if (_leftControl || _rightControl)
                modifiers |= KeyboardModifiers.Control;
            if (_leftAlt || (_rightAlt && !RightAltIsAltGr))
                modifiers |= KeyboardModifiers.Alt;
            if (_rightAlt && RightAltIsAltGr)
                modifiers |= KeyboardModifiers.AltGr;
            if (_capsLock)
                modifiers |= KeyboardModifiers.CapsLock;
            if (_numLock)
                modifiers |= KeyboardModifiers.NumLock;
            if (_scrollLock)
                modifiers |= KeyboardModifiers.ScrollLock;
            return modifiers;
        }
    }

    /// <summary>
    /// The LED byte of the keyboard's Set LEDs command (0xED): bit 0 Scroll Lock, bit 1
    /// Num Lock, bit 2 Caps Lock.
    /// </summary>
    public byte LedBits => (byte)((_scrollLock ? 1 : 0) | (_numLock ? 2 : 0) | (_capsLock ? 4 : 0));

    /// <summary>Takes a key event into account; true when it was a modifier or lock key (nothing to type).</summary>
    public bool Apply(KeyEvent keyEvent)
    {
        bool down = keyEvent.Pressed;
        switch (keyEvent.Key)
        {
            case Key.LeftShift: _leftShift = down; return true;
            case Key.RightShift: _rightShift = down; return true;
            case Key.LeftControl: _leftControl = down; return true;
            case Key.RightControl: _rightControl = down; return true;
            case Key.LeftAlt: _leftAlt = down; return true;
            case Key.RightAlt: _rightAlt = down; return true;
            case Key.CapsLock: Toggle(ref _capsLock, ref _capsHeld, down); return true;
            case Key.NumLock: Toggle(ref _numLock, ref _numHeld, down); return true;
            case Key.ScrollLock: Toggle(ref _scrollLock, ref _scrollHeld, down); return true;
            default: return false;
        }
    }

    private void Toggle(ref bool locked, ref bool held, bool down)
    {
        if (down && !held)
        {
            locked = !locked;
            LockGeneration++;
        }
        held = down;
    }
}
