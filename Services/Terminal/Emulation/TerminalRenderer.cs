namespace CosmosHybrid.Services.Terminal.Emulation;

/// <summary>
/// Draws a <see cref="Terminal"/>'s damaged cells into a 32-bit (0x00RRGGBB) pixel buffer
/// whose rows are <c>pitchBytes</c> apart, then clears the damage. A pending scroll is
/// done by moving pixel rows, so scrolling costs a copy plus the uncovered rows. The cursor
/// is the cell under it drawn inverse. Bold is drawn one pixel wider (and bright for
/// colours 0-7); underline is the row below the baseline.
/// </summary>
public sealed unsafe class TerminalRenderer
{
    private const int ReplacementCharacter = 0xFFFD;

    private readonly GlyphSource _glyphs;
    private readonly int _underlineRow;

    public TerminalRenderer(GlyphSource glyphs, TerminalPalette palette = null)
    {
        _glyphs = glyphs;
        Palette = palette ?? new TerminalPalette();
        CellWidth = glyphs.CellWidth < 1 ? 1 : glyphs.CellWidth > CellGlyph.MaxWidth ? CellGlyph.MaxWidth : glyphs.CellWidth;
        CellHeight = glyphs.CellHeight < 1 ? 1 : glyphs.CellHeight;
        int underline = glyphs.Baseline + 1;
        _underlineRow = underline >= CellHeight ? CellHeight - 1 : underline < 0 ? 0 : underline;
    }

    public TerminalPalette Palette { get; }

    public int CellWidth { get; }

    public int CellHeight { get; }

    /// <summary>How many columns and rows of cells fit in <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public void CellsFor(int width, int height, out int columns, out int rows)
    {
        columns = width > 0 ? width / CellWidth : 0;
        rows = height > 0 ? height / CellHeight : 0;
    }

    /// <summary>
    /// Draws what changed since the last call (everything on the first, or when
    /// <paramref name="full"/>). Cells that do not fit the buffer are not drawn; a full
    /// redraw also paints the margin right of and below the grid with the default background.
    /// A buffer that cannot be drawn in (null, pitch below width x 4 or not a multiple of 4)
    /// leaves everything as it was.
    /// </summary>
    public RenderResult Render(Terminal terminal, byte* pixels, int width, int height, int pitchBytes, bool full = false)
    {
        if (terminal == null || pixels == null || width <= 0 || height <= 0
            || (pitchBytes & 3) != 0 || pitchBytes / 4 < width)
        {
            return default;
        }

        TerminalDamage damage = terminal.Damage;
        int columns = width / CellWidth;
        int rows = height / CellHeight;
        if (columns > terminal.Columns)
        {
            columns = terminal.Columns;
        }

        if (rows > terminal.Rows)
        {
            rows = terminal.Rows;
        }

        var bounds = new Bounds();
        int scrolled = 0;
        bool all = full || damage.All;
        if (all)
        {
            FillMargins(pixels, width, height, pitchBytes, columns * CellWidth, rows * CellHeight);
            bounds.Add(0, 0, width, height);
        }
        else if (damage.HasScroll)
        {
            if (damage.ScrollBottom <= rows)
            {
                MoveRows(pixels, pitchBytes, columns * CellWidth, damage.ScrollTop, damage.ScrollBottom, damage.ScrollCount);
                scrolled = damage.ScrollCount;
                bounds.Add(0, damage.ScrollTop * CellHeight, columns * CellWidth, damage.ScrollBottom * CellHeight);
            }
            else
            {
                // The region reaches past the buffer: redraw the part that shows.
                damage.MarkRows(damage.ScrollTop, damage.ScrollBottom);
            }
        }

        int cursorRow = terminal.CursorVisible ? terminal.CursorRow + terminal.ViewOffset : -1;
        int drawn = 0;
        for (int row = 0; row < rows; row++)
        {
            int first = 0;
            int end = columns;
            if (!all && !damage.TryGetRow(row, out first, out end))
            {
                continue;
            }

            if (end > columns)
            {
                end = columns;
            }

            TerminalCell[] line = terminal.GetViewLine(row);
            for (int column = first; column < end; column++)
            {
                TerminalCell cell = line != null && column < line.Length ? line[column] : default;
                bool cursor = row == cursorRow && column == terminal.CursorColumn;
                DrawCell(pixels, pitchBytes, column * CellWidth, row * CellHeight, cell, cursor);
            }

            if (end > first)
            {
                drawn += end - first;
                bounds.Add(first * CellWidth, row * CellHeight, end * CellWidth, (row + 1) * CellHeight);
            }
        }

        damage.Clear();
        return new RenderResult(drawn, scrolled, bounds.Left, bounds.Top, bounds.Right, bounds.Bottom);
    }

    private void DrawCell(byte* pixels, int pitch, int left, int top, TerminalCell cell, bool cursor)
    {
        bool bold = (cell.Attributes & CellAttributes.Bold) != 0;
        uint foreground = Palette.Foreground(cell.Foreground, bold);
        uint background = Palette.Background(cell.Background);
        if (((cell.Attributes & CellAttributes.Inverse) != 0) != cursor)
        {
            uint swap = foreground;
            foreground = background;
            background = swap;
        }

        uint[] masks = null;
        int scalar = cell.DisplayScalar;
        if (scalar != ' ')
        {
            CellGlyph glyph;
            if (_glyphs.TryGetGlyph(scalar, out glyph)
                || _glyphs.TryGetGlyph(ReplacementCharacter, out glyph)
                || _glyphs.TryGetGlyph('?', out glyph))
            {
                masks = glyph.Rows;
            }
        }

        uint cellMask = CellWidth >= 32 ? 0xFFFFFFFFu : ~(0xFFFFFFFFu >> CellWidth);
        bool underline = (cell.Attributes & CellAttributes.Underline) != 0;
        // Two pixels a store: the four pairs of background and foreground, indexed by two bits of the glyph row.
        ulong* pairs = stackalloc ulong[4];
        pairs[0] = background | ((ulong)background << 32);
        pairs[1] = background | ((ulong)foreground << 32);
        pairs[2] = foreground | ((ulong)background << 32);
        pairs[3] = foreground | ((ulong)foreground << 32);
        int pairedWidth = CellWidth & ~1;
        for (int y = 0; y < CellHeight; y++)
        {
            uint mask = masks != null && y < masks.Length ? masks[y] : 0;
            if (bold)
            {
                mask |= mask >> 1;
            }

            if (underline && y == _underlineRow)
            {
                mask = 0xFFFFFFFFu;
            }

            mask &= cellMask;
            uint* line = (uint*)(pixels + (long)(top + y) * pitch) + left;
            // Pixel x is bit 31 - x: the pair (x, x + 1) is bits 31 - x and 30 - x, x the high one.
            if (CellWidth == 8)
            {
                // The usual font's cell, unrolled: four stores a row.
                ulong* eight = (ulong*)line;
                eight[0] = pairs[(mask >> 30) & 3];
                eight[1] = pairs[(mask >> 28) & 3];
                eight[2] = pairs[(mask >> 26) & 3];
                eight[3] = pairs[(mask >> 24) & 3];
                continue;
            }

            for (int x = 0; x < pairedWidth; x += 2)
            {
                *(ulong*)(line + x) = pairs[(mask >> (30 - x)) & 3];
            }

            if (pairedWidth < CellWidth)
            {
                line[pairedWidth] = ((mask >> (31 - pairedWidth)) & 1) != 0 ? foreground : background;
            }
        }
    }

    /// <summary>Moves the pixels of text rows [top, bottom) up by <paramref name="count"/> rows (down when negative).</summary>
    private void MoveRows(byte* pixels, int pitch, int rowBytesWidth, int top, int bottom, int count)
    {
        int byteCount = rowBytesWidth * 4;
        int shift = count * CellHeight;
        int first = top * CellHeight;
        int end = bottom * CellHeight;
        if (byteCount == pitch)
        {
            // Rows back to back (the grid as wide as the buffer): one move of the block (Memmove handles the overlap).
            int moved = end - first - (count > 0 ? shift : -shift);
            if (moved <= 0)
            {
                return;
            }

            int from = count > 0 ? first + shift : first;
            int to = count > 0 ? first : first - shift;
            long bytes = (long)moved * pitch;
            System.Buffer.MemoryCopy(pixels + (long)from * pitch, pixels + (long)to * pitch, bytes, bytes);
            return;
        }

        if (count > 0)
        {
            for (int y = first; y < end - shift; y++)
            {
                CopyRow(pixels + (long)y * pitch, pixels + (long)(y + shift) * pitch, byteCount);
            }
        }
        else
        {
            for (int y = end - 1; y >= first - shift; y--)
            {
                CopyRow(pixels + (long)y * pitch, pixels + (long)(y + shift) * pitch, byteCount);
            }
        }
    }

    /// <summary>
    /// Copies one pixel row (rows never overlap each other) with the core library's memory copy:
    /// REP MOVSQ in ring 3 (bench, -icount shift=0: rendering one line scrolled in an 80x25
    /// window took 1 021 746 ticks with a loop of 8-byte moves, 410 455 with this).
    /// </summary>
    private static void CopyRow(byte* destination, byte* source, int byteCount) =>
        System.Buffer.MemoryCopy(source, destination, byteCount, byteCount);

    private void FillMargins(byte* pixels, int width, int height, int pitch, int gridWidth, int gridHeight)
    {
        uint color = Palette.DefaultBackground;
        for (int y = 0; y < height; y++)
        {
            uint* line = (uint*)(pixels + (long)y * pitch);
            int from = y < gridHeight ? gridWidth : 0;
            for (int x = from; x < width; x++)
            {
                line[x] = color;
            }
        }
    }

    /// <summary>A growing bounding box.</summary>
    private struct Bounds
    {
        public int Left;
        public int Top;
        public int Right;
        public int Bottom;

        public void Add(int left, int top, int right, int bottom)
        {
            if (Right <= Left || Bottom <= Top)
            {
                Left = left;
                Top = top;
                Right = right;
                Bottom = bottom;
                return;
            }

            if (left < Left)
            {
                Left = left;
            }

            if (top < Top)
            {
                Top = top;
            }

            if (right > Right)
            {
                Right = right;
            }

            if (bottom > Bottom)
            {
                Bottom = bottom;
            }
        }
    }
}
