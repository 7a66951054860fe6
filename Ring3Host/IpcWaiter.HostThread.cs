using CosmosHybrid.Ring3Host;

namespace CosmosHybrid.Ipc;

/// <summary>Ring3Host's part of a waiter: the in-process thread it belongs to.</summary>
internal sealed partial class IpcWaiter
{
    public IpcWaiter(HostThread thread)
    {
        Thread = thread;
        Handles = thread.Process.Handles;
    }

    public HostThread Thread { get; }
}
