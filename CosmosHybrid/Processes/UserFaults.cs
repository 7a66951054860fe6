using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Processes;

/// <summary>
/// CPU exceptions raised by ring-3 code. A page fault in a demand-zero region is
/// resolved and the program goes on; anything else ends the process with a report
/// (out of memory and stack overflow said in those words: <see cref="UserFaultWording"/>),
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

        // The name only once the fault is known to end the process: not on the demand-zero fault's path.
        string name;
        if (frame->Vector == ExceptionVector.PageFault)
        {
            ulong address = Cpu.ReadCr2();
            bool write = (frame->ErrorCode & 2) != 0;
            if (process.AddressSpace.HandlePageFault(address, write))
                return;
            name = UserFaultWording.Describe(ExceptionVector.Name((int)frame->Vector), process.AddressSpace.IsUnbackedDemandPage(address, write),
                UserFaultWording.IsStackOverflow(address, frame->Rsp, process.AddressSpace.RegionStartAbove(address)));
        }
        else
        {
            name = ExceptionVector.Name((int)frame->Vector);
        }
        if (process.FaultEntry.TryRedirect(frame))
            return;
        ProcessTable.KillCurrentForFault(frame, name);
    }
}
