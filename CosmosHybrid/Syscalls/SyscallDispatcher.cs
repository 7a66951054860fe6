using System;
using System.Runtime;
using CosmosHybrid.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Boot;
using CosmosHybrid.Console;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Ipc;
using CosmosHybrid.Memory;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using Internal.Runtime.GC;
using static CosmosHybrid.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// Runs system calls (entered from syscall_entry in SyscallEntry.asm, interrupts on).
/// Every argument is checked: pointers must be user memory of the calling process and
/// lengths bounded; a bad one makes the call return an error, never a kernel fault.
/// </summary>
internal static unsafe class SyscallDispatcher
{
    private const long MaxConsoleWrite = 64 * 1024;
    private const int ChunkSize = 256;
    private const long MaxNameLength = 256;
    private const long MaxMapPages = 64 * 1024;   // 256 MiB per call

    // One write reaches the console whole: a preempted writer keeps the others out, so
    // lines of processes writing at once interleave but never tear (like a tty's write lock).
    private static readonly KernelMutex s_consoleWriteLock = new KernelMutex();

    [RuntimeExport("SyscallDispatch")]
    private static void Dispatch(SyscallFrame* frame)
    {
        Process process = Scheduler.Current.Process;
        long result = process == null ? Error(SyscallError.Denied) : Run(frame, process);
        frame->NumberAndResult = (ulong)result;
        // Interrupts stay off from this check to SYSRET: a thread preempted after it could
        // otherwise return to ring 3 while its process is stopped for the collector.
        Cpu.DisableInterrupts();
        if (process != null && process.StoppedBy != null)
            ThreadStops.ParkIfStopped();
    }

    private static long Run(SyscallFrame* frame, Process process)
    {
        switch ((SyscallNumber)frame->NumberAndResult)
        {
            case SyscallNumber.Exit:
                ProcessTable.ExitCurrent((int)frame->Arg0, ProcessState.Exited);
                return 0;
            case SyscallNumber.ConsoleWrite:
                return ConsoleWrite(process, frame->Arg0, (long)frame->Arg1);
            case SyscallNumber.ConsoleRead:
                return ConsoleRead(process, frame->Arg0, (long)frame->Arg1);
            case SyscallNumber.Yield:
                Scheduler.Yield();
                return 0;
            case SyscallNumber.Sleep:
                if ((long)frame->Arg0 < 0)
                    return Error(SyscallError.InvalidArgument);
                Scheduler.Sleep(frame->Arg0);
                return 0;
            case SyscallNumber.GetProcessId:
                return process.Id;
            case SyscallNumber.Spawn:
                return Spawn(process, frame->Arg0, (long)frame->Arg1);
            case SyscallNumber.Wait:
                return Wait(process, (long)frame->Arg0, frame->Arg1);
            case SyscallNumber.Kill:
                return Kill(process, (long)frame->Arg0);
            case SyscallNumber.MapMemory:
                return MapMemory(process, (long)frame->Arg0);
            case SyscallNumber.UnmapMemory:
                return process.AddressSpace.ReleaseHeap(frame->Arg0, frame->Arg1) ? 0 : Error(SyscallError.InvalidArgument);
            case SyscallNumber.ListProcesses:
                return ListProcesses(process, frame->Arg0, (long)frame->Arg1);
            case SyscallNumber.ListPciDevices:
                return ListPciDevices(process, frame->Arg0, (long)frame->Arg1);
            case SyscallNumber.DescribeAddress:
                return DescribeAddress(process, frame->Arg0, frame->Arg1, (long)frame->Arg2);
            case SyscallNumber.GetProcessInfo:
                return GetProcessInfo(process, (long)frame->Arg0, frame->Arg1);
            case SyscallNumber.GetMemoryInfo:
                return GetMemoryInfo(process, frame->Arg0);
            case SyscallNumber.GetUptime:
                return (long)SystemClock.UptimeMilliseconds;
            case SyscallNumber.PowerOff:
                KernelLog.WriteLine("powering off (requested by process " + process.Id.ToString() + ")");
                Power.PowerOff();
                return 0;
            case SyscallNumber.CreateThread:
                return CreateThread(process, frame->Arg0, frame->Arg1, frame->Arg2);
            case SyscallNumber.ExitThread:
                ThreadStops.OnThreadEnding(Scheduler.Current);
                Scheduler.ExitCurrent();
                return 0;
            case SyscallNumber.StopOtherThreads:
                return ThreadStops.Stop(process, frame->Arg0, (long)frame->Arg1);
            case SyscallNumber.ResumeOtherThreads:
                return ThreadStops.Resume(process);
            case SyscallNumber.GetThreadId:
                return Scheduler.Current.Id;
            case SyscallNumber.PortCreate:
                return IpcSyscalls.PortCreate(frame, process);
            case SyscallNumber.HandleClose:
                return IpcSyscalls.HandleClose(frame, process);
            case SyscallNumber.HandleDuplicate:
                return IpcSyscalls.HandleDuplicate(frame, process);
            case SyscallNumber.PortSend:
                return IpcSyscalls.PortSend(frame, process);
            case SyscallNumber.PortReceive:
                return IpcSyscalls.PortReceive(frame, process);
            case SyscallNumber.PortCall:
                return IpcSyscalls.PortCall(frame, process);
            case SyscallNumber.PortReplyWait:
                return IpcSyscalls.PortReplyWait(frame, process);
            case SyscallNumber.PortCallEx:
                return IpcSyscalls.PortCallEx(frame, process);
            case SyscallNumber.PortReplyEx:
                return IpcSyscalls.PortReplyEx(frame, process);
            case SyscallNumber.PortNotify:
                return IpcSyscalls.PortNotify(frame, process);
            case SyscallNumber.IrqBind:
                return IpcSyscalls.IrqBind(frame, process);
            case SyscallNumber.IrqAcknowledge:
                return IpcSyscalls.IrqAcknowledge(frame, process);
            case SyscallNumber.NameRegister:
                return IpcSyscalls.NameRegister(frame, process);
            case SyscallNumber.NameLookup:
                return IpcSyscalls.NameLookup(frame, process);
            default:
                return FileSyscalls.Handles((long)frame->NumberAndResult) ? FileSyscalls.Run(frame, process) : Error(SyscallError.NoSuchCall);
        }
    }


    private const long MaxListing = 16 * 1024;

    private static long ListPciDevices(Process process, ulong buffer, long capacity)
    {
        if (capacity <= 0 || capacity > MaxListing)
            return Error(SyscallError.InvalidArgument);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < Drivers.Pci.PciBus.Count; i++)
            text.Append(Drivers.Pci.PciListing.FormatLine(Drivers.Pci.PciBus.Get(i))).Append('\n');
        int length = text.Length < capacity ? text.Length : (int)capacity;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
            bytes[i] = text[i] < 128 ? (byte)text[i] : (byte)'?';
        fixed (byte* source = bytes)
            return process.AddressSpace.CopyToUser(buffer, source, (ulong)length) ? length : Error(SyscallError.BadAddress);
    }

    private static long DescribeAddress(Process process, ulong address, ulong buffer, long capacity)
    {
        if (capacity <= 0 || capacity > ChunkSize)
            return Error(SyscallError.InvalidArgument);
        SymbolTable symbols = ProgramFiles.GetSymbols(process.Name);
        if (symbols == null || !symbols.TryFind(address, out string name, out ulong offset))
            return Error(SyscallError.NotFound);
        if (offset != 0)
            name = name + "+0x" + offset.ToString("x");
        byte* bytes = stackalloc byte[ChunkSize];
        int length = name.Length < capacity ? name.Length : (int)capacity;
        for (int i = 0; i < length; i++)
            bytes[i] = name[i] < 128 ? (byte)name[i] : (byte)'?';
        return process.AddressSpace.CopyToUser(buffer, bytes, (ulong)length) ? length : Error(SyscallError.BadAddress);
    }

    private static long ConsoleWrite(Process process, ulong text, long length)
    {
        if (length < 0 || length > MaxConsoleWrite)
            return Error(SyscallError.InvalidArgument);
        byte* chunk = stackalloc byte[ChunkSize];
        long result = length;
        s_consoleWriteLock.Acquire();
        for (long done = 0; done < length; done += ChunkSize)
        {
            long count = length - done < ChunkSize ? length - done : ChunkSize;
            if (!process.AddressSpace.CopyFromUser(chunk, text + (ulong)done, (ulong)count))
            {
                result = Error(SyscallError.BadAddress);
                break;
            }
            for (long i = 0; i < count; i++)
                KernelLog.Write((char)chunk[i]);
        }
        s_consoleWriteLock.Release();
        return result;
    }

    private static long ConsoleRead(Process process, ulong buffer, long capacity)
    {
        if (capacity <= 0 || capacity > ChunkSize)
            capacity = capacity <= 0 ? 0 : ChunkSize;
        if (capacity == 0)
            return Error(SyscallError.InvalidArgument);
        // Check the buffer before waiting, so a bad pointer fails at once.
        byte probe = 0;
        if (!process.AddressSpace.CopyToUser(buffer, &probe, 1))
            return Error(SyscallError.BadAddress);

        byte* chunk = stackalloc byte[ChunkSize];
        int count = ConsoleInput.Read(chunk, (int)capacity);
        if (!process.AddressSpace.CopyToUser(buffer, chunk, (ulong)count))
            return Error(SyscallError.BadAddress);
        return count;
    }

    private static long Spawn(Process process, ulong name, long length)
    {
        if (!ReadUserString(process, name, length, out string programName))
            return Error(length <= 0 || length > MaxNameLength ? SyscallError.InvalidArgument : SyscallError.BadAddress);
        Process child = ProcessTable.Spawn(programName, out SyscallError error, process.WorkingDirectory);
        return child == null ? Error(error) : child.Id;
    }

    // The status goes through memory: exit statuses can be negative and must not be mistaken for errors.
    private static long Wait(Process process, long id, ulong statusAddress)
    {
        Process target = id > 0 && id <= int.MaxValue ? ProcessTable.Find((int)id) : null;
        if (target == null || target == process)
            return Error(SyscallError.NotFound);
        long probe = 0;
        if (!process.AddressSpace.CopyToUser(statusAddress, &probe, sizeof(long)))
            return Error(SyscallError.BadAddress);
        long status = ProcessTable.Wait(target);
        return process.AddressSpace.CopyToUser(statusAddress, &status, sizeof(long)) ? 0 : Error(SyscallError.BadAddress);
    }

    private static long Kill(Process process, long id)
    {
        Process target = id > 0 && id <= int.MaxValue ? ProcessTable.Find((int)id) : null;
        if (target == null || !target.IsAlive)
            return Error(SyscallError.NotFound);
        if (target == process)
            ProcessTable.ExitCurrent(-9, ProcessState.Killed);
        ProcessTable.Terminate(target, -9, ProcessState.Killed);
        return 0;
    }

    private static long MapMemory(Process process, long pages)
    {
        if (pages <= 0 || pages > MaxMapPages)
            return Error(SyscallError.InvalidArgument);
        ulong address = process.AddressSpace.ReserveHeap((ulong)pages);
        return address == 0 ? Error(SyscallError.OutOfMemory) : (long)address;
    }

    private static long ListProcesses(Process caller, ulong buffer, long capacity)
    {
        if (capacity < 0 || capacity > ProcessTable.MaxProcesses)
            return Error(SyscallError.InvalidArgument);
        int count = ProcessTable.Count;
        for (int i = 0; i < count && i < capacity; i++)
        {
            ProcessInfo info = Describe(ProcessTable.Get(i));
            if (!caller.AddressSpace.CopyToUser(buffer + (ulong)(i * sizeof(ProcessInfo)), &info, (ulong)sizeof(ProcessInfo)))
                return Error(SyscallError.BadAddress);
        }
        return count;
    }

    private static long GetProcessInfo(Process caller, long id, ulong buffer)
    {
        Process target = id > 0 && id <= int.MaxValue ? ProcessTable.Find((int)id) : null;
        if (target == null)
            return Error(SyscallError.NotFound);
        ProcessInfo info = Describe(target);
        return caller.AddressSpace.CopyToUser(buffer, &info, (ulong)sizeof(ProcessInfo)) ? 0 : Error(SyscallError.BadAddress);
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
        for (int i = 0; i < process.Name.Length && i < ProcessInfo.NameCapacity - 1; i++)
            info.Name[i] = (byte)process.Name[i];
        return info;
    }

    private static long GetMemoryInfo(Process caller, ulong buffer)
    {
        MemoryInfo info;
        info.TotalPages = (long)KernelPages.Frames.UsableFrames;
        info.FreePages = (long)KernelPages.Frames.FreeFrames;
        info.KernelHeapBytes = (long)GCHeap.SegmentBytes;
        info.PageSize = (long)KernelPages.PageSize;
        return caller.AddressSpace.CopyToUser(buffer, &info, (ulong)sizeof(MemoryInfo)) ? 0 : Error(SyscallError.BadAddress);
    }

    private static long CreateThread(Process process, ulong entry, ulong stackTop, ulong argument)
    {
        if (entry < UserAddressSpace.UserStart || entry >= UserAddressSpace.UserEnd
            || stackTop < UserAddressSpace.UserStart || stackTop > UserAddressSpace.UserEnd || (stackTop & 15) != 0)
            return Error(SyscallError.InvalidArgument);
        Thread thread = ProcessTable.CreateUserThread(process, entry, stackTop, argument, 0);
        if (thread == null)
            return Error(SyscallError.OutOfMemory);
        Scheduler.Start(thread);
        return thread.Id;
    }

    private static bool ReadUserString(Process process, ulong text, long length, out string value)
    {
        value = null;
        if (length <= 0 || length > MaxNameLength)
            return false;
        byte* bytes = stackalloc byte[(int)MaxNameLength];
        if (!process.AddressSpace.CopyFromUser(bytes, text, (ulong)length))
            return false;
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = (char)bytes[i];
        value = new string(chars);
        return true;
    }
}
