using System.Collections.Generic;

namespace CosmosHybrid.Services.Shell.Words;

/// <summary>One simple command of a line: its words, not yet expanded, and how it joins the one before.</summary>
internal sealed class ShellCommand
{
    public ShellCommand(ShellConnector connector) => Connector = connector;

    public ShellConnector Connector { get; }

    public List<ShellWord> Words { get; } = new List<ShellWord>();

    /// <summary>True when this command runs after a command that left <paramref name="lastStatus"/>.</summary>
    public bool RunsAfter(int lastStatus) => Connector switch
    {
        ShellConnector.IfSucceeded => lastStatus == 0,
        ShellConnector.IfFailed => lastStatus != 0,
        _ => true,
    };
}
