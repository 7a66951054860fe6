using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>Closing ports, and what is left of a thread or process that ended.</summary>
internal sealed partial class PortEngine<TSeam>
{
    /// <summary>
    /// A thread's process is ending: the call it was serving fails (PeerClosed), the grant of
    /// its own call is revoked, its wait is cancelled, and a handle it was trying to send is closed.
    /// </summary>
    public void ReleaseThread(IpcWaiter thread)
    {
        if (thread.Serving != null)
        {
            FailCaller(thread.Serving);
            thread.Serving = null;
        }
        if (thread.Calling != null)
            RevokeGrant(thread.Calling);
        if (thread.WaitPort != null)
        {
            thread.WaitPort.Forget(thread);
            thread.WaitPort = null;
        }
        if (thread.Sending != null)
        {
            // Blocked on a full queue with a handle in the message: close it, do not lose it.
            DropTransferredHandle(thread.Sending);
            thread.Sending = null;
        }
    }

    /// <summary>Closes every handle of an ending process (after <see cref="ReleaseThread"/> for each of its threads).</summary>
    public void CloseAllHandles(HandleTable handles)
    {
        for (int i = 0; i < handles.SlotCount; i++)
        {
            if (handles.GetObject(i) != null && handles.Detach(i + 1, out KernelObject target, out HandleRights rights))
                AfterHandleClosed(target, rights);
        }
    }

    /// <summary>
    /// After a handle was closed for good: the last receive handle closes a port; any other
    /// object decides for itself.
    /// </summary>
    private void AfterHandleClosed(KernelObject target, HandleRights rights)
    {
        if (target is Port port)
        {
            if ((rights & HandleRights.Receive) != 0 && port.ReceiveHandles == 0)
                ClosePort(port);
            return;
        }
        target.OnHandleClosed(rights);
    }

    /// <summary>Nobody can receive any more: every waiting sender, queued caller and waiting receiver is told (PeerClosed).</summary>
    private void ClosePort(Port port)
    {
        if (port.IsClosed)
            return;
        port.IsClosed = true;
        port.PendingNotifications = 0;
        PendingMessage queued;
        while ((queued = port.Dequeue()) != null)
        {
            DropTransferredHandle(queued);
            FailCaller(queued);
        }
        IpcWaiter thread;
        while ((thread = port.TakeBlockedSender()) != null)
            Seam.Wake(thread);
        while ((thread = port.TakeReceiver()) != null)
            Seam.Wake(thread);
        Names.Forget(port);
    }

    private void FailCaller(PendingMessage message)
    {
        IpcWaiter caller = message.Caller;
        RevokeGrant(message);
        if (caller == null || Seam.HasExited(caller) || caller.Calling != message)
            return;
        caller.Status = SyscallError.PeerClosed;
        caller.Delivered = false;
        Seam.Wake(caller);
    }
}
