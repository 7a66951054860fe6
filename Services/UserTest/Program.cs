/// <summary>Entry point of usertest: the argument names the scenario (see <see cref="CosmosHybrid.Services.UserTest.Scenarios"/>).</summary>
internal static class Program
{
    public static int Main(string arguments) => CosmosHybrid.Services.UserTest.Scenarios.Run(arguments);
}
