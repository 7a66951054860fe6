using System.Runtime;
using System.Runtime.CompilerServices;
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
        // With a fault pending, or from a thread without a process (the call is refused),
        // the whole call takes the cold path.
        if (FaultInjector.Armed || process == null)
        {
            DispatchCold(frame, process);
            return;
        }
        frame->NumberAndResult = (ulong)Run(frame, process);
        // Interrupts stay off from this check to SYSRET: a thread preempted after it could
        // otherwise return to ring 3 while its process is stopped for the collector. The
        // process is read again (the thread's own, unchanged): one value less kept across the call.
        Cpu.DisableInterrupts();
        if (Scheduler.Current.Process.StoppedBy != null)
            ThreadStops.ParkIfStopped();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Run(SyscallFrame* frame, Process process)
    {
        if (process == null)
            return Error(SyscallError.Denied);
        return SyscallTable.Find(frame->NumberAndResult)(frame, process);
    }

    // The common path's one test failed: a thread without a process (refused), or a fault pending.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DispatchCold(SyscallFrame* frame, Process process)
    {
        if (process != null)
        {
            DispatchWithFaultPending(frame, process);
            return;
        }
        frame->NumberAndResult = (ulong)Error(SyscallError.Denied);
        Cpu.DisableInterrupts();
    }

    /// <summary>
    /// A system call while <see cref="FaultInjector"/> has a fault pending: the call may fail
    /// instead of running, and the return to ring 3 may carry a flipped register. A call that
    /// was already under way when the fault was armed returns unharmed; its process's next
    /// entry to the kernel comes this way.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DispatchWithFaultPending(SyscallFrame* frame, Process process)
    {
        bool fails = process != null && FaultInjector.TakeFailedCall(process, frame->NumberAndResult);
        frame->NumberAndResult = (ulong)(fails ? Error(SyscallError.IoError) : Run(frame, process));
        Cpu.DisableInterrupts();
        FaultInjector.AtSystemCallReturn(frame, process);
        if (process != null && process.StoppedBy != null)
            ThreadStops.ParkIfStopped();
    }
}
