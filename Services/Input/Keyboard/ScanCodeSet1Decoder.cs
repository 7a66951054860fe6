namespace CosmosHybrid.Services.Input.Keyboard;

/// <summary>
/// Turns the bytes an i8042 controller delivers (scan code set 1, which the controller's
/// translation makes of the keyboard's set 2) into key events, one byte at a time: E0
/// prefixes extended keys, E1 starts the six-byte Pause sequence, bit 7 marks a release.
/// The fake shifts some keyboards wrap around extended keys (E0 2A, E0 AA...) are dropped;
/// so are bytes that name no key, and a broken sequence resynchronises at the next byte.
/// </summary>
public sealed class ScanCodeSet1Decoder
{
    private const byte Extended = 0xE0;
    private const byte PauseStart = 0xE1;
    private const byte ReleaseBit = 0x80;

    // The keyboard's own replies (acknowledge, resend, overrun): not keys. Its self-test
    // result 0xAA reads as LeftShift's release, which is harmless.
    private const byte Acknowledge = 0xFA;
    private const byte Resend = 0xFE;

    private bool _extended;
    private int _pauseBytesLeft;

    /// <summary>Feeds one byte; true with the event when the byte completes one.</summary>
    public bool TryDecode(byte value, out KeyEvent keyEvent)
    {
        keyEvent = default;
        if (_pauseBytesLeft > 0)
        {
            // E1 1D 45 E1 9D C5: the press and the release come together; report the press once.
            _pauseBytesLeft--;
            if (_pauseBytesLeft == 0)
            {
                keyEvent = new KeyEvent(Key.Pause, pressed: true);
                return true;
            }
            return false;
        }
        switch (value)
        {
            case Extended:
                _extended = true;
                return false;
            case PauseStart:
                _extended = false;
                _pauseBytesLeft = 5;
                return false;
            case Acknowledge:
            case Resend:
            case 0x00:
            case 0xFF:
                _extended = false;
                return false;
        }

        bool extended = _extended;
        _extended = false;
        bool pressed = (value & ReleaseBit) == 0;
        byte code = (byte)(value & ~ReleaseBit);
        if (extended && (code == 0x2A || code == 0x36))
            return false; // a fake shift around an extended key
        Key key = extended ? (Key)(code | ReleaseBit) : (Key)code;
        if (!IsKnown(key))
            return false;
        keyEvent = new KeyEvent(key, pressed);
        return true;
    }

    private static bool IsKnown(Key key)
    {
        byte value = (byte)key;
        if (value < 0x80)
            return value != 0 && (value <= (byte)Key.KeypadPeriod || value == (byte)Key.Iso102 || value == (byte)Key.F11 || value == (byte)Key.F12);
        switch (key)
        {
            case Key.KeypadEnter:
            case Key.RightControl:
            case Key.KeypadDivide:
            case Key.PrintScreen:
            case Key.RightAlt:
            case Key.Home:
            case Key.Up:
            case Key.PageUp:
            case Key.Left:
            case Key.Right:
            case Key.End:
            case Key.Down:
            case Key.PageDown:
            case Key.Insert:
            case Key.Delete:
            case Key.LeftWindows:
            case Key.RightWindows:
            case Key.Menu:
                return true;
            default:
                return false;
        }
    }
}
