using System;
using System.Diagnostics;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ipc;

namespace CosmosHybrid.Ring3Host;

/// <summary>
/// The engine's seam on the host: blocking is a condition wait on the kernel lock
/// (<see cref="HostThread.Block"/>), the fast path's direct switch becomes a wake and a
/// wait, the clock is <see cref="Stopwatch"/>, and every simulated process shares the
/// host's one address space: addresses are raw pointers, of which only 0 is known bad,
/// and a grant is seen by the borrower at the lender's own address (README.md).
/// </summary>
internal readonly unsafe struct HostIpcSeam : IIpcSeam
{
    public void Block(IpcWaiter self) => self.Thread.Block(HostThread.Forever);

    public void BlockUntil(IpcWaiter self, long deadline) => self.Thread.Block(deadline);

    public void Wake(IpcWaiter thread) => thread.Thread.Wake();

    public void HandOff(IpcWaiter self, IpcWaiter target)
    {
        target.Thread.Wake();
        self.Thread.Block(HostThread.Forever);
    }

    public long Deadline(long timeoutMs)
    {
        long now = Stopwatch.GetTimestamp();
        long ticksPerMs = Stopwatch.Frequency / 1000;
        if (timeoutMs > (HostThread.Forever - now) / ticksPerMs - 1)
            return HostThread.Forever;
        return now + timeoutMs * ticksPerMs;
    }

    public bool IsPast(long deadline) => Stopwatch.GetTimestamp() >= deadline;

    public bool HasExited(IpcWaiter thread) => !thread.Thread.IsAlive;

    public bool ReadMessage(IpcWaiter owner, ulong address, out IpcMessage message)
    {
        message = address == 0 ? default : *(IpcMessage*)address;
        return address != 0;
    }

    public bool WriteMessage(IpcWaiter owner, ulong address, in IpcMessage message)
    {
        if (address == 0)
            return false;
        *(IpcMessage*)address = message;
        return true;
    }

    public bool CopyBytes(in Payload bytes, IpcWaiter destination, ulong address, ulong count)
    {
        if (count == 0)
            return true;
        if (address == 0)
            return false;
        var target = new Span<byte>((void*)address, (int)count);
        if (bytes.Buffered != null)
        {
            bytes.Buffered.AsSpan(0, (int)count).CopyTo(target);
            return true;
        }
        if (bytes.Address == 0)
            return false;
        new ReadOnlySpan<byte>((void*)bytes.Address, (int)count).CopyTo(target);
        return true;
    }

    public ulong MapGrant(IpcWaiter lender, ulong address, ulong pages, bool writable, IpcWaiter borrower) => address;

    public void UnmapGrant(IpcWaiter lender, ulong lentAddress, IpcWaiter borrower, ulong address, ulong pages)
    {
        // Nothing was mapped: the borrower saw the lender's own pages.
    }
}
