using System;
using System.Runtime.CompilerServices;
using CosmosHybrid.Memory;
using Internal.Runtime.GC;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>
/// Garbage-collector stress: churn through garbage many times the heap's size while a
/// live graph is held, then check the graph is intact and the heap stayed bounded.
/// </summary>
internal static class GcTests
{
    private const int GarbageMultiple = 50;

    // A root in a static field: reachable only through the GC static region.
    private static Node s_staticRoot;

    public static void Run()
    {
        StressWithLiveGraph();
        UnreachableObjectsAreReclaimed();
        LargeObjectsReturnTheirPages();
    }

    private static void StressWithLiveGraph()
    {
        Begin("gc stress");
        ulong heapBefore = GCHeap.SegmentBytes;
        ulong garbageTarget = (ulong)GarbageMultiple * (heapBefore > GCHeap.MinimumBudget ? heapBefore : GCHeap.MinimumBudget);
        int collectionsBefore = GarbageCollector.CollectionCount;

        Node live = BuildChain(2000, "live");
        s_staticRoot = BuildChain(500, "static");
        string[] table = new string[256];
        for (int i = 0; i < table.Length; i++)
            table[i] = "entry-" + i.ToString();

        ulong allocatedStart = GCHeap.TotalAllocatedBytes;
        int round = 0;
        while (GCHeap.TotalAllocatedBytes - allocatedStart < garbageTarget)
        {
            MakeGarbage(round++);
            // Replace a few live entries as we go, so the live graph also changes during the churn.
            table[round % table.Length] = "entry-" + (round % table.Length).ToString();
        }

        ulong churned = GCHeap.TotalAllocatedBytes - allocatedStart;
        Check(churned >= garbageTarget, "allocated " + (churned >> 20).ToString() + " MiB of garbage");
        Check(GarbageCollector.CollectionCount > collectionsBefore + 10, "collections ran: " + (GarbageCollector.CollectionCount - collectionsBefore).ToString());
        Check(GCHeap.SegmentBytes <= heapBefore + 8 * GCHeap.MinimumBudget,
            "heap stayed bounded: " + ((ulong)GCHeap.SegmentBytes >> 10).ToString() + " KiB (was " + (heapBefore >> 10).ToString() + " KiB)");
        Check(VerifyChain(live, 2000, "live"), "chain held in a local is intact");
        Check(VerifyChain(s_staticRoot, 500, "static"), "chain held in a static is intact");
        bool tableIntact = true;
        for (int i = 0; i < table.Length; i++)
            tableIntact &= table[i] == "entry-" + i.ToString();
        Check(tableIntact, "string table is intact");
    }

    private static void UnreachableObjectsAreReclaimed()
    {
        Begin("gc reclaims");
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long withChain = BuildChainAndMeasure(10000);
        // The chain was only referenced from BuildChainAndMeasure's frame, which is gone:
        // the conservative stack scan starts below it.
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Check(withChain - baseline > 10000 * 32, "a referenced chain counts as live (" + (withChain - baseline).ToString() + " bytes)");
        Check(after - baseline < 64 * 1024, "dropped chain is reclaimed (" + (after - baseline).ToString() + " bytes left over)");
    }

    private static void LargeObjectsReturnTheirPages()
    {
        Begin("gc large objects");
        GC.Collect();
        ulong freeBefore = KernelPages.Frames.FreeFrames;
        for (int i = 0; i < 64; i++)
        {
            byte[] big = new byte[1024 * 1024];
            big[big.Length - 1] = (byte)i;
        }
        GC.Collect();
        ulong freeAfter = KernelPages.Frames.FreeFrames;
        // 64 MiB went through large-object segments; all but a few pages must be back.
        Check(freeBefore - freeAfter < 512, "large-object pages returned (" + (freeBefore - freeAfter).ToString() + " frames short)");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long BuildChainAndMeasure(int length)
    {
        Node chain = BuildChain(length, "temporary");
        long live = GC.GetTotalMemory(forceFullCollection: true);
        Check(VerifyChain(chain, length, "temporary"), "chain survives a collection while referenced");
        return live;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MakeGarbage(int round)
    {
        Node garbage = BuildChain(64, "garbage");
        int[] numbers = new int[round % 100 + 1];
        numbers[0] = round;
        string text = "round " + round.ToString() + garbage.Label;
        GC.KeepAlive(text);
    }

    private static Node BuildChain(int length, string label)
    {
        Node head = null;
        for (int i = 0; i < length; i++)
            head = new Node(i, label + i.ToString(), new int[] { i, i * 2, i * 3 }, head);
        return head;
    }

    private static bool VerifyChain(Node head, int length, string label)
    {
        int expected = length - 1;
        for (Node node = head; node != null; node = node.Next, expected--)
        {
            if (node.Value != expected || node.Label != label + expected.ToString() || node.Data[2] != expected * 3)
                return false;
        }
        return expected == -1;
    }

    private sealed class Node
    {
        public Node(int value, string label, int[] data, Node next)
        {
            Value = value;
            Label = label;
            Data = data;
            Next = next;
        }

        public int Value { get; }

        public string Label { get; }

        public int[] Data { get; }

        public Node Next { get; }
    }
}
