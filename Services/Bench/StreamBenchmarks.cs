using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// Standard I/O costs: one console write through the standard output handle (StreamWrite on
/// the kernel's console endpoint) against the old handle-less ConsoleWrite call, for an empty
/// write (the path alone) and a one-byte one (a carriage return, which shows nothing); and a
/// one-byte write plus read through a pipe in the same process (no context switch).
/// </summary>
internal static unsafe class StreamBenchmarks
{
    private const int Trials = 7;
    private const int Iterations = 1000;

    public static void Run()
    {
        byte carriageReturn = (byte)'\r';
        ulong oldEmpty = Measure(&ConsoleWriteCall, &carriageReturn, 0);
        ulong handleEmpty = Measure(&StdoutWrite, &carriageReturn, 0);
        ulong oldByte = Measure(&ConsoleWriteCall, &carriageReturn, 1);
        ulong handleByte = Measure(&StdoutWrite, &carriageReturn, 1);
        Benchmarks.Report("console_write_empty (old ConsoleWrite call, no handle)", oldEmpty, "ticks");
        Benchmarks.Report("stdout_write_empty (StreamWrite on handle 2, the console endpoint)", handleEmpty, "ticks");
        Benchmarks.Report("console_write_1 (old ConsoleWrite call, 1 byte)", oldByte, "ticks");
        Benchmarks.Report("stdout_write_1 (StreamWrite on handle 2, 1 byte)", handleByte, "ticks");
        Benchmarks.Report("pipe_write_read_1 (1 byte into a pipe and out again, one process)", PipeRoundTrip(), "ticks");
    }

    private static long ConsoleWriteCall(byte* bytes, long count) => SystemCall.Call(SyscallNumber.ConsoleWrite, (long)bytes, count);

    private static long StdoutWrite(byte* bytes, long count) => StreamCalls.Write(StartupHandles.StandardOutput, bytes, count);

    private static ulong Measure(delegate*<byte*, long, long> write, byte* bytes, long count)
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < Iterations; i++)
                write(bytes, count);
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / Iterations;
        }
        return Benchmarks.Median(samples);
    }

    private static ulong PipeRoundTrip()
    {
        if (StreamCalls.CreatePipe(out long readEnd, out long writeEnd) < 0)
            return 0;
        byte value = 1;
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < Iterations; i++)
            {
                StreamCalls.Write(writeEnd, &value, 1);
                StreamCalls.Read(readEnd, &value, 1);
            }
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / Iterations;
        }
        StreamCalls.Close(readEnd);
        StreamCalls.Close(writeEnd);
        return Benchmarks.Median(samples);
    }
}
