using System;
using System.Diagnostics;

namespace CosmosHybrid.Tools.RuntimeBench;

/// <summary>
/// Runs each measurement of <see cref="RuntimeMeasurements"/> a few trials after a warm-up (so the
/// JIT has produced its optimized code) and prints the median in nanoseconds per operation, with the
/// row names of the guest's `./build.sh bench`.
/// </summary>
internal static class Program
{
    private const int Trials = 7;

    private static int Main(string[] args)
    {
        Console.WriteLine($"runtimebench: .NET {Environment.Version} on {Environment.ProcessorCount} processor(s), "
            + $"Stopwatch {Stopwatch.Frequency} Hz; wall time, median of {Trials} trials, ns per operation");
        Report("throw_catch_1_frame", () => RuntimeMeasurements.ThrowAndCatch(0, 20_000), 20_000);
        Report("throw_catch_10_frames", () => RuntimeMeasurements.ThrowAndCatch(9, 20_000), 20_000);
        Report("call_with_try_finally_no_throw", () => RuntimeMeasurements.CallsWithFinally(10_000_000), 10_000_000);
        Report("call_without_try_finally", () => RuntimeMeasurements.CallsWithoutFinally(10_000_000), 10_000_000);
        Report("lock_uncontended (lock on an object, enter+exit)", () => RuntimeMeasurements.UncontendedMonitor(10_000_000), 10_000_000);
        Report("lock_uncontended_lock_type (System.Threading.Lock)", () => RuntimeMeasurements.UncontendedLock(10_000_000), 10_000_000);
        Report("lock_handoff (Monitor.Wait/Pulse between two threads, per hand-off)", () => RuntimeMeasurements.MonitorHandOff(20_000), 2 * 20_000);
        var values = RuntimeMeasurements.RandomDoubles(2_000);
        var texts = Array.ConvertAll(values, value => value.ToString());
        Report("double_tostring (random double)", () => RuntimeMeasurements.FormatAll(values), values.Length);
        Report("double_parse (its shortest text)", () => RuntimeMeasurements.ParseAll(texts), texts.Length);
        return 0;
    }

    private static void Report(string name, Action trial, int operationsPerTrial)
    {
        trial(); // warm-up: tiering, first-throw costs
        trial();
        double[] samples = new double[Trials];
        for (int i = 0; i < Trials; i++)
        {
            long start = Stopwatch.GetTimestamp();
            trial();
            long elapsed = Stopwatch.GetTimestamp() - start;
            samples[i] = elapsed * 1e9 / Stopwatch.Frequency / operationsPerTrial;
        }
        Array.Sort(samples);
        Console.WriteLine($"runtimebench: {name} = {samples[Trials / 2]:F1} ns");
    }
}
