using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// The runtime's locks over kernel threads: an uncontended lock statement, and a hand-off
/// between two kernel threads (Monitor.Wait/Pulse ping-pong, per hand-off); see <see cref="LockMeasurements"/>.
/// </summary>
internal static class LockBenchmark
{
    private const int LockIterations = 20000;
    private const int HandOffRounds = 300;

    public static void Run()
    {
        BenchmarkRunner.Report("kernel_lock_uncontended (lock(object) enter+exit)",
            BenchmarkRunner.Median(LockMeasurements.UncontendedMonitor(() => Cpu.ReadTimestampCounter(), LockIterations)), "ticks");
        BenchmarkRunner.Report("kernel_lock_handoff (Monitor.Wait/Pulse between two kernel threads, per hand-off)",
            BenchmarkRunner.Median(LockMeasurements.MonitorHandOff(() => Cpu.ReadTimestampCounter(), HandOffRounds)), "ticks");
    }
}
