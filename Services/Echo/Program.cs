using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Echo;
using CosmosHybrid.Services.UserRuntime;

/// <summary>Ring-3 entry of the echo service: registers its two ports and serves them, one thread each.</summary>
internal static unsafe class Program
{
    private const int BulkBufferPages = 1;

    public static int Main(string arguments)
    {
        SyscallPorts ports = SyscallPorts.Instance;
        long shortPort = ports.CreatePort();
        long bulkPort = ports.CreatePort();
        if (shortPort < 0 || bulkPort < 0
            || ports.Register(EchoService.ShortPortName, shortPort) < 0
            || ports.Register(EchoService.BulkPortName, bulkPort) < 0)
        {
            System.Console.WriteLine("echo: cannot register (already running?)");
            return 1;
        }
        UserThread.Start(&ServeBulk, (ulong)bulkPort);
        System.Console.WriteLine("echo: serving '" + EchoService.ShortPortName + "' and '" + EchoService.BulkPortName + "'");
        return (int)EchoService.ServeShort(ports, shortPort);
    }

    private static void ServeBulk(ulong port)
    {
        long buffer = SystemCall.Call(SyscallNumber.MapMemory, BulkBufferPages);
        EchoService.ServeBulk(SyscallPorts.Instance, (long)port, (byte*)buffer, BulkBufferPages * 4096);
    }
}
