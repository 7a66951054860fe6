/// <summary>Ring-3 entry of nc (see Services/Net/Tools/Nc.cs).</summary>
internal static class Program
{
    public static int Main(string arguments) => CosmosHybrid.Services.Net.Tools.Nc.Run(arguments);
}
