using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Echo;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// Message-port costs against the echo service (started here if it is not running): a
/// short call round trip between two address spaces (the register fast path), a call
/// copying 4 KiB each way, and a call lending 64 KiB by page grant.
/// </summary>
internal static unsafe class IpcBenchmarks
{
    private const int Trials = 7;
    private const int CallIterations = 2000;
    private const int BulkIterations = 200;

    public static void Run()
    {
        SyscallPorts ports = SyscallPorts.Instance;
        long echo = ports.Lookup(EchoService.ShortPortName);
        if (echo < 0)
        {
            ProcessCalls.Spawn("echo");
            for (int i = 0; i < 100 && echo < 0; i++)
            {
                ProcessCalls.Sleep(10);
                echo = ports.Lookup(EchoService.ShortPortName);
            }
        }
        long bulk = ports.Lookup(EchoService.BulkPortName);
        if (echo < 0 || bulk < 0)
        {
            System.Console.WriteLine("bench: echo service unavailable, IPC figures skipped");
            return;
        }

        Benchmarks.Report("ipc_call_rtt (register call/reply, two address spaces)", CallRoundTrip(ports, echo), "ticks", "pipe_rtt");
        byte* buffer = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 16);
        byte* replyBuffer = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 1);
        for (int i = 0; i < 16 * 4096; i++)
            buffer[i] = (byte)i;
        Benchmarks.Report("ipc_copy_4k (call copying 4 KiB in and 4 KiB back)", BulkCall(ports, bulk, buffer, replyBuffer, 4096, 0), "ticks");
        Benchmarks.Report("ipc_grant_64k (call lending 64 KiB by page grant)", BulkCall(ports, bulk, buffer, replyBuffer, 0, 16 * 4096), "ticks");
        Benchmarks.Report("memcpy_64k (the runtime's Buffer.MemoryCopy)", Copy64K(buffer), "ticks", "memcpy_64k");
    }

    private static ulong CallRoundTrip(SyscallPorts ports, long echo)
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < CallIterations; i++)
            {
                var message = new ShortMessage(EchoService.TagEcho, (ulong)i);
                ports.Call(echo, ref message);
            }
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / CallIterations;
        }
        return Benchmarks.Median(samples);
    }

    private static ulong BulkCall(SyscallPorts ports, long bulk, byte* buffer, byte* replyBuffer, ulong copyBytes, ulong grantBytes)
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < BulkIterations; i++)
            {
                var request = default(IpcMessage);
                request.Tag = EchoService.TagBulkQuiet;
                request.BufferAddress = (ulong)buffer;
                request.BufferLength = copyBytes;
                request.GrantAddress = grantBytes == 0 ? 0 : (ulong)buffer;
                request.GrantLength = grantBytes;
                var reply = default(IpcMessage);
                reply.BufferAddress = (ulong)replyBuffer;
                reply.BufferLength = 4096;
                ports.CallEx(bulk, ref request, ref reply);
            }
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / BulkIterations;
        }
        return Benchmarks.Median(samples);
    }

    // 64 KiB in two 32 KiB halves of the 64 KiB buffer, each way (the buffer has no room for 128 KiB).
    private static ulong Copy64K(byte* buffer)
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            System.Buffer.MemoryCopy(buffer, buffer + 32 * 1024, 32 * 1024, 32 * 1024);
            System.Buffer.MemoryCopy(buffer + 32 * 1024, buffer, 32 * 1024, 32 * 1024);
            samples[trial] = Benchmarks.ReadTimestamp() - start;
        }
        return Benchmarks.Median(samples);
    }
}
