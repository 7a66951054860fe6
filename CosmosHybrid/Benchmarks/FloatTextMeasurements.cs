using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// double.ToString() (shortest round-trip text) of random doubles, and double.Parse of that text,
/// written once: the kernel's benchmarks run them with the time-stamp counter
/// (<see cref="FloatTextBenchmark"/>), tools/RuntimeBench links this file and runs them on .NET.
/// Each returns the ticks per call of every trial; the caller takes the median.
/// </summary>
internal static class FloatTextMeasurements
{
    public const int Trials = 7;

    /// <summary>Finite doubles from random bit patterns of a fixed seed, so every run formats the same values.</summary>
    public static double[] RandomDoubles(int count)
    {
        double[] values = new double[count];
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
        }
        return values;
    }

    public static string[] Texts(double[] values)
    {
        string[] texts = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
            texts[i] = values[i].ToString();
        return texts;
    }

    public static ulong[] Format(Func<ulong> readTimestamp, double[] values)
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = readTimestamp();
            FormatAll(values);
            samples[trial] = (readTimestamp() - start) / (ulong)values.Length;
        }
        return samples;
    }

    public static ulong[] Parse(Func<ulong> readTimestamp, string[] texts)
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = readTimestamp();
            ParseAll(texts);
            samples[trial] = (readTimestamp() - start) / (ulong)texts.Length;
        }
        return samples;
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
