/// <summary>Ring-3 entry of httpd (see Server/HttpServer.cs).</summary>
internal static class Program
{
    public static int Main(string arguments) => CosmosHybrid.Services.Httpd.Server.HttpServer.Run(arguments);
}
