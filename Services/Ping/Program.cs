/// <summary>Ring-3 entry of ping (see Services/Net/Tools/Ping.cs).</summary>
internal static class Program
{
    public static int Main(string arguments) => CosmosHybrid.Services.Net.Tools.Ping.Run(arguments);
}
