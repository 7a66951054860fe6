using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Handles;
using CosmosHybrid.Processes;
using CosmosHybrid.Security;
using CosmosHybrid.Scheduling;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>The process and thread system calls: exit, spawn, wait, kill, threads, the collector's thread stops, ids.</summary>
internal static unsafe class ProcessSyscalls
{
    private const int MaxProgramName = 256;

    internal static long Exit(SyscallFrame* frame, Process process)
    {
        ProcessTable.ExitCurrent((int)frame->Arg0, ProcessState.Exited);
        return 0;
    }

    internal static long Yield(SyscallFrame* frame, Process process)
    {
        Scheduler.YieldFromSystemCall();
        return 0;
    }

    internal static long Sleep(SyscallFrame* frame, Process process)
    {
        if ((long)frame->Arg0 < 0)
            return Error(SyscallError.InvalidArgument);
        Scheduler.Sleep(frame->Arg0);
        return 0;
    }

    internal static long GetProcessId(SyscallFrame* frame, Process process) => process.Id;

    internal static long GetThreadId(SyscallFrame* frame, Process process) => Scheduler.Current.Id;

    // The child inherits the caller's standard input, output and error.
    internal static long Spawn(SyscallFrame* frame, Process process)
    {
        SyscallError nameError = UserMemory.ReadString(process, frame->Arg0, (long)frame->Arg1, MaxProgramName, out string programName);
        if (nameError != SyscallError.None)
            return Error(nameError);
        StartupHandleList handles;
        using (InterruptsOff.Enter())
            handles = StartupHandleList.InheritStandardIo(process.Handles);
        Process child = ProcessTable.Spawn(programName, out SyscallError error, process.WorkingDirectory, process, handles);
        return child == null ? Error(error) : child.Id;
    }

    internal static long SpawnEx(SyscallFrame* frame, Process process)
    {
        if (!UserMemory.ReadRecord(process, frame->Arg0, out SpawnRequest request))
            return Error(SyscallError.BadAddress);
        if (request.HandleCount < 0 || request.HandleCount > StartupHandles.MaxCount
            || request.HandleLimit < 0 || request.HandleLimit > HandleTable.MaxLimit
            || request.ThreadLimit < 0 || request.ThreadLimit > Process.MaxThreads)
            return Error(SyscallError.InvalidArgument);
        SyscallError textError = UserMemory.ReadString(process, request.CommandLine, request.CommandLineLength, MaxProgramName, out string programName);
        if (textError != SyscallError.None)
            return Error(textError);
        var entries = new SpawnHandle[request.HandleCount];
        for (int i = 0; i < entries.Length; i++)
        {
            if (!UserMemory.ReadRecord(process, request.Handles + (ulong)(i * sizeof(SpawnHandle)), out entries[i]))
                return Error(SyscallError.BadAddress);
        }

        StartupHandleList handles;
        SyscallError handleError = SyscallError.None;
        using (InterruptsOff.Enter())
        {
            if (request.Authority != 0)
                handleError = Security.Authority.Require(process.Handles, request.Authority, HandleRights.RaiseQuotas);
            if (handleError == SyscallError.None)
                handleError = StartupHandleList.Resolve(process.Handles, entries, out handles);
            else
                handles = null;
        }
        if (handleError != SyscallError.None)
            return Error(handleError);
        Process child = ProcessTable.Spawn(programName, out SyscallError error, process.WorkingDirectory, process, handles,
            (int)request.HandleLimit, (int)request.ThreadLimit, raiseQuotas: request.Authority != 0);
        return child == null ? Error(error) : child.Id;
    }

    // The status goes through memory: exit statuses can be negative and must not be mistaken for errors.
    internal static long Wait(SyscallFrame* frame, Process process)
    {
        ulong statusAddress = frame->Arg1;
        Process target = Find((long)frame->Arg0);
        if (target == null || target == process)
            return Error(SyscallError.NotFound);
        if (!UserMemory.WriteRecord(process, statusAddress, 0L))
            return Error(SyscallError.BadAddress);
        long status = ProcessTable.Wait(target);
        return UserMemory.WriteRecord(process, statusAddress, status) ? 0 : Error(SyscallError.BadAddress);
    }

    /// <summary>Kill(pid, authority): one's own descendants (and oneself) freely, anyone else with KillAny.</summary>
    internal static long Kill(SyscallFrame* frame, Process process)
    {
        Process target = Find((long)frame->Arg0);
        if (target == null || !target.IsAlive)
            return Error(SyscallError.NotFound);
        if (target != process && !ProcessLineage.IsDescendant(LiveProcessParents.Instance, process.Id, target.Id))
        {
            SyscallError denied;
            using (InterruptsOff.Enter())
                denied = Authority.Require(process.Handles, (long)frame->Arg1, HandleRights.KillAny);
            if (denied != SyscallError.None)
                return Error(denied);
        }
        if (target == process)
            ProcessTable.ExitCurrent(-9, ProcessState.Killed);
        ProcessTable.Terminate(target, -9, ProcessState.Killed);
        return 0;
    }

    internal static long CreateThread(SyscallFrame* frame, Process process)
    {
        ulong entry = frame->Arg0;
        ulong stackTop = frame->Arg1;
        if (entry < UserAddressSpace.UserStart || entry >= UserAddressSpace.UserEnd
            || stackTop < UserAddressSpace.UserStart || stackTop > UserAddressSpace.UserEnd || (stackTop & 15) != 0)
            return Error(SyscallError.InvalidArgument);
        if (process.ThreadCount >= process.ThreadLimit)
            return Error(SyscallError.TooManyThreads);
        Thread thread = ProcessTable.CreateUserThread(process, entry, stackTop, frame->Arg2, 0);
        if (thread == null)
            return Error(SyscallError.OutOfMemory);
        Scheduler.Start(thread);
        return thread.Id;
    }

    internal static long ExitThread(SyscallFrame* frame, Process process)
    {
        ThreadStops.OnThreadEnding(Scheduler.Current);
        Ipc.KernelPorts.ReleaseThread(Scheduler.Current);
        ReleaseEndingThreadStack(frame, process);
        Scheduler.ExitCurrent();
        return 0;
    }

    // The thread's stack (crt0 passes it) goes back now: the thread runs on its kernel stack until it
    // ends and never returns to ring 3, and no collection of its process scans it any more. Only a
    // range around the thread's own stack pointer, so that ExitThread cannot unmap another thread's memory.
    private static void ReleaseEndingThreadStack(SyscallFrame* frame, Process process)
    {
        ulong stack = frame->Arg0;
        ulong pages = frame->Arg1;
        if (pages == 0 || pages > UserAddressSpace.UserEnd / 4096 || frame->UserRsp < stack || frame->UserRsp - stack >= pages * 4096)
            return;
        // Another thread's collector has the process stopped and may be scanning this stack (it was
        // described to it while the thread was still running): it stays mapped, as it did before.
        if (process.StoppedBy != null)
            return;
        process.AddressSpace.ReleaseHeap(stack, pages);
    }

    internal static long StopOtherThreads(SyscallFrame* frame, Process process) =>
        ThreadStops.Stop(process, frame->Arg0, (long)frame->Arg1);

    internal static long ResumeOtherThreads(SyscallFrame* frame, Process process) => ThreadStops.Resume(process);

    /// <summary>The live or ended (not yet waited for) process with that id, or null.</summary>
    internal static Process Find(long id) => id > 0 && id <= int.MaxValue ? ProcessTable.Find((int)id) : null;
}
