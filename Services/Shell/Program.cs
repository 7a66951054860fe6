/// <summary>
/// Entry point of the shell program (called by the ring-3 start-up code): the interactive
/// shell, or with "-c LINE" just that line (how the shell runs a builtin as a pipeline stage).
/// </summary>
internal static class Program
{
    public static int Main(string arguments) =>
        arguments.StartsWith("-c ")
            ? CosmosHybrid.Services.Shell.CommandShell.RunCommand(arguments.Substring(3))
            : CosmosHybrid.Services.Shell.CommandShell.Run();
}
