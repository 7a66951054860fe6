using System;

namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// Splits the byte stream a program writes to its terminal into text, C0 controls, escape
/// sequences, control sequences (CSI) and operating system commands (OSC), in the manner of
/// the DEC VT500 parser state machine. Text is UTF-8.
/// </summary>
/// <remarks>
/// The parser holds a fixed amount of state whatever it is fed: at most
/// <see cref="MaxParameters"/> parameters, each capped at <see cref="MaxParameterValue"/>, and
/// at most <see cref="MaxStringLength"/> bytes of a command string; anything beyond is
/// dropped. CAN and SUB abort a sequence, ESC starts a new one from any state. A colon
/// (sub-parameter separator) is read like a semicolon. C1 controls are not recognised:
/// in UTF-8 their bytes are parts of characters.
/// </remarks>
public sealed class EscapeSequenceParser
{
    public const int MaxParameters = 16;
    public const int MaxParameterValue = 65535;
    public const int MaxStringLength = 512;

    private const byte Escape = 0x1B;
    private const byte Bell = 0x07;
    private const byte Cancel = 0x18;
    private const byte Substitute = 0x1A;
    private const byte Delete = 0x7F;

    private readonly TerminalParserHandler _handler;
    private readonly int[] _parameters = new int[MaxParameters];
    private readonly byte[] _string = new byte[MaxStringLength];
    private Utf8StreamDecoder _utf8;
    private int _parameterCount;
    private int _stringLength;
    private byte _privateMarker;
    private byte _intermediate;

    public EscapeSequenceParser(TerminalParserHandler handler)
    {
        _handler = handler;
    }

    public ParserState State { get; private set; }

    /// <summary>Feeds bytes written by the program.</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            // Runs of plain ASCII text, most of any output, go to the screen in one call.
            if (State == ParserState.Ground && !_utf8.IsPending)
            {
                int start = i;
                while (i < bytes.Length && bytes[i] >= 0x20 && bytes[i] < Delete)
                {
                    i++;
                }

                if (i > start)
                {
                    _handler.PrintAscii(bytes.Slice(start, i - start));
                    continue;
                }
            }

            Feed(bytes[i]);
            i++;
        }
    }

    /// <summary>Feeds one byte.</summary>
    public void Feed(byte value)
    {
        if (State == ParserState.Ground && (value >= 0x80 || _utf8.IsPending))
        {
            if (FeedText(value))
            {
                return;
            }
        }

        // Transitions from any state.
        if (value == Cancel || value == Substitute)
        {
            State = ParserState.Ground;
            return;
        }

        if (value == Escape)
        {
            if (State == ParserState.OperatingSystemCommand)
            {
                DispatchString();
            }

            EnterEscape();
            return;
        }

        switch (State)
        {
            case ParserState.Ground:
                Ground(value);
                break;
            case ParserState.Escape:
                InEscape(value);
                break;
            case ParserState.EscapeIntermediate:
                InEscapeIntermediate(value);
                break;
            case ParserState.ControlSequenceEntry:
            case ParserState.ControlSequenceParameter:
            case ParserState.ControlSequenceIntermediate:
            case ParserState.ControlSequenceIgnore:
                InControlSequence(value);
                break;
            case ParserState.OperatingSystemCommand:
                InOperatingSystemCommand(value);
                break;
            default:
                // StringIgnore: only ESC (the start of ST), CAN and SUB end it, handled above.
                break;
        }
    }

    /// <summary>Decodes a text byte; false when the byte must still be handled as a control.</summary>
    private bool FeedText(byte value)
    {
        while (true)
        {
            Utf8DecodeResult result = _utf8.Decode(value, out int scalar);
            switch (result)
            {
                case Utf8DecodeResult.Pending:
                    return true;
                case Utf8DecodeResult.Scalar:
                    if (scalar < 0x20 || scalar == Delete)
                    {
                        return false;
                    }

                    PrintScalar(scalar);
                    return true;
                case Utf8DecodeResult.Invalid:
                    _handler.Print(Utf8StreamDecoder.ReplacementCharacter);
                    return true;
                default:
                    _handler.Print(Utf8StreamDecoder.ReplacementCharacter);
                    if (value < 0x80)
                    {
                        // An ASCII byte cut the sequence short: it is itself text or a control.
                        return false;
                    }

                    break;
            }
        }
    }

    private void PrintScalar(int scalar)
    {
        // C1 controls (U+0080..U+009F) have no glyphs and are not acted on.
        if (scalar >= 0x80 && scalar < 0xA0)
        {
            return;
        }

        _handler.Print(scalar);
    }

    private void Ground(byte value)
    {
        if (value < 0x20)
        {
            _handler.Execute(value);
        }
        else if (value != Delete)
        {
            _handler.Print(value);
        }
    }

    private void EnterEscape()
    {
        State = ParserState.Escape;
        _intermediate = 0;
        _privateMarker = 0;
        _parameterCount = 0;
        _stringLength = 0;
        _utf8.Reset();
    }

    private void InEscape(byte value)
    {
        if (value < 0x20)
        {
            _handler.Execute(value);
            return;
        }

        switch (value)
        {
            case (byte)'[':
                State = ParserState.ControlSequenceEntry;
                _parameters[0] = -1;
                return;
            case (byte)']':
                State = ParserState.OperatingSystemCommand;
                return;
            case (byte)'P':
            case (byte)'X':
            case (byte)'^':
            case (byte)'_':
                State = ParserState.StringIgnore;
                return;
        }

        if (value < 0x30)
        {
            _intermediate = value;
            State = ParserState.EscapeIntermediate;
        }
        else if (value < Delete)
        {
            State = ParserState.Ground;
            _handler.EscapeDispatch(0, value);
        }
        else if (value > Delete)
        {
            State = ParserState.Ground;
        }
    }

    private void InEscapeIntermediate(byte value)
    {
        if (value < 0x20)
        {
            _handler.Execute(value);
        }
        else if (value < 0x30)
        {
            // A second intermediate: none of the sequences acted on has one.
            _intermediate = 0xFF;
        }
        else if (value < Delete)
        {
            State = ParserState.Ground;
            if (_intermediate != 0xFF)
            {
                _handler.EscapeDispatch(_intermediate, value);
            }
        }
        else if (value > Delete)
        {
            State = ParserState.Ground;
        }
    }

    private void InControlSequence(byte value)
    {
        if (value < 0x20)
        {
            _handler.Execute(value);
            return;
        }

        if (value >= 0x40 && value < Delete)
        {
            bool ignored = State == ParserState.ControlSequenceIgnore;
            State = ParserState.Ground;
            if (!ignored)
            {
                int count = _parameterCount == 0 && _parameters[0] == -1 ? 0 : _parameterCount + 1;
                if (count > MaxParameters)
                {
                    count = MaxParameters;
                }

                _handler.ControlSequenceDispatch(_privateMarker, _intermediate, new ReadOnlySpan<int>(_parameters, 0, count), value);
            }

            return;
        }

        if (State == ParserState.ControlSequenceIgnore || value == Delete)
        {
            return;
        }

        if (value > Delete)
        {
            State = ParserState.ControlSequenceIgnore;
        }
        else if (value >= (byte)'0' && value <= (byte)'9')
        {
            if (State == ParserState.ControlSequenceIntermediate)
            {
                State = ParserState.ControlSequenceIgnore;
                return;
            }

            State = ParserState.ControlSequenceParameter;
            AddDigit(value - '0');
        }
        else if (value == (byte)';' || value == (byte)':')
        {
            if (State == ParserState.ControlSequenceIntermediate)
            {
                State = ParserState.ControlSequenceIgnore;
                return;
            }

            State = ParserState.ControlSequenceParameter;
            NextParameter();
        }
        else if (value >= 0x3C && value <= 0x3F)
        {
            // A private marker ('<', '=', '>', '?') is valid only right after CSI.
            if (State == ParserState.ControlSequenceEntry)
            {
                _privateMarker = value;
                State = ParserState.ControlSequenceParameter;
            }
            else
            {
                State = ParserState.ControlSequenceIgnore;
            }
        }
        else
        {
            // An intermediate (0x20-0x2F); a second one makes a sequence nothing here knows.
            if (State == ParserState.ControlSequenceIntermediate)
            {
                State = ParserState.ControlSequenceIgnore;
                return;
            }

            _intermediate = value;
            State = ParserState.ControlSequenceIntermediate;
        }
    }

    private void AddDigit(int digit)
    {
        if (_parameterCount >= MaxParameters)
        {
            return;
        }

        int current = _parameters[_parameterCount];
        int next = current < 0 ? digit : current * 10 + digit;
        _parameters[_parameterCount] = next > MaxParameterValue ? MaxParameterValue : next;
    }

    private void NextParameter()
    {
        // Parameters past the limit are read and dropped.
        if (_parameterCount < MaxParameters)
        {
            _parameterCount++;
        }

        if (_parameterCount < MaxParameters)
        {
            _parameters[_parameterCount] = -1;
        }
    }

    private void InOperatingSystemCommand(byte value)
    {
        if (value == Bell)
        {
            DispatchString();
            State = ParserState.Ground;
            return;
        }

        if (value < 0x20)
        {
            return;
        }

        if (_stringLength < MaxStringLength)
        {
            _string[_stringLength++] = value;
        }
    }

    private void DispatchString()
    {
        _handler.OperatingSystemCommand(new ReadOnlySpan<byte>(_string, 0, _stringLength));
        _stringLength = 0;
    }
}
