using CosmosHybrid.Services.Init;

/// <summary>Entry of init: `init [MANIFEST]` (default /etc/services).</summary>
internal static class Program
{
    public static int Main(string arguments) => InitService.Run(arguments.Trim().Length == 0 ? InitService.DefaultManifest : arguments.Trim());
}
