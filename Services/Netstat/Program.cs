/// <summary>Ring-3 entry of netstat (see Services/Net/Tools/Netstat.cs).</summary>
internal static class Program
{
    public static int Main(string arguments) => CosmosHybrid.Services.Net.Tools.Netstat.Run(arguments);
}
