using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>
/// What the message-port engine (<see cref="PortEngine{TSeam}"/>) needs from the world
/// it runs in: blocking and waking threads, switching straight to one, the clock, and
/// memory of other threads' processes. The kernel implements it with the scheduler and
/// user address spaces (<c>Ipc/Kernel/KernelIpcSeam</c>); Ring3Host with .NET threads, a
/// monitor and raw pointers. Every call is made with the engine's lock held (interrupts
/// off in the kernel). Implementations are stateless structs, so the engine's calls are direct.
/// </summary>
internal interface IIpcSeam
{
    /// <summary>Blocks <paramref name="self"/> (the running thread) until someone wakes it.</summary>
    void Block(IpcWaiter self);

    /// <summary>Blocks <paramref name="self"/> until woken or until <paramref name="deadline"/> (from <see cref="Deadline"/>).</summary>
    void BlockUntil(IpcWaiter self, long deadline);

    /// <summary>Makes a blocked thread run again.</summary>
    void Wake(IpcWaiter thread);

    /// <summary>
    /// The fast path's switch: <paramref name="target"/>, just given what it waited for,
    /// runs at once on the rest of the time slice, and <paramref name="self"/> blocks until woken.
    /// </summary>
    void HandOff(IpcWaiter self, IpcWaiter target);

    /// <summary>The clock reading at which a wait of <paramref name="timeoutMs"/> (&gt; 0) ends.</summary>
    long Deadline(long timeoutMs);

    bool IsPast(long deadline);

    /// <summary>The thread has ended: nothing may be written to it or read from its memory any more.</summary>
    bool HasExited(IpcWaiter thread);

    /// <summary>Reads the <see cref="IpcMessage"/> at <paramref name="address"/> in <paramref name="owner"/>'s memory.</summary>
    bool ReadMessage(IpcWaiter owner, ulong address, out IpcMessage message);

    /// <summary>Writes <paramref name="message"/> at <paramref name="address"/> in <paramref name="owner"/>'s memory.</summary>
    bool WriteMessage(IpcWaiter owner, ulong address, in IpcMessage message);

    /// <summary>Copies the first <paramref name="count"/> bytes of <paramref name="bytes"/> to <paramref name="address"/> in <paramref name="destination"/>'s memory.</summary>
    bool CopyBytes(in Payload bytes, IpcWaiter destination, ulong address, ulong count);

    /// <summary>
    /// Lends <paramref name="pages"/> pages at <paramref name="address"/> of <paramref name="lender"/>'s
    /// memory to <paramref name="borrower"/>'s; returns where they appear there, or 0 when they cannot be mapped.
    /// </summary>
    ulong MapGrant(IpcWaiter lender, ulong address, ulong pages, bool writable, IpcWaiter borrower);

    /// <summary>
    /// Takes lent pages back from <paramref name="borrower"/> (mapped at <paramref name="address"/>), and
    /// lets <paramref name="lender"/> release its own (at <paramref name="lentAddress"/>) again.
    /// </summary>
    void UnmapGrant(IpcWaiter lender, ulong lentAddress, IpcWaiter borrower, ulong address, ulong pages);
}
