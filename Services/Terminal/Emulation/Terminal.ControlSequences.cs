using System;

namespace CosmosHybrid.Services.Terminal.Emulation;

// Control sequences (CSI ... final).
public sealed partial class Terminal
{
    protected internal override void ControlSequenceDispatch(byte privateMarker, byte intermediate, ReadOnlySpan<int> parameters, byte final)
    {
        if (privateMarker == (byte)'?')
        {
            if (intermediate == 0 && (final == (byte)'h' || final == (byte)'l'))
            {
                for (int i = 0; i < parameters.Length; i++)
                {
                    SetPrivateMode(parameters[i], final == (byte)'h');
                }
            }

            return;
        }

        if (privateMarker == (byte)'>')
        {
            if (final == (byte)'c' && intermediate == 0 && Parameter(parameters, 0, 0) == 0)
            {
                // Secondary device attributes: a VT220, firmware version 10.
                Reply("\u001b[>1;10;0c");
            }

            return;
        }

        if (privateMarker == 0 && intermediate == (byte)'!' && final == (byte)'p')
        {
            SoftReset();
            return;
        }

        if (privateMarker != 0 || intermediate != 0)
        {
            return;
        }

        int count = Parameter(parameters, 0, 1);
        switch (final)
        {
            case (byte)'@':
                _pendingWrap = false;
                InsertCells(count);
                break;
            case (byte)'A':
                MoveUp(count);
                break;
            case (byte)'B':
            case (byte)'e':
                MoveDown(count);
                break;
            case (byte)'C':
            case (byte)'a':
                MoveTo(_row, _column + count);
                break;
            case (byte)'D':
                MoveTo(_row, _column - count);
                break;
            case (byte)'E':
                MoveDown(count);
                _column = 0;
                break;
            case (byte)'F':
                MoveUp(count);
                _column = 0;
                break;
            case (byte)'G':
            case (byte)'`':
                MoveTo(_row, count - 1);
                break;
            case (byte)'H':
            case (byte)'f':
                SetPosition(count - 1, Parameter(parameters, 1, 1) - 1);
                break;
            case (byte)'d':
                SetPosition(count - 1, _column);
                break;
            case (byte)'I':
                TabForward(count);
                break;
            case (byte)'Z':
                TabBackward(count);
                break;
            case (byte)'J':
                EraseInDisplay(Parameter(parameters, 0, 0));
                break;
            case (byte)'K':
                EraseInLine(Parameter(parameters, 0, 0));
                break;
            case (byte)'L':
                InsertOrDeleteLines(count, true);
                break;
            case (byte)'M':
                InsertOrDeleteLines(count, false);
                break;
            case (byte)'P':
                _pendingWrap = false;
                DeleteCells(count);
                break;
            case (byte)'X':
                _pendingWrap = false;
                EraseCells(_row, _column, _column + count);
                break;
            case (byte)'S':
                ScrollUp(_top, _bottom, count, true);
                break;
            case (byte)'T':
                // With five parameters this is xterm's mouse highlight tracking, not SD.
                if (parameters.Length <= 1)
                {
                    ScrollDown(_top, _bottom, count);
                }

                break;
            case (byte)'b':
                Repeat(count);
                break;
            case (byte)'c':
                if (Parameter(parameters, 0, 0) == 0)
                {
                    // Primary device attributes: a VT220 with ANSI colour.
                    Reply("\u001b[?62;22c");
                }

                break;
            case (byte)'g':
                ClearTabStops(Parameter(parameters, 0, 0));
                break;
            case (byte)'h':
            case (byte)'l':
                for (int i = 0; i < parameters.Length; i++)
                {
                    if (parameters[i] == 4)
                    {
                        InsertMode = final == (byte)'h';
                    }
                }

                break;
            case (byte)'m':
                SelectGraphicRendition(parameters);
                break;
            case (byte)'n':
                DeviceStatusReport(Parameter(parameters, 0, 0));
                break;
            case (byte)'r':
                SetScrollRegion(Parameter(parameters, 0, 1), Parameter(parameters, 1, Rows));
                break;
            case (byte)'s':
                SaveCursor();
                break;
            case (byte)'u':
                RestoreCursor();
                break;
        }
    }

    /// <summary>Parameter <paramref name="index"/>, or <paramref name="fallback"/> when omitted or 0 where 0 means the default.</summary>
    private static int Parameter(ReadOnlySpan<int> parameters, int index, int fallback)
    {
        if (index >= parameters.Length || parameters[index] < 0)
        {
            return fallback;
        }

        // For counts and positions (fallback 1), 0 means 1.
        int value = parameters[index];
        return value == 0 && fallback == 1 ? 1 : value;
    }

    /// <summary>CUU: stops at the top margin when the cursor is below it.</summary>
    private void MoveUp(int count)
    {
        int limit = _row >= _top ? _top : 0;
        MoveTo(_row - count < limit ? limit : _row - count, _column);
    }

    /// <summary>CUD: stops at the bottom margin when the cursor is above it.</summary>
    private void MoveDown(int count)
    {
        int limit = _row < _bottom ? _bottom - 1 : Rows - 1;
        MoveTo(_row + count > limit ? limit : _row + count, _column);
    }

    private void MoveTo(int row, int column)
    {
        _row = Clamp(row, 0, Rows - 1);
        _column = Clamp(column, 0, Columns - 1);
        _pendingWrap = false;
    }

    /// <summary>CUP, HVP, VPA: absolute, or within the scroll region in origin mode.</summary>
    private void SetPosition(int row, int column)
    {
        if (OriginMode)
        {
            MoveTo(Clamp(row + _top, _top, _bottom - 1), column);
        }
        else
        {
            MoveTo(row, column);
        }
    }

    /// <summary>DECSTBM; an invalid region (fewer than two rows) is ignored. The cursor goes home.</summary>
    private void SetScrollRegion(int top, int bottom)
    {
        if (bottom == 0 || bottom > Rows)
        {
            bottom = Rows;
        }

        if (top >= bottom)
        {
            return;
        }

        _top = top - 1;
        _bottom = bottom;
        SetPosition(0, 0);
    }

    /// <summary>REP: the last printed character again, at most a screenful.</summary>
    private void Repeat(int count)
    {
        if (_lastPrinted == 0)
        {
            return;
        }

        int limit = Rows * Columns;
        for (int i = 0; i < count && i < limit; i++)
        {
            PrintScalar(_lastPrinted);
        }
    }

    private void ClearTabStops(int mode)
    {
        if (mode == 0)
        {
            _tabStops[_column] = false;
        }
        else if (mode == 3)
        {
            for (int i = 0; i < _tabStops.Length; i++)
            {
                _tabStops[i] = false;
            }
        }
    }

    private void DeviceStatusReport(int request)
    {
        if (request == 5)
        {
            Reply("\u001b[0n");
        }
        else if (request == 6)
        {
            int row = OriginMode ? _row - _top : _row;
            Reply("\u001b[" + (row + 1).ToString() + ";" + (_column + 1).ToString() + "R");
        }
    }

    private void Reply(string text)
    {
        // Replies are ASCII.
        Span<byte> bytes = stackalloc byte[32];
        int length = text.Length < bytes.Length ? text.Length : bytes.Length;
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)text[i];
        }

        Replies.Enqueue(bytes.Slice(0, length));
    }

    private void SetPrivateMode(int mode, bool set)
    {
        switch (mode)
        {
            case 1:
                ApplicationCursorKeys = set;
                break;
            case 6:
                OriginMode = set;
                SetPosition(0, 0);
                break;
            case 7:
                AutoWrap = set;
                if (!set)
                {
                    _pendingWrap = false;
                }

                break;
            case 25:
                CursorVisible = set;
                break;
            case 47:
                SwitchScreen(set, false, false);
                break;
            case 1047:
                SwitchScreen(set, false, true);
                break;
            case 1049:
                SwitchScreen(set, true, true);
                break;
            case 2004:
                BracketedPaste = set;
                break;
        }
    }

    /// <summary>
    /// Shows the alternate screen (<paramref name="alternate"/>) or the main one again.
    /// 1049 saves the cursor before and restores it after; 1047 and 1049 clear the
    /// alternate screen (on entry for 1049, on exit for 1047).
    /// </summary>
    private void SwitchScreen(bool alternate, bool saveCursor, bool clear)
    {
        if (alternate == AlternateScreen)
        {
            return;
        }

        if (alternate)
        {
            if (saveCursor)
            {
                SaveCursor();
            }

            ViewOffset = 0;
            _screen = _alternate;
            if (clear && saveCursor)
            {
                ClearScreen(_alternate);
            }
        }
        else
        {
            if (clear && !saveCursor)
            {
                ClearScreen(_alternate);
            }

            _screen = _main;
            if (saveCursor)
            {
                RestoreCursor();
            }
        }

        Damage.MarkAll();
    }

    /// <summary>DECSTR (CSI ! p): modes, margins, rendition and the saved cursor reset; the text stays.</summary>
    private void SoftReset()
    {
        CursorVisible = true;
        AutoWrap = true;
        OriginMode = false;
        InsertMode = false;
        ApplicationCursorKeys = false;
        ApplicationKeypad = false;
        _top = 0;
        _bottom = Rows;
        _pendingWrap = false;
        _g0LineDrawing = false;
        _g1LineDrawing = false;
        _shifted = false;
        ResetRendition();
        if (AlternateScreen)
        {
            _savedAlternate = default;
        }
        else
        {
            _savedMain = default;
        }
    }

    private void ClearScreen(TerminalCell[][] screen)
    {
        for (int row = 0; row < Rows; row++)
        {
            Fill(screen[row], 0, Columns, TerminalCell.Blank(_background));
        }
    }
}
