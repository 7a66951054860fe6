using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Processes;

/// <summary>
/// CPU exceptions raised by ring-3 code. A page fault in a demand-zero region is
/// resolved and the program goes on; anything else ends the process with a report,
/// and the kernel and other processes carry on.
/// </summary>
internal static unsafe class UserFaults
{
    public static void Handle(InterruptFrame* frame)
    {
        Process process = Scheduler.Current.Process;
        if (process == null)
        {
            Diagnostics.Panic.FromCpuException(frame); // ring 3 without a process: a kernel bug
            return;
        }

        if (frame->Vector == ExceptionVector.PageFault)
        {
            bool write = (frame->ErrorCode & 2) != 0;
            if (process.AddressSpace.HandlePageFault(Cpu.ReadCr2(), write))
                return;
        }
        if (process.FaultEntry.TryRedirect(frame))
            return;
        ProcessTable.KillCurrentForFault(frame, ExceptionVector.Name((int)frame->Vector));
    }
}
