using System.Text;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Boot;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Drivers.Pci;
using CosmosHybrid.Memory;
using CosmosHybrid.Processes;
using CosmosHybrid.Security;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Storage.Kernel;
using Internal.Runtime.GC;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>The system-wide system calls: uptime, power off, memory figures, and the process and PCI listings.</summary>
internal static unsafe class SystemSyscalls
{
    private const long MaxListing = 16 * 1024;

    internal static long GetUptime(SyscallFrame* frame, Process process) => (long)SystemClock.UptimeMilliseconds;

    private static WallClock s_wallClock;
    private static bool s_wallClockRead;

    /// <summary>GetWallClock(): seconds since 1970 from the RTC (read on first use), or NotSupported.</summary>
    internal static long GetWallClock(SyscallFrame* frame, Process process)
    {
        if (!s_wallClockRead)
        {
            using (InterruptsOff.Enter())
                s_wallClock = WallClock.Start();
            s_wallClockRead = true;
        }
        return s_wallClock != null ? s_wallClock.UnixSeconds : Error(SyscallError.NotSupported);
    }

    /// <summary>PowerOff(authority): the authority needs the PowerOff right.</summary>
    internal static long PowerOff(SyscallFrame* frame, Process process)
    {
        SyscallError denied;
        using (InterruptsOff.Enter())
            denied = Authority.Require(process.Handles, (long)frame->Arg0, HandleRights.PowerOff);
        if (denied != SyscallError.None)
            return Error(denied);
        KernelLog.WriteLine("powering off (requested by process " + process.Id.ToString() + ")");
        Power.PowerOff();
        return 0;
    }

    internal static long GetMemoryInfo(SyscallFrame* frame, Process process)
    {
        if (frame->Arg1 == 1)
            System.GC.Collect();   // a leak check wants live bytes, not the segments' high-water mark
        MemoryInfo info;
        info.KernelHeapLiveBytes = (long)GarbageCollector.LiveBytesAfterLastCollection;
        info.TotalPages = (long)KernelPages.Frames.UsableFrames;
        info.FreePages = (long)KernelPages.Frames.FreeFrames;
        info.KernelHeapBytes = (long)GCHeap.SegmentBytes;
        info.PageSize = (long)KernelPages.PageSize;
        return UserMemory.WriteRecord(process, frame->Arg0, info) ? 0 : Error(SyscallError.BadAddress);
    }

    internal static long ListProcesses(SyscallFrame* frame, Process process)
    {
        ulong buffer = frame->Arg0;
        long capacity = (long)frame->Arg1;
        if (capacity < 0 || capacity > ProcessTable.MaxProcesses)
            return Error(SyscallError.InvalidArgument);
        int count = ProcessTable.Count;
        for (int i = 0; i < count && i < capacity; i++)
        {
            if (!UserMemory.WriteRecord(process, buffer + (ulong)(i * sizeof(ProcessInfo)), Describe(ProcessTable.Get(i))))
                return Error(SyscallError.BadAddress);
        }
        return count;
    }

    internal static long GetProcessInfo(SyscallFrame* frame, Process process)
    {
        Process target = ProcessSyscalls.Find((long)frame->Arg0);
        if (target == null)
            return Error(SyscallError.NotFound);
        return UserMemory.WriteRecord(process, frame->Arg1, Describe(target)) ? 0 : Error(SyscallError.BadAddress);
    }

    internal static long ListPciDevices(SyscallFrame* frame, Process process)
    {
        ulong buffer = frame->Arg0;
        long capacity = (long)frame->Arg1;
        if (capacity <= 0 || capacity > MaxListing)
            return Error(SyscallError.InvalidArgument);
        var text = new StringBuilder();
        for (int i = 0; i < PciBus.Count; i++)
            text.Append(PciListing.FormatLine(PciBus.Get(i))).Append('\n');
        long length = UserMemory.WriteText(process, buffer, text.ToString(), capacity);
        return length >= 0 ? length : Error(SyscallError.BadAddress);
    }

    private static ProcessInfo Describe(Process process)
    {
        ProcessInfo info = default;
        info.ProcessId = process.Id;
        info.State = (long)process.State;
        info.Priority = process.Priority;
        info.ThreadCount = process.ThreadCount;
        info.MemoryPages = process.AddressSpace == null ? 0 : (long)process.AddressSpace.MappedPages;
        info.CpuMilliseconds = (long)(process.CpuTicks * 1000 / SystemClock.TicksPerSecond);
        info.ExitStatus = process.ExitStatus;
        info.HandleCount = process.Handles.Count;
        info.HandleLimit = process.Handles.Limit;
        info.ThreadLimit = process.ThreadLimit;
        info.ParentId = process.ParentId;
        UserMemory.EncodeInto(process.Name, info.Name, ProcessInfo.NameCapacity - 1);
        return info;
    }
}
