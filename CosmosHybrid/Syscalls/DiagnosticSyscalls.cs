using CosmosHybrid.Arch.X64;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Diagnostics.Profiling;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>System calls of the kernel's own measurements: the boot timeline and the sampling profiler.</summary>
internal static unsafe class DiagnosticSyscalls
{
    /// <summary>BootMilestoneReached(milestone): only the first report of each milestone counts.</summary>
    internal static long BootMilestoneReached(SyscallFrame* frame, Process process)
    {
        switch ((BootMilestone)frame->Arg0)
        {
            case BootMilestone.ShellPrompt:
                BootTimeline.NoteShellPrompt();
                return 0;
            default:
                return Error(SyscallError.InvalidArgument);
        }
    }

    /// <summary>ProfileStart(processId): 0 profiles every process and the kernel.</summary>
    internal static long ProfileStart(SyscallFrame* frame, Process process)
    {
        long target = (long)frame->Arg0;
        if (target < 0 || target > int.MaxValue || target != SamplingProfiler.AllProcesses && ProcessTable.Find((int)target) == null)
            return Error(SyscallError.NotFound);
        return SamplingProfiler.Start((int)target) ? 0 : Error(SyscallError.Busy);
    }

    /// <summary>ProfileStop(text, capacity, flags): stops sampling and writes the report (cut to capacity).</summary>
    internal static long ProfileStop(SyscallFrame* frame, Process process)
    {
        long capacity = (long)frame->Arg1;
        if (capacity <= 0)
            return Error(SyscallError.InvalidArgument);
        SamplingProfiler.Stop();
        string report = ProfileReport.Write(((ProfileReportFlags)frame->Arg2 & ProfileReportFlags.Callers) != 0);
        long length = UserMemory.WriteText(process, frame->Arg0, report, capacity);
        return length >= 0 ? length : Error(SyscallError.BadAddress);
    }
}
