using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Shell.Editing;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// Reads a line from the terminal (which sends raw keys) with echo, cursor movement
/// (Left, Right, Home, End, Ctrl+A/E), Backspace and Delete, history (Up, Down) and Tab
/// completion of commands and paths. Input is UTF-8; an ill-formed sequence is dropped.
/// </summary>
internal sealed class LineEditor
{
    private readonly TerminalInputDecoder _decoder = new TerminalInputDecoder();
    private readonly LineHistory _history = new LineHistory();
    private readonly ICompletionSource _completions = new ShellCompletionSource();

    /// <summary>
    /// The line typed (without the Enter), once Enter ends it. When standard input ends
    /// (Ctrl-D at the console, the end of a file or pipe) <paramref name="endOfInput"/> is set
    /// and the result is null; a line it cuts short is returned first, as it stands.
    /// </summary>
    public string ReadLine(string prompt, int maxLength, out bool endOfInput)
    {
        endOfInput = false;
        var line = new EditableLine();
        Console.Write(prompt);
        while (true)
        {
            int value = Console.Read();
            if (value < 0)
            {
                if (line.Length == 0)
                {
                    endOfInput = true;
                    return null;
                }
                Console.Write(line.End() + "\n");
                return line.Text;
            }
            if (!_decoder.TryDecode((byte)value, out EditKey key))
                continue;
            switch (key.Kind)
            {
                case EditKeyKind.Enter:
                    Console.Write(line.End() + "\n");
                    _history.Add(line.Text);
                    return line.Text;
                case EditKeyKind.Cancel:
                    Console.Write(line.End() + "^C\n" + prompt);
                    line = new EditableLine();
                    break;
                case EditKeyKind.Text:
                    if (line.Length + key.Text.Length <= maxLength)
                        Console.Write(line.Insert(key.Text));
                    break;
                case EditKeyKind.Backspace: Console.Write(line.Backspace()); break;
                case EditKeyKind.Delete: Console.Write(line.Delete()); break;
                case EditKeyKind.Left: Console.Write(line.Left()); break;
                case EditKeyKind.Right: Console.Write(line.Right()); break;
                case EditKeyKind.Home: Console.Write(line.Home()); break;
                case EditKeyKind.End: Console.Write(line.End()); break;
                case EditKeyKind.ClearLine: Console.Write(line.Replace("")); break;
                case EditKeyKind.HistoryPrevious:
                    string previous = _history.Previous(line.Text);
                    if (previous != null)
                        Console.Write(line.Replace(previous));
                    break;
                case EditKeyKind.HistoryNext:
                    string next = _history.Next();
                    if (next != null)
                        Console.Write(line.Replace(next));
                    break;
                case EditKeyKind.Complete:
                    Complete(line, prompt);
                    break;
            }
        }
    }

    private void Complete(EditableLine line, string prompt)
    {
        Completion.Result result = Completion.Complete(line.Text, line.Cursor, _completions);
        if (result.Insert.Length > 0)
            Console.Write(line.Insert(result.Insert));
        if (result.Listing == null)
            return;
        // Show the choices under the line, then the prompt and the line again, cursor in place.
        Console.Write(line.End() + "\n");
        Console.WriteLine(string.Join("  ", result.Listing));
        Console.Write(prompt + line.Text);
    }
}
