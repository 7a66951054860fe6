namespace CosmosHybrid.Services.Shell;

/// <summary>Exit statuses of the shell's own commands, as POSIX shells use them (<c>$?</c> shows them).</summary>
internal static class CommandStatus
{
    public const int Success = 0;

    /// <summary>The command ran and failed (it printed why).</summary>
    public const int Failure = 1;

    /// <summary>The command line or a command's arguments were wrong.</summary>
    public const int Usage = 2;

    /// <summary>No such command.</summary>
    public const int NotFound = 127;
}
