using System;
using System.Collections.Generic;
using System.Threading;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// The ring-3 collector with several threads allocating at once. Each thread keeps its
/// own live data (a chain, a list and a dictionary of strings) reachable only from its
/// stack and registers, and churns garbage; a collection started by any of them must keep
/// every thread's data, while the others are stopped wherever preemption left them.
/// </summary>
internal static unsafe class SharedHeap
{
    private const int Rounds = 20000;
    private const int ChainLength = 300;
    private const int Window = 200;

    private static int s_damaged;

    public static int Run(int extraThreads)
    {
        if (extraThreads < 1 || extraThreads > 8)
            extraThreads = 3;
        int collectionsBefore = GC.CollectionCount(0);
        if (!WorkerThreads.Run(&Work, extraThreads + 1))
        {
            Console.WriteLine("heap-threads: could not start a thread");
            return 1;
        }

        int collections = GC.CollectionCount(0) - collectionsBefore;
        Console.WriteLine("heap-threads: " + (extraThreads + 1).ToString() + " threads, " + collections.ToString()
            + " collections, " + s_damaged.ToString() + " damaged structures");
        return s_damaged == 0 && collections > 0 ? 0 : 1;
    }

    private static void Work(ulong id)
    {
        int tag = (int)id;
        HeapNode chain = null;
        for (int i = 0; i < ChainLength; i++)
            chain = new HeapNode { Value = tag * 100000 + i, Next = chain, Text = Label(tag, i) };
        var list = new List<string>();
        var map = new Dictionary<int, string>();
        int damaged = 0;

        for (int round = 0; round < Rounds; round++)
        {
            HeapNode garbage = null;
            for (int i = 0; i < 20; i++)
                garbage = new HeapNode { Value = i, Next = garbage, Text = "garbage" };

            string entry = Label(tag, round);
            list.Add(entry);
            map[round] = entry;
            if (list.Count > Window)
            {
                list.RemoveAt(0);
                map.Remove(round - Window);
            }
            if (round % 1000 == 999 && !Intact(tag, round, chain, list, map))
                damaged++;
        }
        if (!Intact(tag, Rounds - 1, chain, list, map))
            damaged++;
        if (damaged > 0)
        {
            Console.WriteLine("heap-threads: thread " + tag.ToString() + " found its data damaged");
            Interlocked.Add(ref s_damaged, damaged);
        }
    }

    private static bool Intact(int tag, int lastRound, HeapNode chain, List<string> list, Dictionary<int, string> map)
    {
        int expected = ChainLength - 1;
        for (HeapNode node = chain; node != null; node = node.Next, expected--)
        {
            if (node.Value != tag * 100000 + expected || node.Text != Label(tag, expected))
                return false;
        }
        if (expected != -1 || list.Count != Window || map.Count != Window)
            return false;
        int first = lastRound - Window + 1;
        for (int i = 0; i < Window; i++)
        {
            string wanted = Label(tag, first + i);
            if (list[i] != wanted || !map.TryGetValue(first + i, out string value) || value != wanted)
                return false;
        }
        return true;
    }

    private static string Label(int tag, int number) => "thread " + tag.ToString() + " item " + number.ToString();
}
