/// <summary>Entry point of the shell program (called by the ring-3 start-up code).</summary>
internal static class Program
{
    public static int Main(string arguments) => CosmosHybrid.Services.Shell.CommandShell.Run();
}
