using System;
using System.Threading.Tasks;
using CosmosHybrid.Ring3Host;
using CosmosHybrid.Services.Echo;

namespace CosmosHybrid.HarnessTests;

/// <summary>
/// The echo service started the way its ring-3 entry (Services/Echo/Program.cs) starts
/// it: two ports registered by name, the bulk port served by a second thread with a
/// one-page buffer, the short port by the main thread.
/// </summary>
internal sealed unsafe class EchoServer
{
    private EchoServer(HostProcess process, Task<long> bulkThread)
    {
        Process = process;
        BulkThread = bulkThread;
    }

    public HostProcess Process { get; }

    /// <summary>The thread serving <see cref="EchoService.BulkPortName"/>.</summary>
    public Task<long> BulkThread { get; }

    /// <summary>Starts the service and waits (bounded) until both names are registered.</summary>
    public static EchoServer Start(InProcessKernel kernel, TimeSpan patience)
    {
        var ready = new TaskCompletionSource<Task<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
        HostProcess process = kernel.Start("echo", ports =>
        {
            long shortPort = ports.CreatePort();
            long bulkPort = ports.CreatePort();
            if (shortPort < 0 || bulkPort < 0
                || ports.Register(EchoService.ShortPortName, shortPort) < 0
                || ports.Register(EchoService.BulkPortName, bulkPort) < 0)
            {
                ready.SetException(new InvalidOperationException("echo: cannot register"));
                return 1;
            }
            ulong buffer = ports.MapMemory(1);
            ready.SetResult(ports.StartThread(thread => EchoService.ServeBulk(thread, bulkPort, (byte*)buffer, 4096)));
            return EchoService.ServeShort(ports, shortPort);
        });
        if (!ready.Task.Wait(patience))
            throw new TimeoutException("echo did not register its ports");
        return new EchoServer(process, ready.Task.Result);
    }
}
