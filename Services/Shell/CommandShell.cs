using System;
using CosmosHybrid.Abi;
using CosmosHybrid.UserRuntime;

namespace CosmosHybrid.Shell;

/// <summary>
/// The first ring-3 program: a command line on the console. It reads a line (echoing
/// as the user types), splits it into a command and its argument, and runs it.
/// </summary>
internal static class CommandShell
{
    private const string Prompt = "$ ";
    private const int MaxLine = 200;

    public static int Run()
    {
        Console.WriteLine("CosmosHybrid shell (ring 3, process " + ProcessCalls.CurrentId.ToString() + "). Type 'help'.");
        while (true)
        {
            Console.Write(Prompt);
            string line = LineEditor.ReadLine(MaxLine).Trim();
            if (line.Length == 0)
                continue;
            int space = line.IndexOf(' ');
            string command = space < 0 ? line : line.Substring(0, space);
            string argument = space < 0 ? "" : line.Substring(space + 1).Trim();
            if (command == "exit")
                return 0;
            Commands.Execute(command, argument);
        }
    }
}
