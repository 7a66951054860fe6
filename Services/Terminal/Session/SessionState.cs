namespace CosmosHybrid.Services.Terminal.Session;

/// <summary>Where a <see cref="TerminalSession"/> stands after handling something.</summary>
public enum SessionState
{
    Running,
    /// <summary>The user closed the window.</summary>
    Closed,
    /// <summary>The shell's output ended (it exited) or its input is closed.</summary>
    ShellEnded,
    /// <summary>The window server went away or refused a request.</summary>
    ServerLost,
}
