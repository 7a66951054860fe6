using CosmosHybrid.Console.Log;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// The in-kernel benchmarks (kernel command line <c>bench</c>, or the boot console's
/// <c>bench</c> command). Figures are time-stamp-counter ticks; under QEMU with
/// <c>-icount shift=0</c> a tick is one guest instruction, so they repeat exactly and
/// compare with ../shared/perf's Linux figures taken the same way.
/// </summary>
internal static class BenchmarkRunner
{
    public static void RunAll()
    {
        KernelLog.WriteLine("bench: start (rdtsc ticks; instructions under -icount shift=0)");
        GcBenchmark.Run();
        IoBitmapBenchmark.Run();
        FloatTextBenchmark.Run();
        LockBenchmark.Run();
        ExceptionBenchmark.Run();
        ThreadStaticBenchmark.Run();
        KernelLog.WriteLine("bench: done");
    }

    /// <summary>One result line, "bench: name = value unit", the format ./build.sh bench collects.</summary>
    public static void Report(string name, ulong value, string unit) =>
        KernelLog.WriteLine("bench: " + name + " = " + value.ToString() + " " + unit);

    /// <summary>The median of <paramref name="samples"/> (sorted in place).</summary>
    public static ulong Median(ulong[] samples)
    {
        System.Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
