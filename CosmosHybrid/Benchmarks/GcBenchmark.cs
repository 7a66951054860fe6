using System;
using System.Runtime.CompilerServices;
using CosmosHybrid.Arch.X64;
using Internal.Runtime.GC;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// Allocation cost of a small object on the bump path, and the pause of one full
/// collection of a 16 MiB heap holding 4 MiB of live data.
/// </summary>
internal static class GcBenchmark
{
    private const int Trials = 7;
    private const int ObjectsPerTrial = 10000;
    private const int LiveBytes = 4 * 1024 * 1024;
    private const int HeapBytes = 16 * 1024 * 1024;
    private const int LiveChunk = 1024;

    public static void Run()
    {
        MeasureSmallAllocation();
        MeasureCollectionPause();
    }

    private static void MeasureSmallAllocation()
    {
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            // Start each trial on a fresh budget so no collection lands inside it.
            GC.Collect();
            ulong start = Cpu.ReadTimestampCounter();
            AllocateSmallObjects(ObjectsPerTrial);
            samples[trial] = (Cpu.ReadTimestampCounter() - start) / ObjectsPerTrial;
        }
        BenchmarkRunner.Report("alloc_small_object (24 B, median per object)", BenchmarkRunner.Median(samples), "ticks");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AllocateSmallObjects(int count)
    {
        for (int i = 0; i < count; i++)
            Sink(new Small());
    }

    private static void MeasureCollectionPause()
    {
        GC.Collect();
        byte[][] live = new byte[LiveBytes / LiveChunk][];
        ulong[] pauses = new ulong[Trials];
        GCHeap.SuspendCollections(true);
        for (int i = 0; i < live.Length; i++)
            live[i] = new byte[LiveChunk - 32];
        for (int trial = 0; trial < Trials; trial++)
        {
            // Fill the heap up to 16 MiB with garbage (small objects and arrays) beside the live data.
            while (GCHeap.SegmentBytes < HeapBytes)
                Sink(new int[30]);
            GCHeap.SuspendCollections(false);
            GC.Collect();
            pauses[trial] = GarbageCollector.LastPauseTicks;
            GCHeap.SuspendCollections(true);
        }
        GCHeap.SuspendCollections(false);
        BenchmarkRunner.Report("gc_pause (16 MiB heap, 4 MiB live, median)", BenchmarkRunner.Median(pauses), "ticks");
        BenchmarkRunner.Report("gc_live_after_collection", (ulong)GarbageCollector.LiveBytesAfterLastCollection / 1024, "KiB");
        GC.KeepAlive(live);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Sink(object value)
    {
    }

    private sealed class Small
    {
        public int Value;
    }
}
