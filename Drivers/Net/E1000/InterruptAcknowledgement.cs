namespace CosmosHybrid.Drivers.Net.E1000;

/// <summary>
/// When the driver acknowledges its interrupt line. The kernel quiets a device whose interrupt it
/// delivered (its INTx disabled) until the driver acknowledges, so an acknowledgement that is never
/// made silences the NIC for good: frames then move only on the client's kicks and the driver's
/// one-second sweeps, a crawl. One is due after an interrupt notification, after an
/// acknowledgement whose system call failed, and at every sweep: a notification can be lost before
/// the driver reads its bits (a fault in the driver did it in the e1000 fault campaign), and the
/// kernel takes the acknowledgement of a line that is not pending as a no-op.
/// </summary>
public struct InterruptAcknowledgement
{
    private bool _failed;

    /// <summary>True when this wake-up of the driver must acknowledge: it brought an interrupt, it is a sweep, or the last acknowledgement failed.</summary>
    public bool IsDue(bool interrupt, bool sweep) => interrupt || sweep || _failed;

    /// <summary>Records an acknowledgement's outcome; after a failed one the next wake-up tries again.</summary>
    public void Done(bool acknowledged) => _failed = !acknowledged;
}
