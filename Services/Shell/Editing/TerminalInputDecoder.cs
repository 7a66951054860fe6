using System;
using CosmosHybrid.Services.Abi.Text;

namespace CosmosHybrid.Services.Shell.Editing;

/// <summary>
/// Turns the bytes a terminal sends (UTF-8 text, control characters, and the VT100/xterm
/// sequences of cursor and editing keys: ESC [ A, ESC O H, ESC [ 3 ~...) into editing keys,
/// one byte at a time. Ill-formed UTF-8 and unknown sequences are dropped whole.
/// </summary>
public sealed class TerminalInputDecoder
{
    private const byte Escape = 0x1B;

    private enum State { Ground, Escape, ControlSequence, SingleShift }

    private readonly byte[] _utf8 = new byte[4];
    private int _utf8Length;
    private int _utf8Expected;
    private State _state;
    private int _parameter;

    /// <summary>Feeds one byte; true with the key when the byte completes one.</summary>
    public bool TryDecode(byte value, out EditKey key)
    {
        key = default;
        switch (_state)
        {
            case State.Escape:
                _state = value == '[' ? State.ControlSequence : value == 'O' ? State.SingleShift : State.Ground;
                _parameter = 0;
                return false;
            case State.SingleShift:
                _state = State.Ground;
                return TryFinalByte(value, 0, out key);
            case State.ControlSequence:
                if (value >= '0' && value <= '9')
                {
                    _parameter = Math.Min(_parameter * 10 + (value - '0'), 1000);
                    return false;
                }
                if (value == ';')
                    return false; // modifiers (ESC [ 1 ; 5 C): the key is what counts
                _state = State.Ground;
                return TryFinalByte(value, _parameter, out key);
        }

        if (_utf8Expected > 0)
            return ContinueCharacter(value, out key);
        switch (value)
        {
            case Escape: _state = State.Escape; return false;
            case (byte)'\r':
            case (byte)'\n': key = new EditKey(EditKeyKind.Enter); return true;
            case 0x7F:
            case (byte)'\b': key = new EditKey(EditKeyKind.Backspace); return true;
            case (byte)'\t': key = new EditKey(EditKeyKind.Complete); return true;
            case 0x01: key = new EditKey(EditKeyKind.Home); return true;            // Ctrl+A
            case 0x02: key = new EditKey(EditKeyKind.Left); return true;            // Ctrl+B
            case 0x03: key = new EditKey(EditKeyKind.Cancel); return true;          // Ctrl+C
            case 0x05: key = new EditKey(EditKeyKind.End); return true;             // Ctrl+E
            case 0x06: key = new EditKey(EditKeyKind.Right); return true;           // Ctrl+F
            case 0x0E: key = new EditKey(EditKeyKind.HistoryNext); return true;     // Ctrl+N
            case 0x10: key = new EditKey(EditKeyKind.HistoryPrevious); return true; // Ctrl+P
            case 0x15: key = new EditKey(EditKeyKind.ClearLine); return true;       // Ctrl+U
        }
        if (value < 0x20)
            return false;
        if (value < 0x80)
        {
            key = new EditKey(EditKeyKind.Text, ((char)value).ToString());
            return true;
        }
        _utf8Expected = value >= 0xC2 && value <= 0xDF ? 2 : value >= 0xE0 && value <= 0xEF ? 3 : value >= 0xF0 && value <= 0xF4 ? 4 : 0;
        _utf8[0] = value;
        _utf8Length = 1;
        return false;
    }

    private bool ContinueCharacter(byte value, out EditKey key)
    {
        key = default;
        if ((value & 0xC0) != 0x80)
        {
            // Not a continuation byte: the broken character is dropped, the byte starts afresh.
            _utf8Expected = 0;
            return TryDecode(value, out key);
        }
        _utf8[_utf8Length++] = value;
        if (_utf8Length < _utf8Expected)
            return false;
        _utf8Expected = 0;
        var character = new ReadOnlySpan<byte>(_utf8, 0, _utf8Length);
        if (!Utf8.IsValid(character))
            return false;
        key = new EditKey(EditKeyKind.Text, Utf8.GetString(character));
        return true;
    }

    private static bool TryFinalByte(byte value, int parameter, out EditKey key)
    {
        EditKeyKind kind;
        switch (value)
        {
            case (byte)'A': kind = EditKeyKind.HistoryPrevious; break;
            case (byte)'B': kind = EditKeyKind.HistoryNext; break;
            case (byte)'C': kind = EditKeyKind.Right; break;
            case (byte)'D': kind = EditKeyKind.Left; break;
            case (byte)'H': kind = EditKeyKind.Home; break;
            case (byte)'F': kind = EditKeyKind.End; break;
            case (byte)'~' when parameter == 1 || parameter == 7: kind = EditKeyKind.Home; break;
            case (byte)'~' when parameter == 4 || parameter == 8: kind = EditKeyKind.End; break;
            case (byte)'~' when parameter == 3: kind = EditKeyKind.Delete; break;
            default:
                key = default;
                return false;
        }
        key = new EditKey(kind);
        return true;
    }
}
