/// <summary>Ring-3 entry of ifconfig (see Services/Net/Tools/Ifconfig.cs).</summary>
internal static class Program
{
    public static int Main(string arguments) => CosmosHybrid.Services.Net.Tools.Ifconfig.Run(arguments);
}
