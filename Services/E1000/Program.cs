using CosmosHybrid.Services.E1000;

/// <summary>Ring-3 entry of the e1000 driver (see NicDriver).</summary>
internal static class Program
{
    public static int Main(string arguments) => NicDriver.Run(arguments);
}
