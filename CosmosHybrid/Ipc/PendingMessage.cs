using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>
/// A message in flight, held by the engine between send and receive: the short part, the
/// bytes, a page grant (the caller's pages, lent until the reply), a handle being moved,
/// and for calls the thread waiting for the reply.
/// </summary>
internal sealed class PendingMessage
{
    public ShortMessage ShortPart;

    public Payload Bytes;

    /// <summary>The caller's page range lent with a PortCallEx (0 pages when none, or once the grant has ended).</summary>
    public ulong GrantAddress;
    public ulong GrantPages;
    public bool GrantWritable;

    /// <summary>While the grant is mapped: the thread whose process borrowed the pages, and where they are there.</summary>
    public IpcWaiter GrantBorrower;
    public ulong GrantedAddress;

    /// <summary>A handle moved out of the sender's table, waiting to be installed in the receiver's.</summary>
    public KernelObject TransferredObject;
    public HandleRights TransferredRights;

    /// <summary>For calls: the thread that waits for the reply.</summary>
    public IpcWaiter Caller;
}
