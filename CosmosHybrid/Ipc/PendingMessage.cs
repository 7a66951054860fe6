using CosmosHybrid.Abi;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Ipc;

/// <summary>
/// A message in flight, held by the kernel between send and receive: the short part,
/// the copied bytes, a page grant (the sender's pages, lent until the reply), a handle
/// being moved, and for calls the caller waiting for the reply.
/// </summary>
internal sealed class PendingMessage
{
    public ulong Tag;
    public ulong Word0;
    public ulong Word1;
    public ulong Word2;
    public ulong Word3;

    /// <summary>
    /// The payload. A call's stays in the caller's memory, which cannot change while the
    /// caller waits, and is copied once, straight into the receiver; an asynchronous
    /// send's is buffered here, because the sender goes on.
    /// </summary>
    public Payload Bytes;

    /// <summary>The sender's address space and page range lent with a PortCallEx (0 length when none).</summary>
    public UserAddressSpace GrantSpace;
    public ulong GrantAddress;
    public ulong GrantPages;
    public bool GrantWritable;

    /// <summary>After delivery: the grant is mapped in the receiver (GrantSpace/GrantAddress now name that mapping).</summary>
    public bool GrantMapped;

    /// <summary>A handle moved out of the sender's table, waiting to be installed in the receiver's.</summary>
    public Port TransferredPort;
    public HandleRights TransferredRights;

    /// <summary>For calls: the thread that waits for the reply.</summary>
    public Thread Caller;

    public static PendingMessage Short(ulong tag, ulong word0, ulong word1, ulong word2, ulong word3) =>
        new PendingMessage { Tag = tag, Word0 = word0, Word1 = word1, Word2 = word2, Word3 = word3 };
}

/// <summary>Message bytes: either buffered in the kernel or still in a user address space.</summary>
internal struct Payload
{
    public byte[] Buffered;
    public UserAddressSpace Space;
    public ulong Address;
    public ulong Length;

    public static Payload InKernel(byte[] bytes) => new Payload { Buffered = bytes, Length = bytes == null ? 0 : (ulong)bytes.Length };

    public static Payload InUserMemory(UserAddressSpace space, ulong address, ulong length) =>
        new Payload { Space = space, Address = address, Length = length };

    /// <summary>Copies the first <paramref name="count"/> bytes into another address space.</summary>
    public unsafe bool CopyTo(UserAddressSpace destination, ulong address, ulong count)
    {
        if (count == 0)
            return true;
        if (Buffered == null)
            return UserAddressSpace.CopyBetween(Space, Address, destination, address, count);
        fixed (byte* source = Buffered)
            return destination.CopyToUser(address, source, count);
    }
}
