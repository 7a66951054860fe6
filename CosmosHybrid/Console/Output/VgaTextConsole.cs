namespace CosmosHybrid.Console.Output;

/// <summary>
/// The legacy 80x25 VGA text screen (what BIOS boots leave when no graphics mode
/// was set). Each cell is a character byte and an attribute byte.
/// </summary>
internal sealed unsafe class VgaTextConsole : IConsoleOutput
{
    private const byte LightGreyOnBlack = 0x07;

    private readonly ushort* _cells;
    private readonly int _columns;
    private readonly int _rows;
    private int _column;
    private int _row;

    public VgaTextConsole(void* buffer, int columns, int rows)
    {
        _cells = (ushort*)buffer;
        _columns = columns;
        _rows = rows;
        for (int i = 0; i < columns * rows; i++)
            _cells[i] = Blank;
    }

    private static ushort Blank => LightGreyOnBlack << 8 | ' ';

    public void Write(char c)
    {
        switch (c)
        {
            case '\n':
                NewLine();
                return;
            case '\r':
                _column = 0;
                return;
            case '\b':
                if (_column > 0)
                    _column--;
                return;
        }

        if (_column >= _columns)
            NewLine();
        byte glyph = c >= ' ' && c < 0x7F ? (byte)c : (byte)'?';
        _cells[_row * _columns + _column] = (ushort)(LightGreyOnBlack << 8 | glyph);
        _column++;
    }

    private void NewLine()
    {
        _column = 0;
        if (_row + 1 < _rows)
        {
            _row++;
            return;
        }

        for (int i = 0; i < (_rows - 1) * _columns; i++)
            _cells[i] = _cells[i + _columns];
        for (int i = (_rows - 1) * _columns; i < _rows * _columns; i++)
            _cells[i] = Blank;
    }
}
