using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console;
using CosmosHybrid.Console.Input;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Streams;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// The console system calls from before standard I/O handles: writing to the console (serial
/// line and screen) and reading its input without a handle. Programs use handles 1-3 now
/// (<see cref="StreamSyscalls"/>); these stay for the benchmark that compares the two paths.
/// </summary>
internal static unsafe class ConsoleSyscalls
{
    private const long MaxWrite = 64 * 1024;
    private const int ChunkSize = 256;

    internal static long ConsoleWrite(SyscallFrame* frame, Process process)
    {
        ulong text = frame->Arg0;
        long length = (long)frame->Arg1;
        if (length < 0 || length > MaxWrite)
            return Error(SyscallError.InvalidArgument);
        byte* chunk = stackalloc byte[ChunkSize];
        using (SystemConsole.WriteLock.Hold())   // the same lock as writes through a console handle
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

    /// <summary>ConsoleInputOpen(authority) → a write-only stream handle into the console's input.</summary>
    internal static long ConsoleInputOpen(SyscallFrame* frame, Process process)
    {
        using (InterruptsOff.Enter())
        {
            if (Security.Authority.Require(process.Handles, (long)frame->Arg0, HandleRights.ConsoleInput) != SyscallError.None)
                return Error(SyscallError.Denied);
            long handle = process.Handles.Add(ConsoleInputStream.Instance, ConsoleInputStream.Rights);
            return handle == 0 ? Error(SyscallError.TooManyHandles) : handle;
        }
    }
}
