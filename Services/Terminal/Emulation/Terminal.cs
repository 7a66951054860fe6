using System;

namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// A VT100/xterm terminal without hardware: the bytes a program writes go in through
/// <see cref="Write"/>, and out come a grid of cells (<see cref="GetViewCell"/>), the
/// cursor, what changed (<see cref="Damage"/>) and the answers the program asked for
/// (<see cref="Replies"/>). Scroll-back keeps the lines that scrolled off the main screen;
/// <see cref="ScrollView"/> looks at them, and any output returns the view to the bottom.
/// </summary>
/// <remarks>
/// Every character takes one cell, wide and combining ones included. Lines are not
/// re-wrapped when the size changes.
/// </remarks>
public sealed partial class Terminal : TerminalParserHandler
{
    public const int DefaultScrollbackLines = 1000;
    public const int MaxColumns = 1024;
    public const int MaxRows = 512;

    private readonly EscapeSequenceParser _parser;
    private readonly ScrollbackBuffer _scrollback;
    private TerminalCell[][] _main;
    private TerminalCell[][] _alternate;
    private TerminalCell[][] _screen;
    private TerminalCell[][] _scratch;
    private bool[] _tabStops;

    // The cursor and the pen (the rendition of the next character).
    private int _row;
    private int _column;
    private bool _pendingWrap;
    private TerminalColor _foreground;
    private TerminalColor _background;
    private CellAttributes _attributes;

    // The scroll region: rows [_top, _bottom).
    private int _top;
    private int _bottom;

    private SavedCursor _savedMain;
    private SavedCursor _savedAlternate;
    private int _lastPrinted;
    private bool _g0LineDrawing;
    private bool _g1LineDrawing;
    private bool _shifted;

    public Terminal(int columns, int rows, int scrollbackLines = DefaultScrollbackLines)
    {
        Columns = Clamp(columns, 1, MaxColumns);
        Rows = Clamp(rows, 1, MaxRows);
        _parser = new EscapeSequenceParser(this);
        _scrollback = new ScrollbackBuffer(scrollbackLines);
        Damage = new TerminalDamage(Columns, Rows);
        Replies = new TerminalReplies();
        _main = NewScreen(Columns, Rows);
        _alternate = NewScreen(Columns, Rows);
        _scratch = new TerminalCell[Rows][];
        _screen = _main;
        _tabStops = new bool[Columns];
        ResetState();
    }

    public int Columns { get; private set; }

    public int Rows { get; private set; }

    /// <summary>Cursor row on the screen (not the view), 0-based.</summary>
    public int CursorRow => _row;

    /// <summary>Cursor column, 0-based; stays on the last column while a wrap is pending.</summary>
    public int CursorColumn => _column;

    /// <summary>The last column was written and the next character goes to the next line.</summary>
    public bool WrapPending => _pendingWrap;

    /// <summary>DECTCEM (CSI ? 25 h/l).</summary>
    public bool CursorVisible { get; private set; }

    /// <summary>DECAWM (CSI ? 7 h/l).</summary>
    public bool AutoWrap { get; private set; }

    /// <summary>DECOM (CSI ? 6 h/l): cursor rows count from the top of the scroll region.</summary>
    public bool OriginMode { get; private set; }

    /// <summary>IRM (CSI 4 h/l): printing shifts the rest of the line right.</summary>
    public bool InsertMode { get; private set; }

    /// <summary>DECCKM (CSI ? 1 h/l): cursor keys send ESC O A rather than ESC [ A.</summary>
    public bool ApplicationCursorKeys { get; private set; }

    /// <summary>DECKPAM / DECKPNM (ESC = / ESC >).</summary>
    public bool ApplicationKeypad { get; private set; }

    /// <summary>CSI ? 2004 h/l: pasted text is to be bracketed.</summary>
    public bool BracketedPaste { get; private set; }

    /// <summary>The alternate screen (CSI ? 1049 h) is shown.</summary>
    public bool AlternateScreen => _screen == _alternate;

    public int ScrollTop => _top;

    /// <summary>One past the last row of the scroll region.</summary>
    public int ScrollBottom => _bottom;

    /// <summary>The rendition the next printed character gets.</summary>
    public TerminalColor Foreground => _foreground;

    public TerminalColor Background => _background;

    public CellAttributes Attributes => _attributes;

    /// <summary>Title set by OSC 0 or OSC 2; empty at first.</summary>
    public string Title { get; private set; }

    /// <summary>How many BEL characters arrived (a window may flash or beep).</summary>
    public int BellCount { get; private set; }

    public ScrollbackBuffer Scrollback => _scrollback;

    /// <summary>How many scroll-back lines the view is moved up by; 0 shows the screen.</summary>
    public int ViewOffset { get; private set; }

    public TerminalDamage Damage { get; }

    public TerminalReplies Replies { get; }

    public EscapeSequenceParser Parser => _parser;

    /// <summary>Takes bytes the program wrote.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return;
        }

        ScrollViewToBottom();

        // The cell the cursor was drawn in needs redrawing wherever it moves (marked before
        // scrolling, the mark travels with its row), and so does the cell it goes to.
        Damage.MarkCell(_row, _column);
        _parser.Feed(bytes);
        Damage.MarkCell(_row, _column);
    }

    /// <summary>The cell of the screen (not the view) at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public TerminalCell GetCell(int column, int row)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            return default;
        }

        return _screen[row][column];
    }

    /// <summary>The cell shown at view <paramref name="row"/>, taking <see cref="ViewOffset"/> into account.</summary>
    public TerminalCell GetViewCell(int column, int row)
    {
        TerminalCell[] line = GetViewLine(row);
        if (line == null || (uint)column >= (uint)line.Length)
        {
            return default;
        }

        return line[column];
    }

    /// <summary>
    /// The cells of view <paramref name="row"/>. A scroll-back line keeps the width it had, so
    /// it can be shorter or longer than <see cref="Columns"/>; null outside the view.
    /// </summary>
    public TerminalCell[] GetViewLine(int row)
    {
        if ((uint)row >= (uint)Rows)
        {
            return null;
        }

        int screenRow = row - ViewOffset;
        return screenRow >= 0 ? _screen[screenRow] : _scrollback.FromNewest(-screenRow - 1);
    }

    /// <summary>The text of screen row <paramref name="row"/> without trailing blanks (for tests and copy).</summary>
    public string GetRowText(int row) => LineText(row >= 0 && row < Rows ? _screen[row] : null);

    /// <summary>The text of view row <paramref name="row"/> without trailing blanks.</summary>
    public string GetViewRowText(int row) => LineText(GetViewLine(row));

    /// <summary>
    /// Moves the view up (positive) or down (negative) through the scroll-back, as
    /// Shift+PgUp/PgDn and the wheel do; clamped to what there is. Not on the alternate screen.
    /// </summary>
    public void ScrollView(int lines)
    {
        int maximum = AlternateScreen ? 0 : _scrollback.Count;
        int offset = Clamp(ViewOffset + lines, 0, maximum);
        int delta = offset - ViewOffset;
        if (delta == 0)
        {
            return;
        }

        ViewOffset = offset;

        // The view moving up is the picture moving down.
        Damage.Scroll(0, Rows, -delta);
    }

    public void ScrollViewToBottom()
    {
        if (ViewOffset != 0)
        {
            ViewOffset = 0;
            Damage.MarkAll();
        }
    }

    /// <summary>
    /// Changes the size. Lines are cut or padded, not re-wrapped; when the screen gets
    /// shorter, lines above the cursor go to the scroll-back so the cursor's line stays.
    /// </summary>
    public void Resize(int columns, int rows)
    {
        columns = Clamp(columns, 1, MaxColumns);
        rows = Clamp(rows, 1, MaxRows);
        if (columns == Columns && rows == Rows)
        {
            return;
        }

        bool alternate = AlternateScreen;
        _screen = _main;
        _top = 0;
        _bottom = Rows;
        int excess = _row - (rows - 1);
        if (excess > 0 && !alternate)
        {
            ScrollUp(0, Rows, excess, true);
            _row -= excess;
        }

        _main = ResizeScreen(_main, columns, rows);
        _alternate = ResizeScreen(_alternate, columns, rows);
        _screen = alternate ? _alternate : _main;
        _scratch = new TerminalCell[rows][];
        Columns = columns;
        Rows = rows;
        _tabStops = new bool[columns];
        ResetTabStops();
        _top = 0;
        _bottom = rows;
        _row = Clamp(_row, 0, rows - 1);
        _column = Clamp(_column, 0, columns - 1);
        _pendingWrap = false;
        _savedMain.Clamp(columns, rows);
        _savedAlternate.Clamp(columns, rows);
        ViewOffset = 0;
        Damage.Resize(columns, rows);
    }

    protected internal override void OperatingSystemCommand(ReadOnlySpan<byte> data)
    {
        // OSC 0 and OSC 2 set the title; the others (colours, clipboard...) are ignored.
        if (data.Length >= 2 && (data[0] == (byte)'0' || data[0] == (byte)'2') && data[1] == (byte)';')
        {
            Title = CosmosHybrid.Services.Abi.Text.Utf8.GetStringLenient(data.Slice(2));
        }
    }

    private void ResetState()
    {
        _row = 0;
        _column = 0;
        _pendingWrap = false;
        _foreground = TerminalColor.Default;
        _background = TerminalColor.Default;
        _attributes = CellAttributes.None;
        _top = 0;
        _bottom = Rows;
        _savedMain = default;
        _savedAlternate = default;
        _lastPrinted = 0;
        _g0LineDrawing = false;
        _g1LineDrawing = false;
        _shifted = false;
        CursorVisible = true;
        AutoWrap = true;
        OriginMode = false;
        InsertMode = false;
        ApplicationCursorKeys = false;
        ApplicationKeypad = false;
        BracketedPaste = false;
        Title = string.Empty;
        ResetTabStops();
    }

    private void ResetTabStops()
    {
        for (int i = 0; i < _tabStops.Length; i++)
        {
            _tabStops[i] = i % 8 == 0 && i != 0;
        }
    }

    private static TerminalCell[][] NewScreen(int columns, int rows)
    {
        var screen = new TerminalCell[rows][];
        for (int i = 0; i < rows; i++)
        {
            screen[i] = new TerminalCell[columns];
        }

        return screen;
    }

    private static TerminalCell[][] ResizeScreen(TerminalCell[][] old, int columns, int rows)
    {
        var screen = new TerminalCell[rows][];
        for (int i = 0; i < rows; i++)
        {
            screen[i] = new TerminalCell[columns];
            if (i < old.Length)
            {
                int count = old[i].Length < columns ? old[i].Length : columns;
                Array.Copy(old[i], screen[i], count);
            }
        }

        return screen;
    }

    private static string LineText(TerminalCell[] line)
    {
        if (line == null)
        {
            return string.Empty;
        }

        int end = line.Length;
        while (end > 0 && (line[end - 1].Scalar == 0 || line[end - 1].Scalar == ' '))
        {
            end--;
        }

        var text = new System.Text.StringBuilder(end);
        for (int i = 0; i < end; i++)
        {
            int scalar = line[i].DisplayScalar;
            if (scalar >= 0x10000)
            {
                scalar -= 0x10000;
                text.Append((char)(0xD800 + (scalar >> 10)));
                text.Append((char)(0xDC00 + (scalar & 0x3FF)));
            }
            else
            {
                text.Append((char)scalar);
            }
        }

        return text.ToString();
    }

    private static int Clamp(int value, int low, int high)
    {
        if (value < low)
        {
            return low;
        }

        return value > high ? high : value;
    }
}
