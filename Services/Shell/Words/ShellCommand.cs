using System.Collections.Generic;

namespace CosmosHybrid.Services.Shell.Words;

/// <summary>
/// One simple command of a line: its words, not yet expanded, its redirections, and how it
/// joins the one before (a command joined by <see cref="ShellConnector.Pipe"/> is the next
/// stage of the same pipeline).
/// </summary>
internal sealed class ShellCommand
{
    public ShellCommand(ShellConnector connector) => Connector = connector;

    public ShellConnector Connector { get; }

    public List<ShellWord> Words { get; } = new List<ShellWord>();

    /// <summary>Its <c>&lt;</c>, <c>&gt;</c> and <c>&gt;&gt;</c> redirections, in the order typed (a later one of the same direction wins).</summary>
    public List<ShellRedirection> Redirections { get; } = new List<ShellRedirection>();

    /// <summary>True when nothing was typed for it (no word, no redirection).</summary>
    public bool IsEmpty => Words.Count == 0 && Redirections.Count == 0;

    /// <summary>True when this command runs after a command that left <paramref name="lastStatus"/>.</summary>
    public bool RunsAfter(int lastStatus) => Connector switch
    {
        ShellConnector.IfSucceeded => lastStatus == 0,
        ShellConnector.IfFailed => lastStatus != 0,
        _ => true,
    };
}
