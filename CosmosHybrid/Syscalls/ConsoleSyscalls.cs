using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console;
using CosmosHybrid.Console.Input;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>The console system calls: writing to the console (serial line and screen) and reading its input.</summary>
internal static unsafe class ConsoleSyscalls
{
    private const long MaxWrite = 64 * 1024;
    private const int ChunkSize = 256;

    // One write reaches the console whole: a preempted writer keeps the others out, so
    // lines of processes writing at once interleave but never tear (like a tty's write lock).
    private static readonly KernelMutex s_writeLock = new KernelMutex();

    internal static long ConsoleWrite(SyscallFrame* frame, Process process)
    {
        ulong text = frame->Arg0;
        long length = (long)frame->Arg1;
        if (length < 0 || length > MaxWrite)
            return Error(SyscallError.InvalidArgument);
        byte* chunk = stackalloc byte[ChunkSize];
        using (s_writeLock.Hold())
        {
            for (long done = 0; done < length; done += ChunkSize)
            {
                long count = length - done < ChunkSize ? length - done : ChunkSize;
                if (!UserMemory.Read(process, chunk, text + (ulong)done, count))
                    return Error(SyscallError.BadAddress);
                SystemConsole.WriteBytes(chunk, (int)count);
            }
        }
        return length;
    }

    internal static long ConsoleRead(SyscallFrame* frame, Process process)
    {
        ulong buffer = frame->Arg0;
        long capacity = (long)frame->Arg1;
        if (capacity <= 0)
            return Error(SyscallError.InvalidArgument);
        if (capacity > ChunkSize)
            capacity = ChunkSize;
        // Check the buffer before waiting, so a bad pointer fails at once.
        byte probe = 0;
        if (!UserMemory.Write(process, buffer, &probe, 1))
            return Error(SyscallError.BadAddress);

        byte* chunk = stackalloc byte[ChunkSize];
        int count = ConsoleInput.Read(chunk, (int)capacity);
        return UserMemory.Write(process, buffer, chunk, count) ? count : Error(SyscallError.BadAddress);
    }
}
