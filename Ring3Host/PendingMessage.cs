using CosmosHybrid.Abi;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// A message in flight, held by the in-process kernel between send and receive: the
/// short part, the copied bytes, a page grant (lent until the reply), a handle being
/// moved, and for calls the thread waiting for the reply.
/// </summary>
internal sealed class PendingMessage
{
    public ulong Tag;
    public ulong Word0;
    public ulong Word1;
    public ulong Word2;
    public ulong Word3;

    /// <summary>Bytes copied from the sender (null when none).</summary>
    public byte[] Bytes;

    /// <summary>The sender's granted range (0 pages when none). On the host the receiver sees the same address.</summary>
    public ulong GrantAddress;
    public ulong GrantPages;
    public bool GrantWritable;

    /// <summary>After delivery: the grant is lent to the receiver until the reply.</summary>
    public bool GrantMapped;

    /// <summary>A handle moved out of the sender's table, waiting to be installed in the receiver's.</summary>
    public Port TransferredPort;
    public HandleRights TransferredRights;

    /// <summary>For calls: the thread that waits for the reply.</summary>
    public HostThread Caller;

    public static PendingMessage Short(ulong tag, ulong word0, ulong word1, ulong word2, ulong word3) =>
        new PendingMessage { Tag = tag, Word0 = word0, Word1 = word1, Word2 = word2, Word3 = word3 };
}
