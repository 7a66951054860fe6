using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Processes;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>The memory system calls: reserving and returning heap pages, and naming an address of the caller's program.</summary>
internal static unsafe class MemorySyscalls
{
    private const long MaxMapPages = 64 * 1024;   // 256 MiB per call
    private const long MaxSymbolName = 256;

    internal static long MapMemory(SyscallFrame* frame, Process process)
    {
        long pages = (long)frame->Arg0;
        if (pages <= 0 || pages > MaxMapPages)
            return Error(SyscallError.InvalidArgument);
        // Pages are given on first touch, but a request for more than is free now cannot be met:
        // refused here, a program's heap throws OutOfMemoryException instead of faulting later.
        if (!Memory.UserMemoryReserve.MayTake(Memory.KernelPages.Frames.FreeFrames, (ulong)pages))
            return Error(SyscallError.OutOfMemory);
        ulong address = process.AddressSpace.ReserveHeap((ulong)pages);
        return address == 0 ? Error(SyscallError.OutOfMemory) : (long)address;
    }

    internal static long UnmapMemory(SyscallFrame* frame, Process process) =>
        process.AddressSpace.ReleaseHeap(frame->Arg0, frame->Arg1) ? 0 : Error(SyscallError.InvalidArgument);

    internal static long SetFaultEntry(SyscallFrame* frame, Process process) =>
        process.FaultEntry.Set(frame->Arg0, frame->Arg1, frame->Arg2) ? 0 : Error(SyscallError.InvalidArgument);

    internal static long DescribeAddress(SyscallFrame* frame, Process process)
    {
        ulong buffer = frame->Arg1;
        long capacity = (long)frame->Arg2;
        if (capacity <= 0 || capacity > MaxSymbolName)
            return Error(SyscallError.InvalidArgument);
        SymbolTable symbols = process.Symbols;
        if (symbols == null || !symbols.TryFind(frame->Arg0, out string name, out ulong offset))
            return Error(SyscallError.NotFound);
        if (offset != 0)
            name = name + "+0x" + offset.ToString("x");
        long length = UserMemory.WriteText(process, buffer, name, capacity);
        return length >= 0 ? length : Error(SyscallError.BadAddress);
    }
}
