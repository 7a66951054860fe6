using System;
using CosmosHybrid.Console;
using CosmosHybrid.Console.Input;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Streams;

/// <summary>
/// The machine's console as a stream: reads take what was typed on the serial line
/// (<see cref="ConsoleInput"/>; Ctrl-D reads as the end), writes go to the serial line and the
/// screen (<see cref="SystemConsole.WriteBytes"/>). It lives in the kernel, not in a ring-3
/// server: a write is then one system call and no context switch (see README, "Standard I/O").
/// The kernel hands it to the first program as standard input, output and error.
/// </summary>
internal sealed unsafe class ConsoleStream : StreamObject
{
    public static ConsoleStream Instance { get; } = new ConsoleStream();

    private ConsoleStream()
    {
    }

    /// <summary>Standard input (read), output and error (write) on the console: handles 1 to 3 of a program the kernel starts.</summary>
    public static StartupHandleList StandardIo(int count)
    {
        var handles = new StartupHandleList(count);
        handles.Set(StartupHandles.StandardInput, Instance, HandleRights.StreamRead | HandleRights.Transfer);
        handles.Set(StartupHandles.StandardOutput, Instance, HandleRights.StreamWrite | HandleRights.Transfer);
        handles.Set(StartupHandles.StandardError, Instance, HandleRights.StreamWrite | HandleRights.Transfer);
        return handles;
    }

    public override SyscallError Read(Span<byte> destination, bool wait, out int count)
    {
        count = ConsoleInput.ReadStream(destination, wait);
        return SyscallError.None;
    }

    public override SyscallError Write(ReadOnlySpan<byte> source, out int written)
    {
        fixed (byte* bytes = source)
            SystemConsole.WriteBytes(bytes, source.Length);
        written = source.Length;
        return SyscallError.None;
    }

    // One write reaches the console whole: a preempted writer keeps the others out (SystemConsole.WriteLock).
    public override void BeginWrite() => SystemConsole.WriteLock.Acquire();

    public override void EndWrite() => SystemConsole.WriteLock.Release();
}
