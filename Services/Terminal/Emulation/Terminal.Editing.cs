using System;

namespace CosmosHybrid.Services.Terminal.Emulation;

// Printing, line feeds, scrolling and the erase/insert/delete operations on the grid.
public sealed partial class Terminal
{
    protected internal override void PrintAscii(ReadOnlySpan<byte> text)
    {
        if (_shifted ? _g1LineDrawing : _g0LineDrawing)
        {
            base.PrintAscii(text);
            return;
        }

        for (int i = 0; i < text.Length; i++)
        {
            PrintScalar(text[i]);
        }
    }

    protected internal override void Print(int scalar)
    {
        if ((_shifted ? _g1LineDrawing : _g0LineDrawing) && scalar >= 0x5F && scalar <= 0x7E)
        {
            scalar = LineDrawing.Map(scalar);
        }

        PrintScalar(scalar);
    }

    private void PrintScalar(int scalar)
    {
        if (_pendingWrap && AutoWrap)
        {
            _column = 0;
            LineFeed();
        }

        _pendingWrap = false;
        if (InsertMode)
        {
            InsertCells(1);
        }

        _screen[_row][_column] = new TerminalCell(scalar, _foreground, _background, _attributes);
        Damage.MarkCell(_row, _column);
        _lastPrinted = scalar;
        if (_column == Columns - 1)
        {
            // The cursor stays on the last column until the next character arrives, so a
            // line that exactly fills the width does not leave an empty line after it.
            _pendingWrap = AutoWrap;
        }
        else
        {
            _column++;
        }
    }

    /// <summary>LF, VT, FF and IND: down one row, scrolling the region at its bottom margin.</summary>
    private void LineFeed()
    {
        _pendingWrap = false;
        if (_row == _bottom - 1)
        {
            ScrollUp(_top, _bottom, 1, true);
        }
        else if (_row < Rows - 1)
        {
            _row++;
        }
    }

    /// <summary>RI: up one row, scrolling the region down at its top margin.</summary>
    private void ReverseIndex()
    {
        _pendingWrap = false;
        if (_row == _top)
        {
            ScrollDown(_top, _bottom, 1);
        }
        else if (_row > 0)
        {
            _row--;
        }
    }

    /// <summary>
    /// Moves rows [top, bottom) up by <paramref name="count"/>, blank rows entering at the
    /// bottom. Rows leaving the top of the main screen go to the scroll-back when
    /// <paramref name="keep"/> (not for DL, which deletes).
    /// </summary>
    private void ScrollUp(int top, int bottom, int count, bool keep)
    {
        int height = bottom - top;
        if (count > height)
        {
            count = height;
        }

        if (count <= 0)
        {
            return;
        }

        bool toScrollback = keep && top == 0 && _screen == _main;
        for (int i = 0; i < count; i++)
        {
            _scratch[i] = _screen[top + i];
        }

        for (int row = top; row < bottom - count; row++)
        {
            _screen[row] = _screen[row + count];
        }

        for (int i = 0; i < count; i++)
        {
            TerminalCell[] line = _scratch[i];
            _scratch[i] = null;
            if (toScrollback)
            {
                line = _scrollback.Push(line);
                if (line == null || line.Length != Columns)
                {
                    line = new TerminalCell[Columns];
                }
            }

            Fill(line, 0, Columns, TerminalCell.Blank(_background));
            _screen[bottom - count + i] = line;
        }

        Damage.Scroll(top, bottom, count);
    }

    /// <summary>Moves rows [top, bottom) down by <paramref name="count"/>, blank rows entering at the top.</summary>
    private void ScrollDown(int top, int bottom, int count)
    {
        int height = bottom - top;
        if (count > height)
        {
            count = height;
        }

        if (count <= 0)
        {
            return;
        }

        for (int i = 0; i < count; i++)
        {
            _scratch[i] = _screen[bottom - count + i];
        }

        for (int row = bottom - 1; row >= top + count; row--)
        {
            _screen[row] = _screen[row - count];
        }

        for (int i = 0; i < count; i++)
        {
            TerminalCell[] line = _scratch[i];
            _scratch[i] = null;
            Fill(line, 0, Columns, TerminalCell.Blank(_background));
            _screen[top + i] = line;
        }

        Damage.Scroll(top, bottom, -count);
    }

    /// <summary>Blanks columns [first, end) of screen row <paramref name="row"/>.</summary>
    private void EraseCells(int row, int first, int end)
    {
        if (first < 0)
        {
            first = 0;
        }

        if (end > Columns)
        {
            end = Columns;
        }

        if (end <= first)
        {
            return;
        }

        Fill(_screen[row], first, end, TerminalCell.Blank(_background));
        Damage.MarkCells(row, first, end);
    }

    private void EraseInLine(int mode)
    {
        _pendingWrap = false;
        switch (mode)
        {
            case 0:
                EraseCells(_row, _column, Columns);
                break;
            case 1:
                EraseCells(_row, 0, _column + 1);
                break;
            case 2:
                EraseCells(_row, 0, Columns);
                break;
        }
    }

    private void EraseInDisplay(int mode)
    {
        _pendingWrap = false;
        switch (mode)
        {
            case 0:
                EraseCells(_row, _column, Columns);
                for (int row = _row + 1; row < Rows; row++)
                {
                    EraseCells(row, 0, Columns);
                }

                break;
            case 1:
                for (int row = 0; row < _row; row++)
                {
                    EraseCells(row, 0, Columns);
                }

                EraseCells(_row, 0, _column + 1);
                break;
            case 2:
                for (int row = 0; row < Rows; row++)
                {
                    EraseCells(row, 0, Columns);
                }

                break;
            case 3:
                // xterm: erase the saved lines only.
                _scrollback.Clear();
                break;
        }
    }

    /// <summary>ICH: blanks at the cursor, the rest of the line moving right (and off its end).</summary>
    private void InsertCells(int count)
    {
        TerminalCell[] line = _screen[_row];
        if (count > Columns - _column)
        {
            count = Columns - _column;
        }

        for (int i = Columns - 1; i >= _column + count; i--)
        {
            line[i] = line[i - count];
        }

        Fill(line, _column, _column + count, TerminalCell.Blank(_background));
        Damage.MarkCells(_row, _column, Columns);
    }

    /// <summary>DCH: the cells at the cursor go, the rest of the line moving left, blanks entering at the end.</summary>
    private void DeleteCells(int count)
    {
        TerminalCell[] line = _screen[_row];
        if (count > Columns - _column)
        {
            count = Columns - _column;
        }

        for (int i = _column; i < Columns - count; i++)
        {
            line[i] = line[i + count];
        }

        Fill(line, Columns - count, Columns, TerminalCell.Blank(_background));
        Damage.MarkCells(_row, _column, Columns);
    }

    /// <summary>IL / DL: only inside the scroll region; the cursor goes to the line's start.</summary>
    private void InsertOrDeleteLines(int count, bool insert)
    {
        if (_row < _top || _row >= _bottom)
        {
            return;
        }

        _pendingWrap = false;
        _column = 0;
        if (insert)
        {
            ScrollDown(_row, _bottom, count);
        }
        else
        {
            ScrollUp(_row, _bottom, count, false);
        }
    }

    /// <summary>DECALN (ESC # 8): the screen full of 'E', margins reset, cursor home.</summary>
    private void FillWithE()
    {
        for (int row = 0; row < Rows; row++)
        {
            Fill(_screen[row], 0, Columns, new TerminalCell('E', TerminalColor.Default, TerminalColor.Default, CellAttributes.None));
        }

        _top = 0;
        _bottom = Rows;
        _row = 0;
        _column = 0;
        _pendingWrap = false;
        Damage.MarkAll();
    }

    private static void Fill(TerminalCell[] line, int first, int end, TerminalCell cell)
    {
        for (int i = first; i < end; i++)
        {
            line[i] = cell;
        }
    }
}
