using System.Runtime.CompilerServices;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Devices;
using CosmosHybrid.Processes;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// What the I/O permission bitmap adds to a context switch: the scheduler's call into
/// <see cref="IoPermissions.OnSwitch"/> for the process it switches to, measured alone
/// (the rest of the switch is the same with or without it). Cases: two processes without
/// ports; a process with ports and one without, alternating (the bitmap stays loaded,
/// only the map base changes); two processes with different ports (a reload each time).
/// </summary>
internal static class IoBitmapBenchmark
{
    private const int Trials = 7;
    private const int Switches = 10000;

    public static void Run()
    {
        var plain = new Process(-1, "bench-plain", null, 0);
        var otherPlain = new Process(-2, "bench-plain2", null, 0);
        var i8042 = new Process(-3, "bench-ports", null, 0) { IoPorts = new IoPortSet() };
        i8042.IoPorts.Add(new IoPortRange(0x60, 1), i8042);
        i8042.IoPorts.Add(new IoPortRange(0x64, 1), i8042);
        var nic = new Process(-4, "bench-ports2", null, 0) { IoPorts = new IoPortSet() };
        nic.IoPorts.Add(new IoPortRange(0xC000, 64), nic);

        ulong empty = Measure(null, null);
        BenchmarkRunner.Report("io_bitmap_switch_none (no process has ports, per switch)", Above(Measure(plain, otherPlain), empty), "ticks");
        BenchmarkRunner.Report("io_bitmap_switch_one (ports <-> none, per switch)", Above(Measure(i8042, plain), empty), "ticks");
        BenchmarkRunner.Report("io_bitmap_switch_reload (2 ports <-> 64 ports, per switch)", Above(Measure(i8042, nic), empty), "ticks");
        using (InterruptsOff.Enter())
            IoPermissions.OnSwitch(plain);   // leave the bitmap closed; the next real switch sets it right
    }

    private static ulong Above(ulong value, ulong baseline) => value > baseline ? value - baseline : 0;

    // Per call, alternating between the two processes, with interrupts off as in the scheduler.
    private static ulong Measure(Process first, Process second)
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            using (InterruptsOff.Enter())
            {
                ulong start = Cpu.ReadTimestampCounter();
                Alternate(first, second, Switches / 2);
                samples[trial] = (Cpu.ReadTimestampCounter() - start) / Switches;
            }
        }
        return BenchmarkRunner.Median(samples);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Alternate(Process first, Process second, int pairs)
    {
        for (int i = 0; i < pairs; i++)
        {
            IoPermissions.OnSwitch(first);
            IoPermissions.OnSwitch(second);
        }
    }
}
