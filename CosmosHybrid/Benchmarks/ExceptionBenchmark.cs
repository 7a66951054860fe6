using System;
using System.Runtime.CompilerServices;
using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// What exceptions cost in the kernel: a throw caught one frame up and ten frames up
/// (two-pass dispatch, unwinding through each frame's DWARF rules), and a try/finally
/// that does not throw against the same loop without it (table-based EH: the finally
/// body is inlined on the normal path, so the difference should be nothing).
/// </summary>
internal static class ExceptionBenchmark
{
    private const int Trials = 7;
    private const int ThrowsPerTrial = 50;
    private const int CallsPerTrial = 10000;

    private static Exception s_exception;
    private static int s_sink;

    public static void Run()
    {
        s_exception = new InvalidOperationException("bench");
        MeasureThrow(0, "throw_catch_1_frame");
        MeasureThrow(9, "throw_catch_10_frames");
        MeasureFinally();
    }

    private static void MeasureThrow(int depth, string name)
    {
        ulong[] samples = new ulong[Trials];
        CatchOnce(depth); // the first throw builds the unwind index
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Cpu.ReadTimestampCounter();
            for (int i = 0; i < ThrowsPerTrial; i++)
                CatchOnce(depth);
            samples[trial] = (Cpu.ReadTimestampCounter() - start) / ThrowsPerTrial;
        }
        BenchmarkRunner.Report(name + " (median per throw)", BenchmarkRunner.Median(samples), "ticks");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CatchOnce(int depth)
    {
        try
        {
            ThrowAt(depth);
        }
        catch (InvalidOperationException)
        {
            s_sink++;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowAt(int depth)
    {
        if (depth == 0)
            throw s_exception;
        return ThrowAt(depth - 1) + 1;
    }

    private static void MeasureFinally()
    {
        ulong[] with = new ulong[Trials];
        ulong[] without = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Cpu.ReadTimestampCounter();
            for (int i = 0; i < CallsPerTrial; i++)
                WithFinally(i);
            ulong middle = Cpu.ReadTimestampCounter();
            for (int i = 0; i < CallsPerTrial; i++)
                WithoutFinally(i);
            ulong end = Cpu.ReadTimestampCounter();
            with[trial] = (middle - start) * 100 / CallsPerTrial;
            without[trial] = (end - middle) * 100 / CallsPerTrial;
        }
        BenchmarkRunner.Report("call_with_try_finally_no_throw (median per call, x100)", BenchmarkRunner.Median(with), "ticks");
        BenchmarkRunner.Report("call_without_try_finally (median per call, x100)", BenchmarkRunner.Median(without), "ticks");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WithFinally(int value)
    {
        try
        {
            s_sink += value;
        }
        finally
        {
            s_sink ^= 1;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WithoutFinally(int value)
    {
        s_sink += value;
        s_sink ^= 1;
    }
}
