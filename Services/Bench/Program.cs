/// <summary>Entry point of bench: no argument runs the whole table; "yield-partner N" is its helper process.</summary>
internal static class Program
{
    public static int Main(string arguments) => CosmosHybrid.Services.Bench.Benchmarks.Run(arguments);
}
