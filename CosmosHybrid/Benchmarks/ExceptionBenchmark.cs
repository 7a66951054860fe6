using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// What exceptions cost in the kernel: a throw caught one frame up and ten frames up, and a
/// try/finally that does not throw against the same loop without it; see <see cref="ExceptionMeasurements"/>.
/// </summary>
internal static class ExceptionBenchmark
{
    private const int ThrowsPerTrial = 50;
    private const int CallsPerTrial = 10000;

    public static void Run()
    {
        BenchmarkRunner.Report("throw_catch_1_frame (median per throw)",
            BenchmarkRunner.Median(ExceptionMeasurements.ThrowAndCatch(() => Cpu.ReadTimestampCounter(), 0, ThrowsPerTrial)), "ticks");
        BenchmarkRunner.Report("throw_catch_10_frames (median per throw)",
            BenchmarkRunner.Median(ExceptionMeasurements.ThrowAndCatch(() => Cpu.ReadTimestampCounter(), 9, ThrowsPerTrial)), "ticks");
        // x100: one call is a few ticks, so a hundredth of a tick is kept as the last two digits.
        BenchmarkRunner.Report("call_with_try_finally_no_throw (median per call, x100)",
            BenchmarkRunner.Median(ExceptionMeasurements.Calls(() => Cpu.ReadTimestampCounter() * 100, true, CallsPerTrial)), "ticks");
        BenchmarkRunner.Report("call_without_try_finally (median per call, x100)",
            BenchmarkRunner.Median(ExceptionMeasurements.Calls(() => Cpu.ReadTimestampCounter() * 100, false, CallsPerTrial)), "ticks");
    }
}
