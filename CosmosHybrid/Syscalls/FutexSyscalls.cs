using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>The thread-synchronisation system calls: wait and wake on a word (<see cref="KernelFutex"/>), the thread pointer.</summary>
internal static unsafe class FutexSyscalls
{
    internal static long FutexWait(SyscallFrame* frame, Process process) =>
        KernelFutex.Wait(process, frame->Arg0, (int)frame->Arg1, (long)frame->Arg2 < 0 ? -1 : (long)frame->Arg2);

    internal static long FutexWake(SyscallFrame* frame, Process process) =>
        KernelFutex.Wake(process, frame->Arg0, (long)frame->Arg1 > int.MaxValue ? int.MaxValue : (int)(long)frame->Arg1);

    internal static long SetThreadPointer(SyscallFrame* frame, Process process)
    {
        ulong pointer = frame->Arg0;
        // A non-canonical base would fault the kernel's WRMSR: only user addresses (or 0).
        if (pointer != 0 && (pointer < UserAddressSpace.UserStart || pointer >= UserAddressSpace.UserEnd))
            return Error(SyscallError.BadAddress);
        Thread self = Scheduler.Current;
        using (InterruptsOff.Enter())
        {
            self.UserThreadPointer = pointer;
            Scheduler.LoadThreadPointer(pointer);
        }
        return 0;
    }
}
