using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Shell.Words;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// The first ring-3 program: a command line on the console. It reads a line (echoing as
/// the user types), splits it into commands and words as a POSIX shell does (quotes,
/// escapes, <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>$?</c>), expands globs, and runs each command.
/// </summary>
internal static class CommandShell
{
    private const string Prompt = "$ ";
    private const int MaxLineLength = 1024;

    public static int Run()
    {
        Console.WriteLine("CosmosHybrid shell (ring 3, process " + ProcessCalls.CurrentId.ToString() + "). Type 'help'.");
        var commands = new List<ShellCommand>();
        var arguments = new List<string>();
        var fileSystem = new ShellFileSystem();
        var editor = new LineEditor();
        int status = 0;
        while (true)
        {
            string line = editor.ReadLine(Prompt, MaxLineLength);
            string error = ShellParser.Parse(line, commands);
            if (error != null)
            {
                Console.WriteLine("shell: " + error);
                status = CommandStatus.Usage;
                continue;
            }

            foreach (ShellCommand command in commands)
            {
                if (!command.RunsAfter(status))
                    continue;
                if (!Expand(command, status, fileSystem, arguments))
                {
                    status = CommandStatus.Failure;
                    continue;
                }
                if (arguments[0] == "exit")
                    return arguments.Count > 1 && int.TryParse(arguments[1], out int code) ? code : status;
                status = Commands.Execute(arguments);
            }
        }
    }

    // The command's words with $? replaced and globs expanded (a glob that matches nothing stays as typed).
    private static bool Expand(ShellCommand command, int status, ShellFileSystem fileSystem, List<string> arguments)
    {
        arguments.Clear();
        foreach (ShellWord word in command.Words)
        {
            ExpandedWord expanded = word.Expand(status);
            if (!expanded.HasGlob)
            {
                arguments.Add(expanded.Text);
                continue;
            }
            GlobResult result = GlobExpander.Expand(expanded.Pattern, fileSystem, arguments);
            if (result == GlobResult.TooManyMatches)
            {
                Console.WriteLine("shell: " + expanded.Text + ": too many matches (more than " + GlobExpander.MaxMatches.ToString() + ")");
                return false;
            }
            if (result == GlobResult.NoMatch)
                arguments.Add(expanded.Text);
        }
        return arguments.Count > 0;
    }
}
