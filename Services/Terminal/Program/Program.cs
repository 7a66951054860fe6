using System;
using CosmosHybrid.Services.Terminal.Emulation;
using CosmosHybrid.Services.Terminal.Program;
using CosmosHybrid.Services.Terminal.Session;
using CosmosHybrid.Services.UI.Client;
using CosmosHybrid.Services.UI.Protocol;
using CosmosHybrid.Services.UserRuntime;

/// <summary>
/// Entry point of `terminal [command line]`: a window of the `ui` server, 80 x 25 cells of the
/// system font, with `shell` (or the given command line) behind it over two pipes. Ends when
/// the window is closed (the shell is killed) or the shell exits (the window goes).
/// </summary>
internal static class Program
{
    private const int Columns = 80;
    private const int Rows = 25;

    /// <summary>How long to wait for `ui` to register (it may start after us).</summary>
    private const int ConnectAttempts = 100;
    private const int ConnectRetryMs = 100;

    public static int Main(string arguments)
    {
        string commandLine = arguments.Trim();
        if (commandLine.Length == 0)
            commandLine = "shell";

        GlyphSource glyphs = TerminalFont.Load(TerminalFont.DefaultPath, out string fontError);
        if (glyphs == null)
            return Fail("terminal: no font: " + fontError);

        SyscallPorts ports = SyscallPorts.Instance;
        UiConnection connection = null;
        UiError error = UiError.NotConnected;
        for (int attempt = 0; attempt < ConnectAttempts && error != UiError.None; attempt++)
        {
            error = UiConnection.Connect(ports, out connection);
            if (error != UiError.None)
                ProcessCalls.Sleep(ConnectRetryMs);
        }
        if (error != UiError.None)
            return Fail("terminal: cannot reach the window server 'ui' (" + ((ulong)error).ToString() + ")");

        long pid = ShellProcess.Start(commandLine, out ShellProcess shell);
        if (pid < 0)
        {
            connection.Disconnect();
            return Fail("terminal: cannot start " + commandLine + ": " + ProcessCalls.ErrorText(pid));
        }

        long started = PipeShellChannel.Start(ports, shell.Output, shell.Input, connection.EventPort, out PipeShellChannel channel);
        if (started < 0)
        {
            shell.Stop(kill: true);
            connection.Disconnect();
            return Fail("terminal: cannot start the output reader: " + ProcessCalls.ErrorText(started));
        }

        error = TerminalSession.Open(connection, glyphs, channel, new MappedWindowMemory(), Columns, Rows, commandLine, out TerminalSession session);
        if (error != UiError.None)
        {
            shell.Stop(kill: true);
            connection.Disconnect();
            return Fail("terminal: cannot open a window (" + ((ulong)error).ToString() + ")");
        }

        SessionState state = session.Run();
        session.CloseWindow();
        shell.Stop(kill: true);
        connection.Disconnect();
        return state == SessionState.ServerLost ? 1 : 0;
    }

    private static int Fail(string message)
    {
        Console.WriteLine(message);
        return 1;
    }
}
