using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Ipc;

/// <summary>
/// Handles moved in messages: out of the sender's table when the message is built, into
/// the receiver's at delivery, back to the sender when the send fails, closed when
/// nobody can take them.
/// </summary>
internal sealed partial class PortEngine<TSeam>
{
    /// <summary>Moves <paramref name="handle"/> (which needs the Transfer right) out of <paramref name="sender"/> into <paramref name="message"/>.</summary>
    public SyscallError TakeTransferredHandle(HandleTable sender, long handle, PendingMessage message)
    {
        SyscallError error = sender.Lookup(handle, HandleRights.Transfer, out _, out _);
        if (error != SyscallError.None)
            return error;
        sender.Detach(handle, out message.TransferredObject, out message.TransferredRights);
        return SyscallError.None;
    }

    // The receiver's new handle; 0 (and the handle closed) when its table is full.
    private long InstallTransferredHandle(IpcWaiter receiver, PendingMessage message)
    {
        long handle = receiver.Handles.Add(message.TransferredObject, message.TransferredRights);
        if (handle == 0)
            DropTransferredHandle(message);
        message.TransferredObject = null;
        return handle;
    }

    private void ReturnTransferredHandle(HandleTable sender, PendingMessage message)
    {
        if (message.TransferredObject == null)
            return;
        if (sender.Add(message.TransferredObject, message.TransferredRights) == 0)
            AfterHandleClosed(message.TransferredObject, message.TransferredRights);
        message.TransferredObject = null;
    }

    private void DropTransferredHandle(PendingMessage message)
    {
        if (message.TransferredObject == null)
            return;
        AfterHandleClosed(message.TransferredObject, message.TransferredRights);
        message.TransferredObject = null;
    }
}
