using CosmosHybrid.Abi;

using CosmosHybrid.Ipc;

namespace CosmosHybrid.Ring3Host;

/// <summary>Closing ports and cleaning up after a process that ended.</summary>
internal sealed unsafe partial class PortOperations
{
    /// <summary>After a handle went away: the last receive handle closes the port.</summary>
    private void AfterHandleRemoved(Port port, HandleRights rights)
    {
        if ((rights & HandleRights.Receive) != 0 && port.ReceiveHandles == 0)
            ClosePort(port);
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
        HostThread thread;
        while ((thread = port.TakeBlockedSender()) != null)
            thread.Wake();
        while ((thread = port.TakeReceiver()) != null)
            thread.Wake();
        _names.Forget(port);
    }

    private static void FailCaller(PendingMessage message)
    {
        HostThread caller = message.Caller;
        RevokeGrant(message);
        if (caller == null || !caller.IsAlive || caller.IpcCalling != message)
            return;
        caller.IpcStatus = SyscallError.PeerClosed;
        caller.IpcDelivered = false;
        caller.Wake();
    }

    /// <summary>
    /// A process has ended (its state is no longer Running): calls its threads were serving
    /// fail with PeerClosed, grants its threads lent are revoked, waits are cancelled, and
    /// its handles are closed. Its threads stop with <see cref="ThreadTerminatedException"/>
    /// when they next run inside a port operation. Kernel lock held.
    /// </summary>
    public void ReleaseProcess(HostProcess process)
    {
        foreach (HostThread thread in process.Threads)
        {
            if (thread.IpcServing != null)
            {
                FailCaller(thread.IpcServing);
                thread.IpcServing = null;
            }
            if (thread.IpcCalling != null)
                RevokeGrant(thread.IpcCalling);
            if (thread.IpcWaitPort != null)
            {
                thread.IpcWaitPort.Forget(thread);
                thread.IpcWaitPort = null;
            }
            // Blocked threads see the ended process and unwind.
            thread.Wake();
        }
        for (int handle = 1; handle <= HandleTable<Port>.Capacity; handle++)
        {
            if (process.Handles.Detach(handle, out Port port, out HandleRights rights))
                AfterHandleRemoved(port, rights);
        }
    }
}
