using System;
using System.Diagnostics;
using CosmosHybrid.Benchmarks;

namespace CosmosHybrid.Tools.RuntimeBench;

/// <summary>
/// Runs the guest's own runtime measurements (CosmosHybrid/Benchmarks: ExceptionMeasurements,
/// LockMeasurements, FloatTextMeasurements, linked into this program) on .NET, after a warm-up run
/// of each (so the JIT has produced its optimized code), and prints the median in nanoseconds per
/// operation, with the row names of the guest's `./build.sh bench`.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.WriteLine($"runtimebench: .NET {Environment.Version} on {Environment.ProcessorCount} processor(s), "
            + $"Stopwatch {Stopwatch.Frequency} Hz; wall time, median of {LockMeasurements.Trials} trials, ns per operation");
        Report("throw_catch_1_frame", () => ExceptionMeasurements.ThrowAndCatch(TenthsOfNanoseconds, 0, 20_000));
        Report("throw_catch_10_frames", () => ExceptionMeasurements.ThrowAndCatch(TenthsOfNanoseconds, 9, 20_000));
        Report("call_with_try_finally_no_throw", () => ExceptionMeasurements.Calls(TenthsOfNanoseconds, true, 10_000_000));
        Report("call_without_try_finally", () => ExceptionMeasurements.Calls(TenthsOfNanoseconds, false, 10_000_000));
        Report("lock_uncontended (lock on an object, enter+exit)", () => LockMeasurements.UncontendedMonitor(TenthsOfNanoseconds, 10_000_000));
        Report("lock_uncontended_lock_type (System.Threading.Lock)", () => LockMeasurements.UncontendedLock(TenthsOfNanoseconds, 10_000_000));
        Report("lock_handoff (Monitor.Wait/Pulse between two threads, per hand-off)", () => LockMeasurements.MonitorHandOff(TenthsOfNanoseconds, 20_000));
        double[] values = FloatTextMeasurements.RandomDoubles(2_000);
        string[] texts = FloatTextMeasurements.Texts(values);
        Report("double_tostring (random double)", () => FloatTextMeasurements.Format(TenthsOfNanoseconds, values));
        Report("double_parse (its shortest text)", () => FloatTextMeasurements.Parse(TenthsOfNanoseconds, texts));
        return 0;
    }

    /// <summary>
    /// The clock handed to the measurements. They divide whole ticks by the operation count, so a tick
    /// of a tenth of a nanosecond keeps one decimal of a figure that is only a few nanoseconds.
    /// </summary>
    private static ulong TenthsOfNanoseconds() =>
        (ulong)(Stopwatch.GetTimestamp() * (1e10 / Stopwatch.Frequency));

    private static void Report(string name, Func<ulong[]> measure)
    {
        measure(); // warm-up: tiering, first-throw costs
        ulong[] samples = measure();
        Array.Sort(samples);
        Console.WriteLine($"runtimebench: {name} = {samples[samples.Length / 2] / 10.0:F1} ns");
    }
}
