using System.Threading;
using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// The runtime's locks over kernel threads: an uncontended lock statement, and a hand-off
/// between two kernel threads (Monitor.Wait/Pulse ping-pong, per hand-off).
/// </summary>
internal static class LockBenchmark
{
    private const int Trials = 7;
    private const int LockIterations = 20000;
    private const int HandOffRounds = 300;

    public static void Run()
    {
        BenchmarkRunner.Report("kernel_lock_uncontended (lock(object) enter+exit)", Uncontended(), "ticks");
        BenchmarkRunner.Report("kernel_lock_handoff (Monitor.Wait/Pulse between two kernel threads, per hand-off)", HandOff(), "ticks");
    }

    private static ulong Uncontended()
    {
        var gate = new object();
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Cpu.ReadTimestampCounter();
            for (int i = 0; i < LockIterations; i++)
            {
                lock (gate)
                {
                }
            }
            samples[trial] = (Cpu.ReadTimestampCounter() - start) / LockIterations;
        }
        return BenchmarkRunner.Median(samples);
    }

    private static ulong HandOff()
    {
        var gate = new object();
        int turn = 0;
        int total = Trials * HandOffRounds;
        var partner = new Thread(() =>
        {
            lock (gate)
            {
                for (int i = 0; i < total; i++)
                {
                    while ((turn & 1) == 0)
                        Monitor.Wait(gate);
                    turn++;
                    Monitor.Pulse(gate);
                }
            }
        });
        partner.Start();
        ulong[] samples = new ulong[Trials];
        lock (gate)
        {
            for (int trial = 0; trial < Trials; trial++)
            {
                ulong start = Cpu.ReadTimestampCounter();
                for (int i = 0; i < HandOffRounds; i++)
                {
                    turn++;
                    Monitor.Pulse(gate);
                    while ((turn & 1) == 1)
                        Monitor.Wait(gate);
                }
                samples[trial] = (Cpu.ReadTimestampCounter() - start) / (2 * HandOffRounds);
            }
        }
        partner.Join();
        return BenchmarkRunner.Median(samples);
    }
}
