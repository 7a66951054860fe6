namespace CosmosHybrid.Services.Shell.Words;

/// <summary>How a command is joined to the one before it on the same line.</summary>
internal enum ShellConnector
{
    /// <summary>First on the line, or after <c>;</c>: always runs.</summary>
    Always,

    /// <summary>After <c>&amp;&amp;</c>: runs when the last status was 0.</summary>
    IfSucceeded,

    /// <summary>After <c>||</c>: runs when the last status was not 0.</summary>
    IfFailed,

    /// <summary>After <c>|</c>: runs beside the command before, reading what it writes (a stage of the same pipeline).</summary>
    Pipe,
}
