namespace CosmosHybrid.Services.Terminal.Emulation;

// C0 controls and escape sequences (ESC final).
public sealed partial class Terminal
{
    protected internal override void Execute(byte control)
    {
        switch (control)
        {
            case 0x07:
                BellCount++;
                break;
            case 0x08:
                // Backspace from a pending wrap stays on the line (xterm).
                _pendingWrap = false;
                if (_column > 0)
                {
                    _column--;
                }

                break;
            case 0x09:
                TabForward(1);
                break;
            case 0x0A:
            case 0x0B:
            case 0x0C:
                LineFeed();
                break;
            case 0x0D:
                _column = 0;
                _pendingWrap = false;
                break;
            case 0x0E:
                _shifted = true;
                break;
            case 0x0F:
                _shifted = false;
                break;
        }
    }

    protected internal override void EscapeDispatch(byte intermediate, byte final)
    {
        if (intermediate == (byte)'(' || intermediate == (byte)')')
        {
            // Character set designation: only DEC special graphics ('0') differs from ASCII.
            bool lineDrawing = final == (byte)'0';
            if (intermediate == (byte)'(')
            {
                _g0LineDrawing = lineDrawing;
            }
            else
            {
                _g1LineDrawing = lineDrawing;
            }

            return;
        }

        if (intermediate == (byte)'#')
        {
            if (final == (byte)'8')
            {
                FillWithE();
            }

            return;
        }

        if (intermediate != 0)
        {
            return;
        }

        switch (final)
        {
            case (byte)'7':
                SaveCursor();
                break;
            case (byte)'8':
                RestoreCursor();
                break;
            case (byte)'D':
                LineFeed();
                break;
            case (byte)'E':
                _column = 0;
                LineFeed();
                break;
            case (byte)'M':
                ReverseIndex();
                break;
            case (byte)'H':
                _tabStops[_column] = true;
                break;
            case (byte)'c':
                FullReset();
                break;
            case (byte)'=':
                ApplicationKeypad = true;
                break;
            case (byte)'>':
                ApplicationKeypad = false;
                break;
        }
    }

    private void TabForward(int count)
    {
        _pendingWrap = false;
        for (int i = 0; i < count && _column < Columns - 1; i++)
        {
            _column++;
            while (_column < Columns - 1 && !_tabStops[_column])
            {
                _column++;
            }
        }
    }

    private void TabBackward(int count)
    {
        _pendingWrap = false;
        for (int i = 0; i < count && _column > 0; i++)
        {
            _column--;
            while (_column > 0 && !_tabStops[_column])
            {
                _column--;
            }
        }
    }

    private void SaveCursor()
    {
        SavedCursor saved = default;
        saved.IsSet = true;
        saved.Row = _row;
        saved.Column = _column;
        saved.PendingWrap = _pendingWrap;
        saved.Foreground = _foreground;
        saved.Background = _background;
        saved.Attributes = _attributes;
        saved.OriginMode = OriginMode;
        saved.G0LineDrawing = _g0LineDrawing;
        saved.G1LineDrawing = _g1LineDrawing;
        saved.Shifted = _shifted;
        if (AlternateScreen)
        {
            _savedAlternate = saved;
        }
        else
        {
            _savedMain = saved;
        }
    }

    /// <summary>DECRC; with nothing saved, the cursor goes home with the default rendition (xterm).</summary>
    private void RestoreCursor()
    {
        SavedCursor saved = AlternateScreen ? _savedAlternate : _savedMain;
        _row = saved.Row;
        _column = saved.Column;
        _pendingWrap = saved.PendingWrap;
        _foreground = saved.Foreground;
        _background = saved.Background;
        _attributes = saved.Attributes;
        OriginMode = saved.OriginMode;
        _g0LineDrawing = saved.G0LineDrawing;
        _g1LineDrawing = saved.G1LineDrawing;
        _shifted = saved.Shifted;
    }

    /// <summary>RIS (ESC c): both screens cleared, every mode back to its default; the scroll-back stays.</summary>
    private void FullReset()
    {
        _screen = _main;
        ResetState();
        for (int row = 0; row < Rows; row++)
        {
            Fill(_main[row], 0, Columns, default);
            Fill(_alternate[row], 0, Columns, default);
        }

        ViewOffset = 0;
        Replies.Clear();
        Damage.MarkAll();
    }
}
