using System;
using System.Threading;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// `thread-churn N`: starts and joins N short threads one after another, as a service starting a
/// thread per event does, and prints the pages the process holds before and after. Each thread's
/// stack (64 KiB, its top pages touched) must go back when the thread ends.
/// </summary>
internal static class ThreadChurn
{
    private const int WarmUp = 20;

    public static int Run(int threads)
    {
        long ran = 0;
        StartAndJoin(WarmUp, ref ran);   // the heap's own growth for Thread objects happens here
        long before = OwnPages.Count();
        StartAndJoin(threads, ref ran);
        long after = OwnPages.Count();
        Console.WriteLine("thread-churn: " + ran.ToString() + " threads ran, pages " + before.ToString() + " -> " + after.ToString());
        return ran == WarmUp + threads ? 0 : 1;
    }

    private static void StartAndJoin(int count, ref long ran)
    {
        for (int i = 0; i < count; i++)
        {
            var counter = new StrongBox();
            var thread = new Thread(() => Interlocked.Increment(ref counter.Value));
            thread.Start();
            thread.Join();
            ran += counter.Value;
        }
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
