using System.Text;

namespace CosmosHybrid.Services.Shell.Editing;

/// <summary>
/// The line being typed and the cursor in it, and what to send the terminal so that the
/// screen keeps showing them: every operation returns that text (writing the changed tail
/// and backing up with '\b' over it), so it works on any terminal, the serial one included.
/// The cursor counts characters (a surrogate pair is one); each is taken as one column wide.
/// </summary>
public sealed class EditableLine
{
    private readonly StringBuilder _text = new StringBuilder();

    /// <summary>The cursor, as an index into <see cref="Text"/> (never inside a surrogate pair).</summary>
    public int Cursor { get; private set; }

    public string Text => _text.ToString();

    public int Length => _text.Length;

    public string Insert(string text)
    {
        _text.Insert(Cursor, text);
        Cursor += text.Length;
        return text + RedrawTail(erased: 0);
    }

    public string Backspace()
    {
        if (Cursor == 0)
            return "";
        int width = CharacterBefore(Cursor);
        Cursor -= width;
        _text.Remove(Cursor, width);
        return "\b" + RedrawTail(erased: 1);
    }

    public string Delete()
    {
        if (Cursor == _text.Length)
            return "";
        _text.Remove(Cursor, CharacterAt(Cursor));
        return RedrawTail(erased: 1);
    }

    public string Left()
    {
        if (Cursor == 0)
            return "";
        Cursor -= CharacterBefore(Cursor);
        return "\b";
    }

    public string Right()
    {
        if (Cursor == _text.Length)
            return "";
        int width = CharacterAt(Cursor);
        string echo = _text.ToString(Cursor, width);
        Cursor += width;
        return echo;
    }

    public string Home()
    {
        string echo = new string('\b', Columns(0, Cursor));
        Cursor = 0;
        return echo;
    }

    public string End()
    {
        string echo = _text.ToString(Cursor, _text.Length - Cursor);
        Cursor = _text.Length;
        return echo;
    }

    /// <summary>Replaces the whole line (a history entry, a cleared line) and puts the cursor at its end.</summary>
    public string Replace(string text)
    {
        int oldColumns = Columns(0, _text.Length);
        var echo = new StringBuilder();
        echo.Append('\b', Columns(0, Cursor));
        _text.Clear().Append(text);
        Cursor = _text.Length;
        echo.Append(text);
        int newColumns = Columns(0, _text.Length);
        if (oldColumns > newColumns)
        {
            echo.Append(' ', oldColumns - newColumns);
            echo.Append('\b', oldColumns - newColumns);
        }
        return echo.ToString();
    }

    // Writes from the cursor to the end, blanks `erased` columns the line lost, and returns the cursor.
    private string RedrawTail(int erased)
    {
        int tailColumns = Columns(Cursor, _text.Length);
        if (tailColumns == 0 && erased == 0)
            return "";
        var echo = new StringBuilder();
        echo.Append(_text.ToString(Cursor, _text.Length - Cursor));
        echo.Append(' ', erased);
        echo.Append('\b', tailColumns + erased);
        return echo.ToString();
    }

    private int CharacterAt(int index) =>
        char.IsHighSurrogate(_text[index]) && index + 1 < _text.Length && char.IsLowSurrogate(_text[index + 1]) ? 2 : 1;

    private int CharacterBefore(int index) =>
        index >= 2 && char.IsLowSurrogate(_text[index - 1]) && char.IsHighSurrogate(_text[index - 2]) ? 2 : 1;

    private int Columns(int start, int end)
    {
        int columns = 0;
        for (int i = start; i < end; i += CharacterAt(i))
            columns++;
        return columns;
    }
}
