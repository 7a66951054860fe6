using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Processes;

/// <summary>
/// Stops the other threads of a process while its garbage collector (ring 3,
/// conservative, non-moving) marks, and tells it where their roots are.
/// On one CPU the collecting thread is the only one running, so "stopped" only has to
/// mean "does not go back to ring 3": every way back there (the end of a system call,
/// the end of an interrupt that came from ring 3, a new thread's first entry) parks a
/// thread whose process is stopped. The kernel may still finish a stopped thread's
/// system call; that never stores a reference into its heap. A stopped thread's ring-3
/// registers are where it entered the kernel, at the top of its kernel stack.
/// </summary>
internal static unsafe class ThreadStops
{
    // interrupt_common (InterruptStubs.asm) leaves an FXSAVE image under the frame, 16-byte
    // aligned; xmm0-15 start 160 bytes into it.
    private const ulong FxsaveAreaSize = 512;
    private const int FxsaveXmmOffset = 160;
    private const int GeneralRegisterCount = 15;

    // syscall_entry (SyscallEntry.asm) pushes two marker words, then the frame.
    private const ulong SyscallMarkerBytes = 16;

    /// <summary>The StopOtherThreads system call: see <see cref="SyscallNumber.StopOtherThreads"/>.</summary>
    public static long Stop(Process process, ulong records, long capacity)
    {
        if (capacity < process.ThreadCount)
            return Error(SyscallError.TooManyThreads);   // too few records: the caller grows them and asks again
        // Another thread may have stopped the process while this one was inside this call.
        Thread self = Scheduler.Current;
        using (InterruptsOff.Enter())
        {
            ParkIfStopped();
            process.StoppedBy = self;
        }

        StoppedThread record = default;
        record.StackTop = self.UserStackTop;
        ulong size = (ulong)sizeof(StoppedThread);
        if (!process.AddressSpace.CopyToUser(records, &record, size))
            return Fail(process, SyscallError.BadAddress);
        long count = 1;
        for (int i = 0; i < process.ThreadCount; i++)
        {
            Thread thread = process.GetThread(i);
            if (thread == self || thread.HasExited)
                continue;
            Describe(thread, &record);
            if (!process.AddressSpace.CopyToUser(records + (ulong)count * size, &record, size))
                return Fail(process, SyscallError.BadAddress);
            count++;
        }
        return count;
    }

    /// <summary>The ResumeOtherThreads system call: only the thread that stopped them may.</summary>
    public static long Resume(Process process)
    {
        if (process.StoppedBy != Scheduler.Current)
            return Error(SyscallError.InvalidArgument);
        Release(process);
        return 0;
    }

    /// <summary>
    /// Called on every way back to ring 3, with interrupts off from here until the return
    /// (otherwise a preemption after the check could let the thread slip past a new stop):
    /// waits while another thread of the process has it stopped.
    /// </summary>
    public static void ParkIfStopped()
    {
        Thread self = Scheduler.Current;
        Process process = self.Process;
        if (process == null || process.StoppedBy == null)
            return;
        using (InterruptsOff.Enter())
        {
            while (process.StoppedBy != null && process.StoppedBy != self)
            {
                self.StoppedForCollector = true;
                Scheduler.Block();
            }
        }
    }

    /// <summary>A thread is ending: if it had its process stopped, the others go on.</summary>
    public static void OnThreadEnding(Thread thread)
    {
        Process process = thread.Process;
        if (process != null && process.StoppedBy == thread)
            Release(process);
    }

    private static long Fail(Process process, SyscallError error)
    {
        Release(process);
        return Error(error);
    }

    private static void Release(Process process)
    {
        using (InterruptsOff.Enter())
        {
            process.StoppedBy = null;
            for (int i = 0; i < process.ThreadCount; i++)
            {
                Thread thread = process.GetThread(i);
                if (thread.StoppedForCollector)
                {
                    thread.StoppedForCollector = false;
                    Scheduler.Wake(thread);
                }
            }
        }
    }

    // Where the thread's ring-3 stack and registers were when it last entered the kernel.
    // The word at its kernel stack's top tells how it came in: the CPU stores the user SS
    // there for an interrupt from ring 3; syscall_entry stores a zero.
    private static void Describe(Thread thread, StoppedThread* record)
    {
        *record = default;
        record->StackTop = thread.UserStackTop;
        record->StackPointer = thread.UserStackTop;
        if (!thread.HasEnteredUserMode)
            return;
        ulong* registers = record->Registers;
        if (((ulong*)thread.KernelStackTop)[-1] == Gdt.UserDataSelector)
        {
            // Stopped anywhere: every general register, and the xmm registers (struct copies pass references through them).
            var frame = (InterruptFrame*)(thread.KernelStackTop - (ulong)sizeof(InterruptFrame));
            record->StackPointer = frame->Rsp;
            ulong* general = (ulong*)frame;   // R15 ... Rax
            for (int i = 0; i < GeneralRegisterCount; i++)
                registers[i] = general[i];
            ulong* xmm = (ulong*)((((ulong)frame - FxsaveAreaSize) & ~15UL) + FxsaveXmmOffset);
            for (int i = 0; i < StoppedThread.RegisterCount - GeneralRegisterCount; i++)
                registers[GeneralRegisterCount + i] = xmm[i];
        }
        else
        {
            // The system call was a call: only the callee-saved registers can be live across it.
            var frame = (SyscallFrame*)(thread.KernelStackTop - SyscallMarkerBytes - (ulong)sizeof(SyscallFrame));
            record->StackPointer = frame->UserRsp;
            registers[0] = frame->Rbx;
            registers[1] = frame->Rbp;
            registers[2] = frame->R12;
            registers[3] = frame->R13;
            registers[4] = frame->R14;
            registers[5] = frame->R15;
        }
    }
}
