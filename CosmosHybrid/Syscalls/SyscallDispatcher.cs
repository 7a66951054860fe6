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
/// The C# side of syscall_entry (SyscallEntry.asm), which checks the number and calls the
/// handler in the <see cref="SyscallTable"/> itself: the calls it cannot make so (no process,
/// a fault pending, a number out of range) come here (<see cref="DispatchCold"/>), and on the
/// way out, while some process is stopped, <see cref="Exit"/> holds the thread back while its own
/// is. Every handler checks its arguments: pointers must be user memory of the calling process
/// (see <see cref="UserMemory"/>) and lengths bounded; a bad one makes the call return an error,
/// never a kernel fault.
/// </summary>
internal static unsafe class SyscallDispatcher
{
    /// <summary>
    /// After the result is in the frame, with interrupts off from here to SYSRET (syscall_entry turns
    /// them off): a thread preempted after this check could otherwise return to ring 3 while its
    /// process is stopped for the collector. syscall_entry calls it only while some process is stopped
    /// (<see cref="SyscallEntryState.StoppedProcesses"/>).
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

    /// <summary>
    /// What syscall_entry does not call itself (interrupts on): a thread without a process (the
    /// call is refused), a fault pending, a number out of range (NoSuchCall).
    /// </summary>
    [RuntimeExport("SyscallDispatchCold")]
    private static long DispatchCold(SyscallFrame* frame)
    {
        Process process = Scheduler.Current.Process;   // the thread's own, not the entry's per-CPU copy
        if (process == null)
            return Error(SyscallError.Denied);
        return FaultInjector.Armed ? DispatchWithFaultPending(frame, process) : Run(frame, process);
    }

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
