using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Shell.Words;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// The first ring-3 program: a command line on the console. It reads a line (echoing as
/// the user types), splits it into commands and words as a POSIX shell does (quotes,
/// escapes, <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>$?</c>, pipes and redirections), expands globs,
/// and runs each command (a pipeline or a redirected command through <see cref="PipelineRunner"/>).
/// </summary>
internal static class CommandShell
{
    private const string Prompt = "$ ";
    private const int MaxLineLength = 1024;

    public static int Run()
    {
        Console.WriteLine("CosmosHybrid shell (ring 3, process " + ProcessCalls.CurrentId.ToString() + "). Type 'help'.");
        var session = new Session();
        var editor = new LineEditor();
        // The boot timeline's last milestone (only the first shell's first prompt counts).
        ProcessCalls.ReportBootMilestone(Abi.BootMilestone.ShellPrompt);
        while (true)
        {
            string line = editor.ReadLine(Prompt, MaxLineLength, out bool endOfInput);
            if (endOfInput)
                return session.Status;   // standard input ended (Ctrl-D at the console, the end of a file or pipe)
            if (RunLine(line, session))
                return session.Status;
        }
    }

    /// <summary>
    /// <c>shell -c LINE</c>: runs one line and ends with its status, printing no banner or
    /// prompt. The shell starts itself so to run a builtin as a stage of a pipeline.
    /// </summary>
    public static int RunCommand(string line)
    {
        var session = new Session();
        RunLine(line, session);
        return session.Status;
    }

    // What lasts from one line to the next.
    private sealed class Session
    {
        public readonly List<ShellCommand> Commands = new List<ShellCommand>();
        public readonly List<string> Arguments = new List<string>();
        public readonly ShellFileSystem FileSystem = new ShellFileSystem();
        public int Status;
    }

    // Runs the commands of one line (null: not UTF-8); true when one of them was 'exit'.
    private static bool RunLine(string line, Session session)
    {
        List<ShellCommand> commands = session.Commands;
        string error = ShellParser.Parse(line, commands);
        if (error != null)
        {
            Console.WriteLine("shell: " + error);
            session.Status = CommandStatus.Usage;
            return false;
        }

        // A pipeline is a command and the ones joined to it by '|'; it runs as one.
        for (int first = 0; first < commands.Count;)
        {
            int count = 1;
            while (first + count < commands.Count && commands[first + count].Connector == ShellConnector.Pipe)
                count++;
            ShellCommand command = commands[first];
            int start = first;
            first += count;
            if (!command.RunsAfter(session.Status))
                continue;
            if (count > 1 || command.Redirections.Count > 0)
            {
                session.Status = PipelineRunner.Run(commands, start, count, session.Status, session.FileSystem);
                continue;
            }
            if (!Expand(command, session.Status, session.FileSystem, session.Arguments))
            {
                session.Status = CommandStatus.Failure;
                continue;
            }
            List<string> arguments = session.Arguments;
            if (arguments[0] == "exit")
            {
                session.Status = arguments.Count > 1 && int.TryParse(arguments[1], out int code) ? code : session.Status;
                return true;
            }
            session.Status = Shell.Commands.Execute(arguments);
        }
        return false;
    }

    // The command's words with $? replaced and globs expanded (a glob that matches nothing stays as typed).
    internal static bool Expand(ShellCommand command, int status, ShellFileSystem fileSystem, List<string> arguments)
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
