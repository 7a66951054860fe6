using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// double.ToString() (shortest round-trip text) of random doubles (random bit patterns
/// from a fixed seed, so every run formats the same values), and double.Parse of that text.
/// </summary>
internal static class FloatTextBenchmark
{
    private const int Trials = 7;
    private const int ValuesPerTrial = 200;

    public static void Run()
    {
        double[] values = new double[ValuesPerTrial];
        string[] texts = new string[ValuesPerTrial];
        ulong state = 0x2545F4914F6CDD1D;
        for (int i = 0; i < values.Length; i++)
        {
            ulong bits;
            do
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                bits = state;
            }
            while ((bits & 0x7FF0_0000_0000_0000) == 0x7FF0_0000_0000_0000); // finite only
            values[i] = BitConverter.Int64BitsToDouble((long)bits);
            texts[i] = values[i].ToString();
        }

        ulong[] format = new ulong[Trials];
        ulong[] parse = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Cpu.ReadTimestampCounter();
            FormatAll(values);
            format[trial] = (Cpu.ReadTimestampCounter() - start) / ValuesPerTrial;
            start = Cpu.ReadTimestampCounter();
            ParseAll(texts);
            parse[trial] = (Cpu.ReadTimestampCounter() - start) / ValuesPerTrial;
        }
        BenchmarkRunner.Report("double_tostring (random double, median per call)", BenchmarkRunner.Median(format), "ticks");
        BenchmarkRunner.Report("double_parse (its shortest text, median per call)", BenchmarkRunner.Median(parse), "ticks");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FormatAll(double[] values)
    {
        foreach (double value in values)
            Sink(value.ToString());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ParseAll(string[] texts)
    {
        double sum = 0;
        foreach (string text in texts)
            sum += double.Parse(text, CultureInfo.InvariantCulture);
        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Sink(string value)
    {
    }
}
