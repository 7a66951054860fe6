using System;
using System.Runtime.CompilerServices;
using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// A [ThreadStatic] int read and written (ILC's per-type stub, ThreadStatics.GetThreadStaticBaseForType,
/// the running thread's record), beside the same on an ordinary static.
/// </summary>
internal static class ThreadStaticBenchmark
{
    private const int Trials = 7;
    private const int Increments = 20000;

    [ThreadStatic] private static int t_counter;
    private static int s_counter;

    public static void Run()
    {
        ulong[] threadStatic = new ulong[Trials];
        ulong[] plain = new ulong[Trials];
        IncrementThreadStatic(1); // the first access allocates this thread's block
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Cpu.ReadTimestampCounter();
            IncrementThreadStatic(Increments);
            ulong middle = Cpu.ReadTimestampCounter();
            IncrementStatic(Increments);
            ulong end = Cpu.ReadTimestampCounter();
            threadStatic[trial] = (middle - start) / Increments;
            plain[trial] = (end - middle) / Increments;
        }
        BenchmarkRunner.Report("thread_static_increment ([ThreadStatic] int, per increment)", BenchmarkRunner.Median(threadStatic), "ticks");
        BenchmarkRunner.Report("static_increment (ordinary static int, per increment)", BenchmarkRunner.Median(plain), "ticks");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void IncrementThreadStatic(int count)
    {
        for (int i = 0; i < count; i++)
            Bump();
    }

    // Not inlined: each increment looks the block up again, as an access from an unrelated method would.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bump() => t_counter++;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void IncrementStatic(int count)
    {
        for (int i = 0; i < count; i++)
            BumpStatic();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BumpStatic() => s_counter++;
}
