using CosmosHybrid.Services.Abi.Fonts;

namespace CosmosHybrid.Console.Output;

/// <summary>
/// A text console drawn with a <see cref="Pf2Font"/> on a linear framebuffer of 32, 24 or 16 bits per pixel.
/// </summary>
/// <remarks>
/// The screen is a grid of fixed-size cells. Colours are given as 0x00RRGGBB, which is the
/// x8r8g8b8 layout GRUB sets up at 32 bits; at 24 bits they are stored as its b8g8r8 bytes,
/// at 16 as r5g6b5 (the VBE modes of a BIOS boot).
/// Writing in the last column leaves the cursor "past the end" of the line; the line
/// wraps only when the next printable character arrives, so a full line followed by
/// '\n' does not leave an empty line. '\n' also returns to column 0.
/// An unusable framebuffer or font gives a console of 0 x 0 cells that draws nothing.
/// </remarks>
public sealed unsafe class FramebufferConsole : IConsoleOutput
{
    /// <summary>Tab stops are every this many columns.</summary>
    public const int TabWidth = 8;

    private readonly byte* _base;
    private readonly int _width;
    private readonly int _height;
    private readonly int _pitch;
    private readonly int _bytesPerPixel;
    private readonly Pf2Font _font;
    private Pf2Font _fallback;

    /// <summary>
    /// Creates a console over <paramref name="height"/> rows of <paramref name="width"/>
    /// pixels, each row <paramref name="pitchBytes"/> bytes after the previous one.
    /// The screen is not cleared; call <see cref="Clear"/> for that.
    /// </summary>
    public FramebufferConsole(uint* pixels, int width, int height, int pitchBytes, Pf2Font font)
        : this((byte*)pixels, width, height, pitchBytes, 32, font)
    {
    }

    /// <summary>
    /// Creates a console on a framebuffer of <paramref name="bitsPerPixel"/> (32, 24 or 16) bits per
    /// pixel; another depth gives a console of 0 x 0 cells.
    /// </summary>
    public FramebufferConsole(byte* pixels, int width, int height, int pitchBytes, int bitsPerPixel, Pf2Font font)
    {
        Foreground = 0x00AAAAAA;
        Background = 0x00000000;

        int bytesPerPixel = bitsPerPixel / 8;
        bool usable = pixels != null && font != null && width > 0 && height > 0
            && (bitsPerPixel == 32 || bitsPerPixel == 24 || bitsPerPixel == 16)
            && (bitsPerPixel != 32 || (pitchBytes & 3) == 0) && pitchBytes / bytesPerPixel >= width;
        if (!usable)
        {
            return;
        }

        int cellWidth = ChooseCellWidth(font);
        int cellHeight = font.Ascent + font.Descent;
        if (width < cellWidth || height < cellHeight)
        {
            return;
        }

        // Only a console with at least one cell touches the framebuffer at all.
        _base = (byte*)pixels;
        _width = width;
        _height = height;
        _pitch = pitchBytes;
        _bytesPerPixel = bytesPerPixel;
        _font = font;
        CellWidth = cellWidth;
        CellHeight = cellHeight;
        Columns = width / cellWidth;
        Rows = height / cellHeight;
    }

    /// <summary>Width of a character cell in pixels.</summary>
    public int CellWidth { get; }

    /// <summary>Height of a character cell (one text line) in pixels.</summary>
    public int CellHeight { get; }

    /// <summary>Number of character cells in a line.</summary>
    public int Columns { get; }

    /// <summary>Number of text lines on the screen.</summary>
    public int Rows { get; }

    /// <summary>
    /// Column of the cursor, from 0 to <see cref="Columns"/>; equal to
    /// <see cref="Columns"/> after the last cell of a line was written.
    /// </summary>
    public int CursorColumn { get; private set; }

    /// <summary>Line of the cursor, from 0 to <see cref="Rows"/> - 1.</summary>
    public int CursorRow { get; private set; }

    /// <summary>Colour of glyph pixels, 0x00RRGGBB.</summary>
    public uint Foreground { get; set; }

    /// <summary>Colour of the rest of a cell, 0x00RRGGBB.</summary>
    public uint Background { get; set; }

    /// <summary>Fills the whole framebuffer with <see cref="Background"/> and homes the cursor.</summary>
    public void Clear()
    {
        for (int y = 0; y < _height; y++)
        {
            FillRow(Row(y), 0, _width, Background);
        }

        CursorColumn = 0;
        CursorRow = 0;
    }

    /// <summary>
    /// Moves the cursor; positions outside the screen are clamped to it.
    /// </summary>
    public void SetCursor(int column, int row)
    {
        CursorColumn = Clamp(column, 0, Columns > 0 ? Columns - 1 : 0);
        CursorRow = Clamp(row, 0, Rows > 0 ? Rows - 1 : 0);
    }

    /// <summary>Writes every character of <paramref name="text"/>; null writes nothing.</summary>
    public void Write(string text)
    {
        if (text == null)
        {
            return;
        }

        for (int i = 0; i < text.Length; i++)
        {
            Write(text[i]);
        }
    }

    /// <summary>
    /// Writes one character: '\n' (new line), '\r' (line start), '\b' (back one cell,
    /// without erasing), '\t' (next tab stop) or a glyph. Characters the font lacks
    /// and other control characters are drawn as '?'.
    /// </summary>
    public void Write(char c)
    {
        if (Columns == 0)
        {
            return;
        }

        switch (c)
        {
            case '\n':
                CursorColumn = 0;
                NextLine();
                break;
            case '\r':
                CursorColumn = 0;
                break;
            case '\b':
                if (CursorColumn > 0)
                {
                    CursorColumn--;
                }

                break;
            case '\t':
                Tab();
                break;
            default:
                PutPrintable(c);
                break;
        }
    }

    private void Tab()
    {
        int next = (CursorColumn / TabWidth + 1) * TabWidth;

        // A tab from the last stop of a line leaves the cursor past the end, like a full line.
        CursorColumn = next < Columns ? next : Columns;
    }

    private void PutPrintable(char c)
    {
        if (CursorColumn >= Columns)
        {
            CursorColumn = 0;
            NextLine();
        }

        DrawCell(CursorColumn, CursorRow, c);
        CursorColumn++;
    }

    private void NextLine()
    {
        if (CursorRow + 1 < Rows)
        {
            CursorRow++;
        }
        else
        {
            ScrollUp();
        }
    }

    /// <summary>Draws <paramref name="c"/> into a cell, background included.</summary>
    private void DrawCell(int column, int row, char c)
    {
        int left = column * CellWidth;
        int top = row * CellHeight;
        for (int y = 0; y < CellHeight; y++)
        {
            FillRow(Row(top + y), left, CellWidth, Background);
        }

        Pf2Glyph glyph;
        if (!TryGetDrawableGlyph(c, out glyph))
        {
            return;
        }

        // Bitmap row 0 is YOffset + Height pixels above the baseline, which is Ascent
        // pixels below the top of the cell.
        int glyphTop = top + _font.Ascent - glyph.YOffset - glyph.Height;
        int glyphLeft = left + glyph.XOffset;
        for (int gy = 0; gy < glyph.Height; gy++)
        {
            int y = glyphTop + gy;
            if (y < top || y >= top + CellHeight)
            {
                continue;
            }

            byte* line = Row(y);
            for (int gx = 0; gx < glyph.Width; gx++)
            {
                int x = glyphLeft + gx;
                if (x >= left && x < left + CellWidth && glyph.IsSet(gx, gy))
                {
                    StorePixel(line, x, Foreground);
                }
            }
        }
    }

    /// <summary>
    /// Draws the characters the console's own font lacks with <paramref name="font"/> from now on, when its
    /// lines are as tall (the boot module holds only the glyphs below U+3000; the whole font comes later,
    /// from the root file system).
    /// </summary>
    public bool AddFallback(Pf2Font font)
    {
        if (_font == null || font == null || font.Ascent != _font.Ascent || font.Descent != _font.Descent)
        {
            return false;
        }

        _fallback = font;
        return true;
    }

    private bool TryGetDrawableGlyph(char c, out Pf2Glyph glyph)
    {
        // Control characters have glyphs in GRUB fonts (boxed hex digits, double width)
        // but a console should not show them as such.
        bool control = c < ' ' || c == (char)0x7F;
        if (!control && (_font.TryGetGlyph(c, out glyph) || (_fallback != null && _fallback.TryGetGlyph(c, out glyph))))
        {
            return true;
        }

        return _font.TryGetGlyph('?', out glyph);
    }

    /// <summary>
    /// Moves every text line up by one and clears the bottom line.
    /// </summary>
    private void ScrollUp()
    {
        int rowBytes = _width * _bytesPerPixel;
        int moved = (Rows - 1) * CellHeight;
        for (int y = 0; y < moved; y++)
        {
            CopyRow(Row(y), Row(y + CellHeight), rowBytes);
        }

        for (int y = moved; y < moved + CellHeight; y++)
        {
            FillRow(Row(y), 0, _width, Background);
        }
    }

    /// <summary>
    /// Copies one pixel row forwards (destination below source in memory, so overlap is safe).
    /// </summary>
    /// <remarks>
    /// Copies 8 bytes at a time: emulators charge a byte-wise copy per byte, and a
    /// framebuffer is slow memory. The tail (a 32-bpp row has at most one pixel there) goes
    /// four bytes, then one byte at a time.
    /// </remarks>
    private static void CopyRow(byte* destination, byte* source, int byteCount)
    {
        ulong* to = (ulong*)destination;
        ulong* from = (ulong*)source;
        int words = byteCount >> 3;
        int i = 0;
        for (; i + 4 <= words; i += 4)
        {
            to[i] = from[i];
            to[i + 1] = from[i + 1];
            to[i + 2] = from[i + 2];
            to[i + 3] = from[i + 3];
        }

        for (; i < words; i++)
        {
            to[i] = from[i];
        }

        int done = words << 3;
        if (byteCount - done >= 4)
        {
            *(uint*)(destination + done) = *(uint*)(source + done);
            done += 4;
        }

        for (; done < byteCount; done++)
        {
            destination[done] = source[done];
        }
    }

    /// <summary>Sets <paramref name="count"/> pixels of a row from column <paramref name="x"/> to <paramref name="color"/> (0x00RRGGBB).</summary>
    private void FillRow(byte* row, int x, int count, uint color)
    {
        if (_bytesPerPixel == 4)
        {
            FillPixels((uint*)row + x, count, color);
            return;
        }

        for (int i = 0; i < count; i++)
        {
            StorePixel(row, x + i, color);
        }
    }

    /// <summary>Stores one pixel in the framebuffer's format.</summary>
    private void StorePixel(byte* row, int x, uint color)
    {
        switch (_bytesPerPixel)
        {
            case 4:
                ((uint*)row)[x] = color;
                break;
            case 3:
                byte* p = row + x * 3;
                p[0] = (byte)color;
                p[1] = (byte)(color >> 8);
                p[2] = (byte)(color >> 16);
                break;
            default:
                ((ushort*)row)[x] = (ushort)(((color >> 8) & 0xF800) | ((color >> 5) & 0x07E0) | ((color >> 3) & 0x001F));
                break;
        }
    }

    /// <summary>Sets <paramref name="count"/> pixels from <paramref name="start"/> to <paramref name="color"/>.</summary>
    private static void FillPixels(uint* start, int count, uint color)
    {
        int i = 0;

        // Two pixels per store once the pointer is 8-byte aligned.
        if (((ulong)start & 4) != 0 && count > 0)
        {
            start[0] = color;
            i = 1;
        }

        ulong pair = ((ulong)color << 32) | color;
        for (; i + 2 <= count; i += 2)
        {
            *(ulong*)(start + i) = pair;
        }

        if (i < count)
        {
            start[i] = color;
        }
    }

    private byte* Row(int y)
    {
        return _base + (long)y * _pitch;
    }

    /// <summary>
    /// Picks the advance of ordinary characters as the cell width. MAXW is no good:
    /// GRUB fonts draw control characters as double-width boxes, so it is twice the
    /// width of the letters.
    /// </summary>
    private static int ChooseCellWidth(Pf2Font font)
    {
        Pf2Glyph glyph;
        if (font.TryGetGlyph('M', out glyph) && glyph.DeviceWidth > 0 && glyph.DeviceWidth <= font.MaxWidth)
        {
            return glyph.DeviceWidth;
        }

        if (font.TryGetGlyph('?', out glyph) && glyph.DeviceWidth > 0 && glyph.DeviceWidth <= font.MaxWidth)
        {
            return glyph.DeviceWidth;
        }

        return font.MaxWidth;
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
