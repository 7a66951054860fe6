using System.Collections.Generic;

namespace CosmosHybrid.Services.Shell.Words;

/// <summary>
/// Reads a command line as a POSIX shell reads words: blanks separate words; '...' keeps
/// everything literally; "..." keeps everything but <c>$?</c> and the escapes \" \\ \$ \`;
/// outside quotes a backslash makes the next character literal; <c>#</c> at the start of a
/// word begins a comment; <c>;</c>, <c>&amp;&amp;</c> and <c>||</c> separate commands, <c>|</c>
/// joins pipeline stages, and <c>&lt; FILE</c>, <c>&gt; FILE</c>, <c>&gt;&gt; FILE</c> redirect (anywhere
/// among a command's words). Background jobs (<c>&amp;</c>) are refused with an error rather
/// than read as text. Pure: no system calls, shared with the host tests.
/// </summary>
internal static class ShellParser
{
    /// <summary>
    /// Fills <paramref name="commands"/> with the commands of <paramref name="line"/>; returns
    /// null, or the error that stops the whole line ("unterminated quote", ...) before any of it runs.
    /// </summary>
    public static string Parse(string line, List<ShellCommand> commands)
    {
        commands.Clear();
        var command = new ShellCommand(ShellConnector.Always);
        ShellWord word = null;
        ShellRedirection pending = null;   // a redirection waiting for its file's word
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            {
                EndWord(command, ref word, ref pending);
                i++;
                continue;
            }

            if (c == '#' && word == null)
            {
                break;
            }

            if (c == ';' || c == '&' || c == '|' || c == '<' || c == '>')
            {
                EndWord(command, ref word, ref pending);
                if (pending != null)
                {
                    return "syntax error: '" + pending.Operator + "' needs a file name";
                }

                if (c == '<' || c == '>')
                {
                    string redirectionError = ReadRedirection(line, ref i, out pending);
                    if (redirectionError != null)
                    {
                        return redirectionError;
                    }

                    command.Redirections.Add(pending);
                    continue;
                }

                string error = ReadOperator(line, ref i, commands, ref command);
                if (error != null)
                {
                    return error;
                }

                continue;
            }

            word ??= new ShellWord();
            if (c == '\'')
            {
                int end = line.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    return "unterminated quote (')";
                }

                for (int k = i + 1; k < end; k++)
                {
                    word.AddQuoted(line[k]);
                }

                i = end + 1;
            }
            else if (c == '"')
            {
                string error = ReadDoubleQuoted(line, ref i, word);
                if (error != null)
                {
                    return error;
                }
            }
            else if (c == '\\')
            {
                if (i + 1 >= line.Length)
                {
                    return "unterminated escape ('\\' at the end of the line)";
                }

                word.AddQuoted(line[i + 1]);
                i += 2;
            }
            else if (c == '$' && i + 1 < line.Length && line[i + 1] == '?')
            {
                word.AddStatus();
                i += 2;
            }
            else
            {
                word.AddUnquoted(c);
                i++;
            }
        }

        EndWord(command, ref word, ref pending);
        if (pending != null)
        {
            return "syntax error: '" + pending.Operator + "' needs a file name";
        }

        if (!command.IsEmpty)
        {
            commands.Add(command);
        }
        else if (command.Connector == ShellConnector.Pipe)
        {
            return "syntax error: a command must follow '|'";
        }
        else if (command.Connector != ShellConnector.Always)
        {
            return "syntax error: the line ends after '" + (command.Connector == ShellConnector.IfSucceeded ? "&&" : "||") + "'";
        }

        return null;
    }

    // At '<' or '>': reads "<", ">" or ">>"; the file's word comes next.
    private static string ReadRedirection(string line, ref int i, out ShellRedirection redirection)
    {
        char c = line[i];
        bool doubled = i + 1 < line.Length && line[i + 1] == c;
        redirection = null;
        if (c == '<' && (doubled || (i + 1 < line.Length && line[i + 1] == '>')))
        {
            return "'" + line.Substring(i, 2) + "' is not supported: use '<', '>' or '>>'";
        }

        if (c == '>' && doubled)
        {
            redirection = new ShellRedirection(ShellRedirectionKind.Append);
            i += 2;
        }
        else
        {
            redirection = new ShellRedirection(c == '<' ? ShellRedirectionKind.Input : ShellRedirectionKind.Output);
            i++;
        }

        if (i < line.Length && (line[i] == '<' || line[i] == '>' || line[i] == '|' || line[i] == '&'))
        {
            return "syntax error: '" + redirection.Operator + "' needs a file name";
        }

        return null;
    }

    // At the opening '"': reads to the closing one.
    private static string ReadDoubleQuoted(string line, ref int i, ShellWord word)
    {
        i++;
        while (true)
        {
            if (i >= line.Length)
            {
                return "unterminated quote (\")";
            }

            char c = line[i];
            if (c == '"')
            {
                i++;
                return null;
            }

            if (c == '\\' && i + 1 < line.Length && (line[i + 1] == '"' || line[i + 1] == '\\' || line[i + 1] == '$' || line[i + 1] == '`'))
            {
                word.AddQuoted(line[i + 1]);
                i += 2;
            }
            else if (c == '$' && i + 1 < line.Length && line[i + 1] == '?')
            {
                word.AddStatus();
                i += 2;
            }
            else
            {
                word.AddQuoted(c);
                i++;
            }
        }
    }

    // At ';', '&' or '|': ends the current command, or refuses what is not supported.
    private static string ReadOperator(string line, ref int i, List<ShellCommand> commands, ref ShellCommand command)
    {
        char c = line[i];
        bool doubled = i + 1 < line.Length && line[i + 1] == c;
        string name;
        ShellConnector next;
        if (c == ';')
        {
            name = ";";
            next = ShellConnector.Always;
            i++;
        }
        else if (c == '&' && doubled)
        {
            name = "&&";
            next = ShellConnector.IfSucceeded;
            i += 2;
        }
        else if (c == '|' && doubled)
        {
            name = "||";
            next = ShellConnector.IfFailed;
            i += 2;
        }
        else if (c == '&')
        {
            return "'&' (background) is not supported: use spawn";
        }
        else
        {
            name = "|";
            next = ShellConnector.Pipe;
            i++;
        }

        if (command.IsEmpty)
        {
            return command.Connector == ShellConnector.Pipe ? "syntax error: a command must follow '|'"
                : name == "|" ? "syntax error: a command must come before '|'"
                : "syntax error near '" + name + "'";
        }

        commands.Add(command);
        command = new ShellCommand(next);
        return null;
    }

    // The word just read is the file of a pending redirection, or the command's next word.
    private static void EndWord(ShellCommand command, ref ShellWord word, ref ShellRedirection pending)
    {
        if (word == null)
        {
            return;
        }

        if (pending != null)
        {
            pending.Target = word;
            pending = null;
        }
        else
        {
            command.Words.Add(word);
        }

        word = null;
    }
}
