using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Abi;

/// <summary>One process as ListProcesses reports it (fixed layout: copied across the user/kernel boundary).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ProcessInfo
{
    public const int NameCapacity = 24;

    public long ProcessId;
    public long State;            // a ProcessState value
    public long Priority;
    public long ThreadCount;
    public long MemoryPages;      // physical pages owned
    public long CpuMilliseconds;
    public long ExitStatus;
    public long HandleCount;
    public long ParentId;         // the spawner's id, 0 for the program the kernel started
    public long HandleLimit;      // the handle quota
    public long ThreadLimit;      // the thread quota
    public fixed byte Name[NameCapacity];
}

public enum ProcessState : long
{
    Running = 0,
    Exited = 1,
    Killed = 2,
}

/// <summary>Physical memory figures for `mem`.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct MemoryInfo
{
    public long TotalPages;
    public long FreePages;
    public long KernelHeapBytes;
    public long PageSize;
    /// <summary>The kernel heap's live bytes after its last collection (GetMemoryInfo with collect = 1 collects first).</summary>
    public long KernelHeapLiveBytes;
}
