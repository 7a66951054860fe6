using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>
/// What a thread remembers while it takes part in message passing: the port it waits on,
/// where a message or reply for it goes, what the thread that woke it left it, the call it
/// makes and the call it serves. One per thread, created at its first port operation and
/// owned by it; the engine reads and writes it with its lock held. The kernel's and
/// Ring3Host's partial parts add the thread it belongs to.
/// </summary>
internal sealed partial class IpcWaiter
{
    /// <summary>The handle table of the thread's process (a moved handle lands here).</summary>
    public HandleTable Handles { get; }

    /// <summary>The next thread in a port's receiver or blocked-sender list.</summary>
    public IpcWaiter Next;

    /// <summary>The port this thread is blocked on (receiving or waiting for queue room), or null.</summary>
    public Port WaitPort;

    /// <summary>
    /// Where a message or reply for this thread goes: an <see cref="IpcMessage"/> in its
    /// memory (PortReceive, PortCallEx), which also names its buffer; 0 for <see cref="Registers"/>.
    /// </summary>
    public ulong MessageAddress;

    /// <summary>The five message registers handed to a register-mode receiver or caller (PortCall, PortReplyWait).</summary>
    public ShortMessage Registers;

    /// <summary>Set by whoever gave this blocked thread its message (or the reply to its call).</summary>
    public bool Delivered;

    /// <summary>The outcome a waker leaves for this thread (an error such as PeerClosed, or None).</summary>
    public SyscallError Status;

    /// <summary>The call this thread is serving: the message whose caller waits for our reply.</summary>
    public PendingMessage Serving;

    /// <summary>The call this thread made and waits on (to revoke its grant if it dies meanwhile).</summary>
    public PendingMessage Calling;

    /// <summary>A message this thread is trying to send while it waits for room in a full queue.</summary>
    public PendingMessage Sending;

    /// <summary>Reused for this thread's register calls (one call at a time), so the fast path allocates nothing.</summary>
    public PendingMessage CallMessage;
}
