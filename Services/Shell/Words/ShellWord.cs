using System.Text;

namespace CosmosHybrid.Services.Shell.Words;

/// <summary>
/// A word as the parser read it: its characters after quote removal, each marked as typed
/// unquoted, quoted (or escaped), or standing for <c>$?</c>, whose value is only known when
/// the command runs. <see cref="Expand"/> makes the final text and the glob pattern.
/// </summary>
internal sealed class ShellWord
{
    private const char Unquoted = 'u';
    private const char Quoted = 'q';
    private const char Status = '$';

    // Characters that are special in a glob pattern, escaped when they were quoted.
    private const string GlobSpecials = "*?[]\\!^-";

    private readonly StringBuilder _chars = new StringBuilder();
    private readonly StringBuilder _marks = new StringBuilder();

    public void AddUnquoted(char c) => Add(c, Unquoted);

    public void AddQuoted(char c) => Add(c, Quoted);

    public void AddStatus() => Add('?', Status);

    /// <summary>
    /// The word with <c>$?</c> replaced by <paramref name="lastStatus"/>: its text, and a glob
    /// pattern in which quoted special characters are escaped with '\'. The pattern has glob
    /// characters only when '*', '?' or '[' was typed unquoted.
    /// </summary>
    public ExpandedWord Expand(int lastStatus)
    {
        var text = new StringBuilder();
        var pattern = new StringBuilder();
        bool hasGlob = false;
        string status = null;
        for (int i = 0; i < _chars.Length; i++)
        {
            char c = _chars[i];
            char mark = _marks[i];
            if (mark == Status)
            {
                status ??= lastStatus.ToString();
                text.Append(status);
                AppendEscaped(pattern, status);
                continue;
            }

            text.Append(c);
            if (mark == Quoted)
            {
                AppendEscaped(pattern, c);
                continue;
            }

            hasGlob |= c == '*' || c == '?' || c == '[';
            pattern.Append(c);
        }

        return new ExpandedWord(text.ToString(), pattern.ToString(), hasGlob);
    }

    private void Add(char c, char mark)
    {
        _chars.Append(c);
        _marks.Append(mark);
    }

    private static void AppendEscaped(StringBuilder pattern, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            AppendEscaped(pattern, text[i]);
        }
    }

    private static void AppendEscaped(StringBuilder pattern, char c)
    {
        if (GlobSpecials.IndexOf(c) >= 0)
        {
            pattern.Append('\\');
        }

        pattern.Append(c);
    }
}
