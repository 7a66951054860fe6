using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// Starts and reaps a short-lived process many times; every frame must come back: the
/// free-frame count returns to where it was, apart from pages the kernel heap took.
/// </summary>
internal static class SpawnLoop
{
    public static int Run(int cycles)
    {
        // One warm-up cycle first, so lazily created kernel structures do not count as a leak.
        RunOnce();
        // This process's own heap may take fresh pages while it loops (its heap's pages are
        // touched as they are first used): counted apart too.
        long ownPagesBefore = OwnPages.Count();
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
        long ownPagesAfter = OwnPages.Count();
        // The kernel's garbage-collected heap may take a segment while it settles at about
        // twice its live data; those pages are the heap's, not a process's. Count them apart.
        long heapPagesBefore = before.KernelHeapBytes / before.PageSize;
        long heapPagesAfter = after.KernelHeapBytes / after.PageSize;
        long leaked = (before.FreePages + heapPagesBefore) - (after.FreePages + heapPagesAfter) - (ownPagesAfter - ownPagesBefore);
        Console.WriteLine("spawn-loop: " + cycles.ToString() + " cycles, free frames before " + before.FreePages.ToString()
            + ", after " + after.FreePages.ToString() + "; kernel heap " + heapPagesBefore.ToString() + " -> "
            + heapPagesAfter.ToString() + " pages; frames not accounted for: " + leaked.ToString());
        return 0;
    }

    private static long RunOnce()
    {
        long pid = ProcessCalls.Spawn("usertest exit 7");
        if (pid < 0)
            return pid;
        long result = ProcessCalls.Wait(pid, out long status);
        return result < 0 ? result : status;
    }
}
