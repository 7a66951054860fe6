using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Ipc;

/// <summary>The kernel's part of a waiter: the thread it belongs to and that thread's address space.</summary>
internal sealed partial class IpcWaiter
{
    public IpcWaiter(Thread thread)
    {
        Thread = thread;
        Handles = thread.Process.Handles;
        AddressSpace = thread.Process.AddressSpace;
    }

    public Thread Thread { get; }

    public UserAddressSpace AddressSpace { get; }
}
