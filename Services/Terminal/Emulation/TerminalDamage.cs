namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// What changed on the visible screen since the renderer last drew it: a range of damaged
/// columns per row, and at most one pending scroll (rows <see cref="ScrollTop"/> to
/// <see cref="ScrollBottom"/> - 1 moved up by <see cref="ScrollCount"/> rows, down when
/// negative). A renderer first moves the pixels of the scroll, then redraws the damaged
/// cells; the rows a scroll uncovers are marked damaged. Positions are view rows.
/// </summary>
public sealed class TerminalDamage
{
    private int[] _first;
    private int[] _end;

    // Set when a scroll had to become plain damage: later scrolls in the same frame would
    // only move pixels that are redrawn anyway.
    private bool _scrollBlocked;

    public TerminalDamage(int columns, int rows)
    {
        Resize(columns, rows);
    }

    public int Columns { get; private set; }

    public int Rows { get; private set; }

    /// <summary>The whole screen must be redrawn (a scroll, if any, need not be applied).</summary>
    public bool All { get; private set; }

    public bool HasScroll => ScrollCount != 0;

    public int ScrollTop { get; private set; }

    public int ScrollBottom { get; private set; }

    public int ScrollCount { get; private set; }

    /// <summary>Whether anything needs drawing.</summary>
    public bool Any
    {
        get
        {
            if (All || ScrollCount != 0)
            {
                return true;
            }

            for (int row = 0; row < Rows; row++)
            {
                if (_end[row] > _first[row])
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The damaged columns of <paramref name="row"/>, [first, end); false when the row is clean.</summary>
    public bool TryGetRow(int row, out int first, out int end)
    {
        first = 0;
        end = 0;
        if ((uint)row >= (uint)Rows)
        {
            return false;
        }

        if (All)
        {
            end = Columns;
            return true;
        }

        first = _first[row];
        end = _end[row];
        return end > first;
    }

    /// <summary>Number of damaged cells (all of them when <see cref="All"/>).</summary>
    public int CountCells()
    {
        if (All)
        {
            return Columns * Rows;
        }

        int count = 0;
        for (int row = 0; row < Rows; row++)
        {
            if (_end[row] > _first[row])
            {
                count += _end[row] - _first[row];
            }
        }

        return count;
    }

    public void MarkCell(int row, int column) => MarkCells(row, column, column + 1);

    /// <summary>Marks columns [first, end) of <paramref name="row"/>; clipped to the screen.</summary>
    public void MarkCells(int row, int first, int end)
    {
        if (All || (uint)row >= (uint)Rows)
        {
            return;
        }

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

        if (_end[row] <= _first[row])
        {
            _first[row] = first;
            _end[row] = end;
            return;
        }

        if (first < _first[row])
        {
            _first[row] = first;
        }

        if (end > _end[row])
        {
            _end[row] = end;
        }
    }

    public void MarkRows(int top, int bottom)
    {
        for (int row = top; row < bottom; row++)
        {
            MarkCells(row, 0, Columns);
        }
    }

    public void MarkAll()
    {
        All = true;
        ScrollCount = 0;
    }

    /// <summary>
    /// Records that rows [top, bottom) moved up by <paramref name="count"/> (down when negative).
    /// Damage already recorded moves with its rows; a scroll that cannot be merged with the
    /// pending one becomes plain damage of its rows.
    /// </summary>
    public void Scroll(int top, int bottom, int count)
    {
        if (All || count == 0 || top < 0 || bottom > Rows || bottom <= top)
        {
            return;
        }

        if (_scrollBlocked)
        {
            MarkRows(top, bottom);
            return;
        }

        int height = bottom - top;
        int total = ScrollCount + count;
        bool sameRegion = ScrollCount == 0 || (ScrollTop == top && ScrollBottom == bottom);
        if (!sameRegion)
        {
            // The pending scroll stays; this region is simply redrawn after it.
            MarkRows(top, bottom);
            return;
        }

        bool sameDirection = ScrollCount == 0 || (ScrollCount > 0) == (count > 0);
        if (!sameDirection || total >= height || -total >= height)
        {
            // Moving pixels would not save work: redraw the region.
            MarkRows(top, bottom);
            ScrollCount = 0;
            _scrollBlocked = true;
            return;
        }

        ShiftRows(top, bottom, count);
        ScrollTop = top;
        ScrollBottom = bottom;
        ScrollCount = total;
    }

    /// <summary>Forgets all damage: the renderer has drawn the frame.</summary>
    public void Clear()
    {
        for (int row = 0; row < Rows; row++)
        {
            _first[row] = 0;
            _end[row] = 0;
        }

        All = false;
        ScrollCount = 0;
        _scrollBlocked = false;
    }

    /// <summary>Sets a new size; everything is damaged.</summary>
    public void Resize(int columns, int rows)
    {
        Columns = columns;
        Rows = rows;
        _first = new int[rows];
        _end = new int[rows];
        All = true;
        ScrollCount = 0;
    }

    private void ShiftRows(int top, int bottom, int count)
    {
        if (count > 0)
        {
            for (int row = top; row < bottom - count; row++)
            {
                _first[row] = _first[row + count];
                _end[row] = _end[row + count];
            }

            for (int row = bottom - count; row < bottom; row++)
            {
                _first[row] = 0;
                _end[row] = Columns;
            }
        }
        else
        {
            int down = -count;
            for (int row = bottom - 1; row >= top + down; row--)
            {
                _first[row] = _first[row - down];
                _end[row] = _end[row - down];
            }

            for (int row = top; row < top + down; row++)
            {
                _first[row] = 0;
                _end[row] = Columns;
            }
        }
    }
}
