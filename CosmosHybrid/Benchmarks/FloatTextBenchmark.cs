using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// double.ToString() of random doubles and double.Parse of that text in the kernel; see
/// <see cref="FloatTextMeasurements"/>.
/// </summary>
internal static class FloatTextBenchmark
{
    private const int ValuesPerTrial = 200;

    public static void Run()
    {
        double[] values = FloatTextMeasurements.RandomDoubles(ValuesPerTrial);
        string[] texts = FloatTextMeasurements.Texts(values);
        BenchmarkRunner.Report("double_tostring (random double, median per call)",
            BenchmarkRunner.Median(FloatTextMeasurements.Format(() => Cpu.ReadTimestampCounter(), values)), "ticks");
        BenchmarkRunner.Report("double_parse (its shortest text, median per call)",
            BenchmarkRunner.Median(FloatTextMeasurements.Parse(() => Cpu.ReadTimestampCounter(), texts)), "ticks");
    }
}
