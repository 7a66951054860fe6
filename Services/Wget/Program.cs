/// <summary>Ring-3 entry of wget (see Services/Net/Tools/Wget.cs).</summary>
internal static class Program
{
    public static int Main(string arguments) => CosmosHybrid.Services.Net.Tools.Wget.Run(arguments);
}
