using System;
using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// The seed's cost table, measured on this kernel from ring 3: medians of rdtsc over
/// many iterations. Under QEMU with -icount shift=0 a tick is one guest instruction,
/// which makes the figures repeatable and comparable with ../shared/perf's Linux run.
/// </summary>
internal static unsafe class Benchmarks
{
    private const int Trials = 7;
    private const int SyscallIterations = 10000;
    private const int SwitchIterations = 2000;
    private const int FaultPages = 512;

    [DllImport("*", EntryPoint = "RhpReadTimestamp"), SuppressGCTransition]
    public static extern ulong ReadTimestamp();

    private static volatile int s_partnerReady;
    private static volatile int s_stop;

    /// <summary>
    /// The argument ./build.sh bench's boot passes (kernel command line <c>bench</c>): the machine runs
    /// under -icount shift=0 -cpu qemu64, so a tick is an instruction and Linux's figures compare.
    /// </summary>
    public const string CompareWithLinuxArgument = "icount";

    private static bool s_compareWithLinux;

    public static int Run(string arguments)
    {
        if (arguments.StartsWith("yield-partner"))
            return YieldPartner();

        // `bench ui`: only the window server's rows (composite, terminal), e.g. for their wall time without -icount.
        if (arguments.Trim() == "ui")
        {
            UiBenchmarks.Run();
            Console.WriteLine("bench: done");
            return 0;
        }

        // `bench spawn`: only the spawn rows (a quick loop for work on the spawn path).
        if (arguments.Trim() == "spawn")
        {
            SpawnBenchmarks.Run();
            Console.WriteLine("bench: done");
            return 0;
        }

        // "icount floors" (./build.sh bench --only=floors): the rows with a floor on the kernel's hot paths, a quick loop.
        string selection = arguments.Trim();
        s_compareWithLinux = selection == CompareWithLinuxArgument || selection.StartsWith(CompareWithLinuxArgument + " ");
        if (s_compareWithLinux)
        {
            Console.WriteLine("bench: start (rdtsc ticks; instructions under -icount shift=0)");
            LinuxBaseline.Load();
        }
        else
        {
            Console.WriteLine("bench: start (rdtsc ticks of this machine: compare them with Linux's figures in");
            Console.WriteLine("bench: ../shared/perf only under ./build.sh bench, where a tick is one instruction)");
        }
        if (selection == CompareWithLinuxArgument + " floors")
        {
            Report("null_syscall", NullSyscall(), "ticks", "null_syscall");
            IpcBenchmarks.Run();
            FileBenchmarks.Run();
            Console.WriteLine("bench: done");
            return 0;
        }
        Report("null_syscall", NullSyscall(), "ticks", "null_syscall");
        Report("ctx_switch (two processes, yield ping-pong, per switch)", SwitchBetweenProcesses(), "ticks", "ctx_switch");
        Report("ctx_switch_same_process (two threads, per switch)", SwitchBetweenThreads(), "ticks");
        Report("page_fault (first write to a fresh page)", PageFault(), "ticks", "page_fault");
        SpawnBenchmarks.Run();
        ThreadBenchmarks.Run();
        IpcBenchmarks.Run();
        FileBenchmarks.Run();
        PlacementBenchmarks.Run();
        StreamBenchmarks.Run();
        DeviceBenchmarks.Run();
        UiBenchmarks.Run();
        UiLatencyBenchmarks.Run();
        Console.WriteLine("bench: done");
        return 0;
    }

    /// <summary>
    /// Prints one row, "bench: name (what) = value unit", and under ./build.sh bench the Linux figure
    /// of row <paramref name="linuxRow"/> of <see cref="LinuxBaseline"/> as " (Linux row value)".
    /// </summary>
    public static void Report(string name, ulong value, string unit, string linuxRow = null)
    {
        ulong linux = linuxRow == null || !s_compareWithLinux ? 0 : LinuxBaseline.Ticks(linuxRow);
        string comparison = linux == 0 ? "" : " (Linux " + linuxRow + " " + linux.ToString() + ")";
        Console.WriteLine("bench: " + name + " = " + value.ToString() + " " + unit + comparison);
    }

    private static ulong NullSyscall()
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = ReadTimestamp();
            for (int i = 0; i < SyscallIterations; i++)
                SystemCall.CallWithoutArguments(SyscallNumber.GetProcessId);
            samples[trial] = (ReadTimestamp() - start) / SyscallIterations;
        }
        return Median(samples);
    }

    internal static ulong SwitchBetweenProcesses()
    {
        long partner = ProcessCalls.Spawn("bench yield-partner");
        if (partner < 0)
            return 0;
        // Let the partner start yielding, so that every yield of ours switches to it and back.
        for (int i = 0; i < 100; i++)
            ProcessCalls.Yield();
        ulong result = MeasureYields();
        ProcessCalls.Kill(partner);
        ProcessCalls.Wait(partner, out _);
        return result;
    }

    private static ulong SwitchBetweenThreads()
    {
        s_stop = 0;
        s_partnerReady = 0;
        delegate*<ulong, void> partner = &YieldUntilStopped;
        if (UserThread.Start(partner, 0) < 0)
            return 0;
        while (s_partnerReady == 0)
            ProcessCalls.Yield();
        ulong result = MeasureYields();
        s_stop = 1;
        ProcessCalls.Yield();
        return result;
    }

    // Each of our yields runs the partner once: two switches per iteration.
    private static ulong MeasureYields()
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = ReadTimestamp();
            for (int i = 0; i < SwitchIterations; i++)
                ProcessCalls.Yield();
            samples[trial] = (ReadTimestamp() - start) / (2 * SwitchIterations);
        }
        return Median(samples);
    }

    private static ulong PageFault()
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            long region = SystemCall.Call(SyscallNumber.MapMemory, FaultPages);
            if (region < 0)
                return 0;
            ulong start = ReadTimestamp();
            for (int page = 0; page < FaultPages; page++)
                *(byte*)(region + page * 4096L) = 1;
            samples[trial] = (ReadTimestamp() - start) / FaultPages;
            SystemCall.Call(SyscallNumber.UnmapMemory, region, FaultPages);
        }
        return Median(samples);
    }

    private static int YieldPartner()
    {
        while (true)
            ProcessCalls.Yield();
    }

    private static void YieldUntilStopped(ulong argument)
    {
        s_partnerReady = 1;
        while (s_stop == 0)
            ProcessCalls.Yield();
    }

    public static ulong Median(ulong[] samples)
    {
        System.Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
