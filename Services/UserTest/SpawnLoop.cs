using System;
using CosmosHybrid.Abi;
using CosmosHybrid.UserRuntime;

namespace CosmosHybrid.UserTest;

/// <summary>Starts and reaps a short-lived process many times; the free-frame count must come back to where it was.</summary>
internal static class SpawnLoop
{
    public static int Run(int cycles)
    {
        // One warm-up cycle first, so lazily created kernel structures do not count as a leak.
        RunOnce();
        ProcessCalls.GetMemoryInfo(out MemoryInfo before);
        for (int i = 0; i < cycles; i++)
        {
            long status = RunOnce();
            if (status != 7)
            {
                Console.WriteLine("spawn-loop: cycle " + i.ToString() + " ended with " + status.ToString());
                return 1;
            }
        }
        ProcessCalls.Sleep(10);
        ProcessCalls.GetMemoryInfo(out MemoryInfo after);
        long leaked = before.FreePages - after.FreePages;
        Console.WriteLine("spawn-loop: " + cycles.ToString() + " cycles, free frames before " + before.FreePages.ToString()
            + ", after " + after.FreePages.ToString() + " (difference " + leaked.ToString() + ")");
        return 0;
    }

    private static long RunOnce()
    {
        long pid = ProcessCalls.Spawn("usertest exit 7");
        return pid < 0 ? pid : ProcessCalls.Wait(pid);
    }
}
