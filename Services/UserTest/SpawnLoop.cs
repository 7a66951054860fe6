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
        // Services still starting when the prompt comes take frames of their own for a while (a
        // service's second thread, pages it touches first): warm up in batches until one batch
        // leaves the count where it was, so only what the cycles themselves keep is measured.
        // Lazily created kernel structures settle in the same warm-up.
        for (int batch = 0; batch < WarmUpBatches; batch++)
        {
            long settled = FramesInUse();
            for (int i = 0; i < WarmUpCycles; i++)
                RunOnce();
            ProcessCalls.Sleep(200);
            if (FramesInUse() == settled)
                break;
        }
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
        long heapPagesBefore = before.KernelHeapBytes / before.PageSize;
        long heapPagesAfter = after.KernelHeapBytes / after.PageSize;
        long leaked = (before.FreePages + heapPagesBefore) - (after.FreePages + heapPagesAfter) - (ownPagesAfter - ownPagesBefore);
        Console.WriteLine("spawn-loop: " + cycles.ToString() + " cycles, free frames before " + before.FreePages.ToString()
            + ", after " + after.FreePages.ToString() + "; kernel heap " + heapPagesBefore.ToString() + " -> "
            + heapPagesAfter.ToString() + " pages; frames not accounted for: " + leaked.ToString());
        return 0;
    }

    private const int WarmUpBatches = 20;
    private const int WarmUpCycles = 10;

    // Frames taken from the free pool, apart from the kernel heap's (it may take a segment while it
    // settles at about twice its live data: those pages are the heap's, not a process's) and this
    // process's own.
    private static long FramesInUse()
    {
        ProcessCalls.GetMemoryInfo(out MemoryInfo info);
        return -(info.FreePages + info.KernelHeapBytes / info.PageSize) + OwnPages.Count();
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
