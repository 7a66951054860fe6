namespace CosmosHybrid.Console.Input;

/// <summary>What one typed character did to the line being edited.</summary>
internal enum LineEdit
{
    /// <summary>Nothing: a control character, or the line is full.</summary>
    Ignored,

    /// <summary>The character was added at the end (echo it).</summary>
    Inserted,

    /// <summary>The last character was removed (echo "\b \b").</summary>
    Erased,

    /// <summary>Enter: the line is ready in <see cref="LineEditor.TakeLine"/>.</summary>
    Completed,
}

/// <summary>
/// A line typed on a terminal, edited as it comes in: printable ASCII is added, Backspace
/// or DEL removes the last character, CR or LF ends the line. Echoing is left to the
/// caller, who knows where the terminal is.
/// </summary>
internal sealed class LineEditor
{
    private readonly char[] _line;
    private int _length;

    public LineEditor(int maxLength) => _line = new char[maxLength];

    public int Length => _length;

    public LineEdit Accept(char c)
    {
        if (c == '\r' || c == '\n')
            return LineEdit.Completed;
        if ((c == '\b' || c == (char)0x7F) && _length > 0)
        {
            _length--;
            return LineEdit.Erased;
        }
        if (c >= ' ' && c < (char)0x7F && _length < _line.Length)
        {
            _line[_length++] = c;
            return LineEdit.Inserted;
        }
        return LineEdit.Ignored;
    }

    /// <summary>The line typed so far; the editor starts a new, empty one.</summary>
    public string TakeLine()
    {
        string line = new string(_line, 0, _length);
        _length = 0;
        return line;
    }
}
