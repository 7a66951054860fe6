using System.Runtime.CompilerServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// The handler of every system call, indexed by its <see cref="SyscallNumber"/> (like xv6's
/// syscall.c). Handlers live in one class per family; each decodes its own arguments from
/// the frame and returns the result for RAX. The table is syscall_entry's
/// (<see cref="SyscallEntryState"/>): the stub checks the number and calls the handler itself.
/// A few numbers also have a leaf handler (see <see cref="TakeFullPath"/>).
/// </summary>
internal static unsafe class SyscallTable
{
    /// <summary>One more than the highest number any family uses (families own ranges: see <see cref="SyscallNumber"/>); SyscallEntry.asm's SYSCALL_CAPACITY.</summary>
    internal const int Capacity = 200;

    /// <summary>
    /// What a leaf handler returns when it cannot do the call on the leaf path (a read that needs the disk):
    /// syscall_entry then runs the number's full handler. A leaf handler runs with interrupts off from
    /// SYSCALL to SYSRET and must never block, never fault, never allocate and finish in a few thousand
    /// instructions; it reads only the frame's arguments and writes nothing in the frame. No result is
    /// long.MinValue (errors are small negative numbers).
    /// </summary>
    internal const long TakeFullPath = long.MinValue;

    /// <summary>The handler of system call <paramref name="number"/>; for a number that names none, one that returns NoSuchCall.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static delegate*<SyscallFrame*, Process, long> Find(ulong number) =>
        number < Capacity ? (delegate*<SyscallFrame*, Process, long>)SyscallEntry.State->Handlers[number] : &NoSuchCall;

    // Fills every slot no family uses, so the dispatcher calls what it finds without a null test.
    private static long NoSuchCall(SyscallFrame* frame, Process process) => SyscallResult.Error(SyscallError.NoSuchCall);

    /// <summary>Fills the table; once, at boot, before the first system call.</summary>
    public static void Initialize()
    {
        var table = new delegate*<SyscallFrame*, Process, long>[Capacity];

        table[(int)SyscallNumber.Exit] = &ProcessSyscalls.Exit;
        table[(int)SyscallNumber.Yield] = &ProcessSyscalls.Yield;
        table[(int)SyscallNumber.Sleep] = &ProcessSyscalls.Sleep;
        table[(int)SyscallNumber.GetProcessId] = &ProcessSyscalls.GetProcessId;
        table[(int)SyscallNumber.Spawn] = &ProcessSyscalls.Spawn;
        table[(int)SyscallNumber.Wait] = &ProcessSyscalls.Wait;
        table[(int)SyscallNumber.Kill] = &ProcessSyscalls.Kill;
        table[(int)SyscallNumber.CreateThread] = &ProcessSyscalls.CreateThread;
        table[(int)SyscallNumber.ExitThread] = &ProcessSyscalls.ExitThread;
        table[(int)SyscallNumber.StopOtherThreads] = &ProcessSyscalls.StopOtherThreads;
        table[(int)SyscallNumber.ResumeOtherThreads] = &ProcessSyscalls.ResumeOtherThreads;
        table[(int)SyscallNumber.GetThreadId] = &ProcessSyscalls.GetThreadId;
        table[(int)SyscallNumber.SpawnEx] = &ProcessSyscalls.SpawnEx;

        table[(int)SyscallNumber.FutexWait] = &FutexSyscalls.FutexWait;
        table[(int)SyscallNumber.FutexWake] = &FutexSyscalls.FutexWake;
        table[(int)SyscallNumber.SetThreadPointer] = &FutexSyscalls.SetThreadPointer;

        table[(int)SyscallNumber.MapMemory] = &MemorySyscalls.MapMemory;
        table[(int)SyscallNumber.UnmapMemory] = &MemorySyscalls.UnmapMemory;
        table[(int)SyscallNumber.DescribeAddress] = &MemorySyscalls.DescribeAddress;
        table[(int)SyscallNumber.SetFaultEntry] = &MemorySyscalls.SetFaultEntry;

        table[(int)SyscallNumber.ConsoleWrite] = &ConsoleSyscalls.ConsoleWrite;
        table[(int)SyscallNumber.ConsoleRead] = &ConsoleSyscalls.ConsoleRead;

        table[(int)SyscallNumber.ListProcesses] = &SystemSyscalls.ListProcesses;
        table[(int)SyscallNumber.GetProcessInfo] = &SystemSyscalls.GetProcessInfo;
        table[(int)SyscallNumber.GetMemoryInfo] = &SystemSyscalls.GetMemoryInfo;
        table[(int)SyscallNumber.GetUptime] = &SystemSyscalls.GetUptime;
        table[(int)SyscallNumber.GetWallClock] = &SystemSyscalls.GetWallClock;
        table[(int)SyscallNumber.PowerOff] = &SystemSyscalls.PowerOff;
        table[(int)SyscallNumber.ListPciDevices] = &SystemSyscalls.ListPciDevices;
        table[(int)SyscallNumber.BootMilestoneReached] = &DiagnosticSyscalls.BootMilestoneReached;
        table[(int)SyscallNumber.ProfileStart] = &DiagnosticSyscalls.ProfileStart;
        table[(int)SyscallNumber.ProfileStop] = &DiagnosticSyscalls.ProfileStop;

        table[(int)SyscallNumber.PortCreate] = &IpcSyscalls.PortCreate;
        table[(int)SyscallNumber.HandleClose] = &IpcSyscalls.HandleClose;
        table[(int)SyscallNumber.HandleDuplicate] = &IpcSyscalls.HandleDuplicate;
        table[(int)SyscallNumber.PortSend] = &IpcSyscalls.PortSend;
        table[(int)SyscallNumber.PortReceive] = &IpcSyscalls.PortReceive;
        table[(int)SyscallNumber.PortCall] = &IpcSyscalls.PortCall;
        table[(int)SyscallNumber.PortReplyWait] = &IpcSyscalls.PortReplyWait;
        table[(int)SyscallNumber.PortCallEx] = &IpcSyscalls.PortCallEx;
        table[(int)SyscallNumber.PortReplyEx] = &IpcSyscalls.PortReplyEx;
        table[(int)SyscallNumber.PortNotify] = &IpcSyscalls.PortNotify;
        table[(int)SyscallNumber.IrqBind] = &DeviceSyscalls.IrqBind;
        table[(int)SyscallNumber.IrqAcknowledge] = &DeviceSyscalls.IrqAcknowledge;
        table[(int)SyscallNumber.NameRegister] = &IpcSyscalls.NameRegister;
        table[(int)SyscallNumber.NameLookup] = &IpcSyscalls.NameLookup;
        table[(int)SyscallNumber.NameReserve] = &AuthoritySyscalls.NameReserve;

        table[(int)SyscallNumber.FileOpen] = &FileSyscalls.FileOpen;
        table[(int)SyscallNumber.FileRead] = &FileSyscalls.FileRead;
        table[(int)SyscallNumber.FileWrite] = &FileSyscalls.FileWrite;
        table[(int)SyscallNumber.FileSeek] = &FileSyscalls.FileSeek;
        table[(int)SyscallNumber.FileClose] = &FileSyscalls.FileClose;
        table[(int)SyscallNumber.FileStat] = &FileSyscalls.FileStat;
        table[(int)SyscallNumber.DirectoryRead] = &FileSyscalls.DirectoryRead;
        table[(int)SyscallNumber.DirectoryCreate] = &FileSyscalls.DirectoryCreate;
        table[(int)SyscallNumber.Unlink] = &FileSyscalls.Unlink;
        table[(int)SyscallNumber.Rename] = &FileSyscalls.Rename;
        table[(int)SyscallNumber.Sync] = &FileSyscalls.Sync;
        table[(int)SyscallNumber.ChangeDirectory] = &FileSyscalls.ChangeDirectory;
        table[(int)SyscallNumber.GetWorkingDirectory] = &FileSyscalls.GetWorkingDirectory;
        table[(int)SyscallNumber.ListMounts] = &FileSyscalls.ListMounts;
        table[(int)SyscallNumber.FileSetLength] = &FileSyscalls.FileSetLength;
        table[(int)SyscallNumber.FileReadAt] = &FileSyscalls.FileReadAt;

        table[(int)SyscallNumber.StreamRead] = &StreamSyscalls.StreamRead;
        table[(int)SyscallNumber.StreamWrite] = &StreamSyscalls.StreamWrite;
        table[(int)SyscallNumber.PipeCreate] = &StreamSyscalls.PipeCreate;
        table[(int)SyscallNumber.StreamOpenFile] = &StreamSyscalls.StreamOpenFile;
        table[(int)SyscallNumber.ConsoleInputOpen] = &ConsoleSyscalls.ConsoleInputOpen;

        table[(int)SyscallNumber.DeviceList] = &DeviceSyscalls.DeviceList;
        table[(int)SyscallNumber.DeviceOpen] = &DeviceSyscalls.DeviceOpen;
        table[(int)SyscallNumber.DeviceMap] = &DeviceSyscalls.DeviceMap;
        table[(int)SyscallNumber.DeviceConfigRead] = &DeviceSyscalls.DeviceConfigRead;
        table[(int)SyscallNumber.DeviceConfigWrite] = &DeviceSyscalls.DeviceConfigWrite;
        table[(int)SyscallNumber.DeviceBusMaster] = &DeviceSyscalls.DeviceBusMaster;
        table[(int)SyscallNumber.DeviceDmaAllocate] = &DeviceSyscalls.DeviceDmaAllocate;
        table[(int)SyscallNumber.DevicePortsEnable] = &DeviceSyscalls.DevicePortsEnable;
        table[(int)SyscallNumber.DevicePortRead] = &DeviceSyscalls.DevicePortRead;
        table[(int)SyscallNumber.DevicePortWrite] = &DeviceSyscalls.DevicePortWrite;
        table[(int)SyscallNumber.DeviceIrqTimestamp] = &DeviceSyscalls.DeviceIrqTimestamp;

        table[(int)SyscallNumber.BlockOpen] = &BlockSyscalls.BlockOpen;
        table[(int)SyscallNumber.BlockGeometry] = &BlockSyscalls.BlockGeometry;
        table[(int)SyscallNumber.BlockRead] = &BlockSyscalls.BlockRead;
        table[(int)SyscallNumber.BlockWrite] = &BlockSyscalls.BlockWrite;
        table[(int)SyscallNumber.BlockFlush] = &BlockSyscalls.BlockFlush;
        table[(int)SyscallNumber.FileServerAttach] = &FileServerSyscalls.FileServerAttach;

        table[(int)SyscallNumber.FaultInject] = &FaultInjectSyscalls.FaultInject;

        table[(int)SyscallNumber.PlaceVolume] = &PlacementSyscalls.PlaceVolume;

        table[(int)SyscallNumber.PortCallerProcess] = &IpcSyscalls.PortCallerProcess;

        SyscallEntryState* state = SyscallEntry.State;
        for (int number = 0; number < table.Length; number++)
            state->Handlers[number] = (ulong)(table[number] != null ? table[number] : &NoSuchCall);

        // The leaf path's calls: GetProcessId and the like, and the reads the file system answers from memory.
        state->LeafHandlers[(int)SyscallNumber.GetProcessId] = (ulong)(delegate*<SyscallFrame*, Process, long>)&ProcessSyscalls.GetProcessId;
        state->LeafHandlers[(int)SyscallNumber.GetThreadId] = (ulong)(delegate*<SyscallFrame*, Process, long>)&ProcessSyscalls.GetThreadId;
        state->LeafHandlers[(int)SyscallNumber.GetUptime] = (ulong)(delegate*<SyscallFrame*, Process, long>)&SystemSyscalls.GetUptime;
        state->LeafHandlers[(int)SyscallNumber.FileRead] = (ulong)(delegate*<SyscallFrame*, Process, long>)&FileSyscalls.FileReadFromMemory;
        state->LeafHandlers[(int)SyscallNumber.FileReadAt] = (ulong)(delegate*<SyscallFrame*, Process, long>)&FileSyscalls.FileReadAtFromMemory;
    }
}
