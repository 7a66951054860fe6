namespace CosmosHybrid.Ipc;

/// <summary>
/// Page grants: a PortCallEx lends the caller's pages to the server that receives the
/// call, until the reply (or until either side dies). The seam maps and unmaps them;
/// the engine remembers where they are.
/// </summary>
internal sealed partial class PortEngine<TSeam>
{
    private ulong MapGrant(PendingMessage message, IpcWaiter borrower)
    {
        ulong address = Seam.MapGrant(message.Caller, message.GrantAddress, message.GrantPages, message.GrantWritable, borrower);
        if (address != 0)
        {
            message.GrantBorrower = borrower;
            message.GrantedAddress = address;
        }
        return address;
    }

    /// <summary>Ends a call's grant: unmaps it from the server if it was mapped, and it will not be mapped later.</summary>
    private void RevokeGrant(PendingMessage message)
    {
        if (message.GrantPages == 0)
            return; // none, or already ended (the fast path's case)
        if (message.GrantBorrower != null)
        {
            Seam.UnmapGrant(message.Caller, message.GrantAddress, message.GrantBorrower, message.GrantedAddress, message.GrantPages);
            message.GrantBorrower = null;
            message.GrantedAddress = 0;
        }
        message.GrantPages = 0;
    }
}
