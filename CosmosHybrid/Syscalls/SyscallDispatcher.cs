using System.Runtime;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Diagnostics.FaultInjection;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// Runs system calls (entered from syscall_entry in SyscallEntry.asm, interrupts on): finds
/// the handler in the <see cref="SyscallTable"/>, stores its result, and holds the thread back
/// on the way out while its process is stopped for the collector. Every handler checks its
/// arguments: pointers must be user memory of the calling process (see <see cref="UserMemory"/>)
/// and lengths bounded; a bad one makes the call return an error, never a kernel fault.
/// </summary>
internal static unsafe class SyscallDispatcher
{
    [RuntimeExport("SyscallDispatch")]
    private static void Dispatch(SyscallFrame* frame)
    {
        Process process = Scheduler.Current.Process;
        long result;
        if (process == null)
        {
            result = Error(SyscallError.Denied);
        }
        else
        {
            delegate*<SyscallFrame*, Process, long> handler = SyscallTable.Find(frame->NumberAndResult);
            if (FaultInjector.Armed && FaultInjector.TakeFailedCall(process, frame->NumberAndResult))
                result = Error(SyscallError.IoError);
            else
                result = handler == null ? Error(SyscallError.NoSuchCall) : handler(frame, process);
        }
        frame->NumberAndResult = (ulong)result;
        // Interrupts stay off from this check to SYSRET: a thread preempted after it could
        // otherwise return to ring 3 while its process is stopped for the collector.
        Cpu.DisableInterrupts();
        if (FaultInjector.Armed)
            FaultInjector.AtSystemCallReturn(frame, process);
        if (process != null && process.StoppedBy != null)
            ThreadStops.ParkIfStopped();
    }
}
