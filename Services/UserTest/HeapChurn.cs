using System;

namespace CosmosHybrid.Services.UserTest;

/// <summary>The ring-3 runtime's garbage collector: churn through garbage while keeping a chain alive.</summary>
internal static class HeapChurn
{
    public static int Run()
    {
        HeapNode live = null;
        for (int i = 0; i < 1000; i++)
            live = new HeapNode { Value = i, Next = live, Text = "live " + i.ToString() };
        for (int round = 0; round < 20000; round++)
        {
            HeapNode garbage = null;
            for (int i = 0; i < 20; i++)
                garbage = new HeapNode { Value = i, Next = garbage, Text = "garbage" };
        }
        int expected = 999;
        for (HeapNode node = live; node != null; node = node.Next, expected--)
        {
            if (node.Value != expected || node.Text != "live " + expected.ToString())
            {
                Console.WriteLine("heap: live chain corrupted at " + expected.ToString());
                return 1;
            }
        }
        Console.WriteLine("heap: " + GC.CollectionCount(0).ToString() + " collections, live chain intact");
        return expected == -1 ? 0 : 1;
    }
}
