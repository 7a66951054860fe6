using System.Runtime.CompilerServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Ipc;

/// <summary>
/// The engine's seam in the kernel: the scheduler blocks, wakes and hands off (the fast
/// path's direct switch), the PIT is the clock, and user address spaces are copied
/// between and lend pages. Called with interrupts off.
/// </summary>
internal readonly unsafe struct KernelIpcSeam : IIpcSeam
{
    public void Block(IpcWaiter self) => Scheduler.Block();

    public void BlockUntil(IpcWaiter self, long deadline)
    {
        ulong now = SystemClock.Ticks;
        if ((ulong)deadline > now)
            Scheduler.Sleep(((ulong)deadline - now) * 1000 / SystemClock.TicksPerSecond);
    }

    public void Wake(IpcWaiter thread) => Scheduler.Wake(thread.Thread);

    public void HandOff(IpcWaiter self, IpcWaiter target) => Scheduler.HandOff(target.Thread, blockCurrent: true);

    public long Deadline(long timeoutMs) =>
        (long)(SystemClock.Ticks + (ulong)timeoutMs * SystemClock.TicksPerSecond / 1000 + 1);

    public bool IsPast(long deadline) => SystemClock.Ticks >= (ulong)deadline;

    public bool HasExited(IpcWaiter thread) => thread.Thread.HasExited;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ReadMessage(IpcWaiter owner, ulong address, out IpcMessage message)
    {
        fixed (IpcMessage* destination = &message)
            return owner.AddressSpace.CopyFromUser(destination, address, (ulong)sizeof(IpcMessage));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool WriteMessage(IpcWaiter owner, ulong address, in IpcMessage message)
    {
        fixed (IpcMessage* source = &message)
            return owner.AddressSpace.CopyToUser(address, source, (ulong)sizeof(IpcMessage));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CopyBytes(in Payload bytes, IpcWaiter destination, ulong address, ulong count)
    {
        if (count == 0)
            return true;
        if (bytes.Buffered == null)
            return UserAddressSpace.CopyBetween(bytes.Owner.AddressSpace, bytes.Address, destination.AddressSpace, address, count);
        fixed (byte* source = bytes.Buffered)
            return destination.AddressSpace.CopyToUser(address, source, count);
    }

    public ulong MapGrant(IpcWaiter lender, ulong address, ulong pages, bool writable, IpcWaiter borrower)
    {
        UserAddressSpace receiver = borrower.AddressSpace;
        ulong start = receiver.ReserveBorrowed(pages);
        if (start == 0)
            return 0;
        for (ulong page = 0; page < pages; page++)
        {
            ulong frame = lender.AddressSpace.FrameForLending(address + page * UserAddressSpace.PageSize, writable);
            if (frame == 0 || !receiver.MapBorrowed(start + page * UserAddressSpace.PageSize, frame, writable))
            {
                receiver.ReleaseBorrowed(start, pages);
                return 0;
            }
        }
        // The lender may not unmap the pages while they are lent (another of its threads could, with
        // UnmapMemory): their frames would go back to the kernel while the borrower still writes them.
        if (!lender.AddressSpace.HoldLent(address, pages * UserAddressSpace.PageSize))
        {
            receiver.ReleaseBorrowed(start, pages);
            return 0;
        }
        return start;
    }

    // The grant's addresses go back to the receiver for its next grants (else every call took new ones),
    // and the lender's pages are its own to release again.
    public void UnmapGrant(IpcWaiter lender, ulong lentAddress, IpcWaiter borrower, ulong address, ulong pages)
    {
        borrower.AddressSpace.ReleaseBorrowed(address, pages);
        lender.AddressSpace.EndLending(lentAddress, pages * UserAddressSpace.PageSize);
    }
}
