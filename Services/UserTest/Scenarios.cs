using System;
using System.Runtime.CompilerServices;
using System.Text;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// What usertest does, chosen by its first argument word:
/// count N LABEL (print LABEL 1..N with a pause in between), lines N LABEL (N long lines
/// as fast as it can, for checking that concurrent writes do not tear), the faults (divide, null,
/// kernel-write, kernel-read, privileged, stack-overflow, exception), the exception ones
/// (conformance, catch-faults, unhandled-trace, dispatcher-fault, throw-threads N: see <see cref="ExceptionScenarios"/>), bad-pointers
/// (system calls with kernel and unmapped pointers), registers (SSE values survive
/// preemption), syscall-registers N (no kernel value in xmm0-15 after a system call: see <see cref="SyscallRegisters"/>),
/// read-unmap N (a buffer unmapped while the kernel reads a file into it: see <see cref="ReadWhileUnmapping"/>),
/// read-race N [DIR] (4 KiB reads racing reads, rewrites and truncations by other threads: see <see cref="ReadRaces"/>), spawn-loop N (start and reap N processes, check frames come back), orphans N (N
/// children of a parent that waits for none leave the process table when they end),
/// heap (the ring-3 garbage collector under churn), heap-threads N (the same with N more
/// threads allocating at once), cctor-threads (a static constructor four threads reach at once), the threading ones (lock-count N, monitor-queue N,
/// cctor-cycle, futex-errors, thread-api, foreground, futex-sleeper, exit-unowned: see <see cref="ThreadScenarios"/>), thread-churn N (see <see cref="ThreadChurn"/>),
/// float-text N (double and float text of N generated values, as a digest the boot tests compare with .NET's), exit N, spawn-handles (SpawnEx: startup handles, rights, quotas; its children send-on and fill-handles), device-holder (see <see cref="DeviceHolder"/>), the file scenarios
/// (files DIR, fill FILE, churn FILE, leave-open FILE: see <see cref="FileScenarios"/>), powercut SEED [OPS] [DIR]
/// (random file operations with syncs that print the synced state: see <see cref="PowerCutWorkload"/>), and the
/// standard I/O ones (wc, flood, stream-calls: see <see cref="StreamScenarios"/>), and input-events (a
/// subscriber of the input driver: see <see cref="InputScenarios"/>), and the hogs (hog-spawn, hog-memory,
/// hog-touch, hog-handles, hog-ports, hog-disk FILE, hog-sockets, and socket-neighbour beside it: see <see cref="HogScenarios"/>).
/// </summary>
internal static unsafe class Scenarios
{
    public static int Run(string arguments)
    {
        int space = arguments.IndexOf(' ');
        string scenario = space < 0 ? arguments : arguments.Substring(0, space);
        string rest = space < 0 ? "" : arguments.Substring(space + 1);
        switch (scenario)
        {
            case "count":
                return Count(rest);
            case "lines":
                return Lines(rest);
            case "divide":
                return Divide(ReadZero());
            case "null":
                return *(int*)ReadZero();
            case "kernel-write":
                *(ulong*)0xFFFF_FFFF_8010_0000 = 1;
                return 0;
            case "kernel-read":
                return (int)*(ulong*)0xFFFF_8000_0000_1000;
            case "privileged":
                return Privileged.DisableInterrupts();
            case "stack-overflow":
                return Recurse(1);
            case "exception":
                throw new InvalidOperationException("usertest: thrown on purpose in ring 3");
            case "conformance":
                return ExceptionScenarios.Conformance();
            case "catch-faults":
                return ExceptionScenarios.CatchFaults();
            case "unhandled-trace":
                return ExceptionScenarios.UnhandledTrace();
            case "dispatcher-fault":
                return ExceptionScenarios.DispatcherFault();
            case "throw-threads":
                return ExceptionScenarios.ThrowInThreads(rest.Length > 0 ? int.Parse(rest) : 200);
            case "bad-pointers":
                return BadPointers.Run();
            case "registers":
                return RegisterCheck.Run(ParseOr(rest, 2000));
            case "syscall-registers":
                return SyscallRegisters.Run(ParseOr(rest, 50));
            case "read-unmap":
                return ReadWhileUnmapping.Run(ParseOr(rest, 30));
            case "read-race":
                return ReadRaces.Run(rest);
            case "spawn-loop":
                return SpawnLoop.Run(ParseOr(rest, 200));
            case "orphans":
                return OrphanScenario.Run(ParseOr(rest, 40));
            case "orphan-parent":
                return OrphanScenario.Parent(ParseOr(rest, 40));
            case "heap":
                return HeapChurn.Run();
            case "heap-threads":
                return SharedHeap.Run(ParseOr(rest, 3));
            case "cctor-threads":
                return SharedStatics.Run();
            case "float-text":
                Console.WriteLine("float-text: " + CosmosHybrid.SelfTest.Conformance.FloatTextVectors.Summary(ParseOr(rest, CosmosHybrid.SelfTest.Conformance.FloatTextVectors.BootCount)));
                return 0;
            case "lock-count":
                return ThreadScenarios.LockCount(ParseOr(rest, 100000));
            case "monitor-queue":
                return ThreadScenarios.MonitorQueue(ParseOr(rest, 10000));
            case "cctor-cycle":
                return ThreadScenarios.CctorCycle();
            case "futex-errors":
                return ThreadScenarios.FutexErrors();
            case "thread-api":
                return ThreadScenarios.ThreadApi();
            case "foreground":
                return ThreadScenarios.Foreground();
            case "futex-sleeper":
                return ThreadScenarios.FutexSleeper();
            case "thread-churn":
                return ThreadChurn.Run(ParseOr(rest, 200));
            case "exit-unowned":
                return ThreadScenarios.ExitUnowned();
            case "exit":
                return ParseOr(rest, 0);
            case "spawn-handles":
                return SpawnHandles.Run();
            case "send-on":
                return SpawnHandles.SendOn(rest);
            case "fill-handles":
                return SpawnHandles.FillHandles();
            case "files":
                return FileScenarios.Files(rest);
            case "fill":
                return FileScenarios.Fill(rest);
            case "churn":
                return FileScenarios.Churn(rest);
            case "leave-open":
                return FileScenarios.LeaveOpen(rest);
            case "rewrite":
                return FileScenarios.Rewrite(rest);
            case "hold-open":
                return FileScenarios.HoldOpen(rest);
            case "powercut":
                return PowerCutWorkload.Run(rest);
            case "bad-fs":
                return BadFileServer.Run(rest);
            case "wc":
                return StreamScenarios.CountInput();
            case "flood":
                return StreamScenarios.Flood();
            case "stream-calls":
                return StreamScenarios.BadStreamCalls();
            case string net when net.StartsWith("net-"):
                return NetScenarios.Run(net, rest);
            case string device when device.StartsWith("devices-"):
                return DeviceScenarios.Run(device, rest);
            case "device-holder":
                return DeviceHolder.Run();
            case "no-rights":
                return AuthorityScenarios.NoRights(rest);
            case "reserved-service":
                return AuthorityScenarios.ReservedService(rest);
            case "authority":
                return AuthorityScenarios.Authority();
            case "reserved-lookup":
                return AuthorityScenarios.ReservedLookup(rest);
            case "quotas":
                return QuotaScenarios.Run(rest);
            case "idle":
                return QuotaScenarios.Idle();
            case "spin":
                return SpinLoop.Run(ParseOr(rest, 10));
            case "input-events":
                return InputScenarios.Events();
            case string ipc when ipc.StartsWith("ipc-"):
                return IpcScenarios.Run(ipc, rest);
            case "meminfo":
                return HogScenarios.MemoryFigures();
            case "socket-neighbour":
                return HogScenarios.Neighbour();
            case string hog when hog.StartsWith("hog-"):
                return HogScenarios.Run(hog, rest);
            default:
                Console.WriteLine("usertest: unknown scenario '" + scenario + "'");
                return 2;
        }
    }

    private static int Count(string rest)
    {
        int space = rest.IndexOf(' ');
        int count = ParseOr(space < 0 ? rest : rest.Substring(0, space), 5);
        string label = space < 0 ? "count" : rest.Substring(space + 1);
        for (int i = 1; i <= count; i++)
        {
            Console.WriteLine(label + " " + i.ToString());
            ProcessCalls.Sleep(20);
        }
        Console.WriteLine(label + " done");
        return 0;
    }

    private static int Lines(string rest)
    {
        int space = rest.IndexOf(' ');
        int count = ParseOr(space < 0 ? rest : rest.Substring(0, space), 100);
        string label = space < 0 ? "line" : rest.Substring(space + 1);
        // About 600 characters: long enough that a preemption often lands inside a write, and
        // longer than the 256 bytes the kernel copies at a time.
        var filler = new StringBuilder();
        while (filler.Length < 600)
            filler.Append(label);
        for (int i = 1; i <= count; i++)
            Console.WriteLine("<" + label + " " + i.ToString() + " " + filler.ToString() + ">");
        return 0;
    }

    // Through a call the compiler cannot see into, so the faults really happen at run time.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadZero() => 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Divide(int divisor) => 100 / divisor;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Recurse(int depth)
    {
        int* padding = stackalloc int[64];
        padding[depth % 64] = depth;
        return Recurse(depth + 1) + padding[depth % 64];
    }

    public static int ParseOr(string text, int fallback)
    {
        if (text.Length == 0 || text.Length > 9)
            return fallback;
        int value = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
                return fallback;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    }
}
