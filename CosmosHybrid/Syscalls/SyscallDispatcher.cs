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
/// the handler in the <see cref="SyscallTable"/> and returns its result (which syscall_entry
/// stores in the frame), and on the way out (<see cref="Exit"/>) holds the thread back while its
/// process is stopped for the collector. Every handler checks its
/// arguments: pointers must be user memory of the calling process (see <see cref="UserMemory"/>)
/// and lengths bounded; a bad one makes the call return an error, never a kernel fault.
/// </summary>
internal static unsafe class SyscallDispatcher
{
    // The handler is tail-called: nothing is kept across it, so this needs no stack frame of its own.
    [RuntimeExport("SyscallDispatch")]
    private static long Dispatch(SyscallFrame* frame)
    {
        Process process = Scheduler.Current.Process;
        // With a fault pending, or from a thread without a process (the call is refused),
        // the whole call takes the cold path.
        if (FaultInjector.Armed || process == null)
            return DispatchCold(frame, process);
        return SyscallTable.Find(frame->NumberAndResult)(frame, process);
    }

    /// <summary>
    /// After the result is in the frame, with interrupts off from here to SYSRET (syscall_entry turns
    /// them off): a thread preempted after this check could otherwise return to ring 3 while its
    /// process is stopped for the collector.
    /// </summary>
    [RuntimeExport("SyscallExit")]
    private static void Exit()
    {
        Process process = Scheduler.Current.Process;
        if (process != null && process.StoppedBy != null)
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
    private static long DispatchCold(SyscallFrame* frame, Process process) =>
        process != null ? DispatchWithFaultPending(frame, process) : Error(SyscallError.Denied);

    /// <summary>
    /// A system call while <see cref="FaultInjector"/> has a fault pending: the call may fail
    /// instead of running, and the return to ring 3 may carry a flipped register. A call that
    /// was already under way when the fault was armed returns unharmed; its process's next
    /// entry to the kernel comes this way. The flip may hit the result's slot: the result is
    /// returned from the frame, after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long DispatchWithFaultPending(SyscallFrame* frame, Process process)
    {
        bool fails = FaultInjector.TakeFailedCall(process, frame->NumberAndResult); // DispatchCold: never without a process
        frame->NumberAndResult = (ulong)(fails ? Error(SyscallError.IoError) : Run(frame, process));
        Cpu.DisableInterrupts();
        FaultInjector.AtSystemCallReturn(frame, process);
        return (long)frame->NumberAndResult;
    }
}
