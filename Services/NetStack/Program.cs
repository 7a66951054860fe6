using CosmosHybrid.Services.NetStack;

/// <summary>Ring-3 entry of the TCP/IP stack (see NetService).</summary>
internal static class Program
{
    public static int Main(string arguments) => NetService.Run(arguments);
}
