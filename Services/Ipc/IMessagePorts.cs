using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Ipc;

/// <summary>
/// Message ports as a service sees them. In the OS each call is a system call
/// (<c>SyscallPorts</c>); in Ring3Host the same operations run in-process between
/// threads, so a service's code runs unchanged on .NET for tests. Results follow the
/// system-call convention: zero or a handle on success, a negated <see cref="SyscallError"/> on failure.
/// Addresses in an <see cref="IpcMessage"/> are addresses in the caller's own memory.
/// </summary>
public interface IMessagePorts
{
    /// <summary>A new port; the handle has every right.</summary>
    long CreatePort();

    long Close(long handle);

    /// <summary>A second handle to the same port with at most <paramref name="rights"/>.</summary>
    long Duplicate(long handle, HandleRights rights);

    /// <summary>Queues a message; <paramref name="timeoutMs"/> 0 fails at once when the queue is full, -1 waits.</summary>
    long Send(long handle, ref IpcMessage message, long timeoutMs);

    /// <summary>Waits for a message or notification (-1 waits for ever, 0 only looks).</summary>
    long Receive(long handle, ref IpcMessage message, long timeoutMs);

    /// <summary>Sends and waits for the reply, which replaces <paramref name="message"/>.</summary>
    long Call(long handle, ref ShortMessage message);

    /// <summary>Replies with <paramref name="message"/> to the call being served (if any) and waits for the next, which replaces it.</summary>
    long ReplyWait(long handle, ref ShortMessage message);

    /// <summary>A call whose request may carry a buffer, a grant or a handle; the reply (short part and buffer) lands in <paramref name="reply"/>.</summary>
    long CallEx(long handle, ref IpcMessage request, ref IpcMessage reply);

    /// <summary>Replies to the call being served with a message that may carry a buffer.</summary>
    long ReplyEx(ref IpcMessage reply);

    /// <summary>The id of the process whose call this thread serves (the one it received last and has not answered), or an error.</summary>
    long CallerProcess();

    long Notify(long handle, ulong bits);

    long Register(string name, long handle);

    /// <summary>A send handle to the port registered as <paramref name="name"/>.</summary>
    long Lookup(string name);
}
