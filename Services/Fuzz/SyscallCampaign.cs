using System.Threading;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Fuzz.Generation;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>
/// `fuzz run-syscalls N SEED THREADS` (started by <see cref="Controller"/>): N random calls shared by
/// THREADS threads of this process, while the main thread keeps starting disposable children
/// (`fuzz child`, which make wilder calls in threads of their own) and killing them, some at a
/// random moment, the rest at a deadline.
/// </summary>
internal static class SyscallCampaign
{
    private const long ChildCalls = 2000;
    private const int ChildThreads = 2;
    private const long ChildDeadlineMs = 3000;

    public static int Run(long count, ulong seed, int threads)
    {
        // Nothing here reads the console; the /fzbox sandbox is where destructive paths point.
        SystemCall.Call(SyscallNumber.HandleClose, StartupHandles.StandardInput);
        FileCalls.CreateDirectory("/fzbox");

        var workers = new SyscallWorker[threads];
        var running = new Thread[threads];
        int finished = 0;
        for (int t = 0; t < threads; t++)
        {
            workers[t] = SyscallWorker.Create(SplitMix64.Derive(seed, (ulong)t + 1), FuzzRole.Main, count / threads + (t < count % threads ? 1 : 0));
            if (workers[t] == null)
            {
                System.Console.WriteLine("fuzz: no memory for a worker's scratch");
                return 1;
            }
            SyscallWorker worker = workers[t];
            running[t] = new Thread(() =>
            {
                worker.Run();
                Interlocked.Increment(ref finished);
            });
            running[t].Start();
        }

        var children = new ChildTally();
        var random = new SplitMix64(SplitMix64.Derive(seed, 0));
        ulong childIndex = 1000;
        long lastReport = ProcessCalls.UptimeMilliseconds;
        while (Volatile.Read(ref finished) < threads)
        {
            children.RunOne(ref random, "child", SplitMix64.Derive(seed, childIndex++), ChildCalls, ChildDeadlineMs, ChildThreads.ToString());
            if (ProcessCalls.UptimeMilliseconds - lastReport >= 5000)
            {
                lastReport = ProcessCalls.UptimeMilliseconds;
                System.Console.WriteLine("fuzz: progress " + Made(workers).ToString() + " calls");
            }
        }
        for (int t = 0; t < threads; t++)
            running[t].Join();
        SystemCall.Call(SyscallNumber.ProfileStop, 0, 0, 0);   // in case a call started the profiler

        var total = new ErrorTally();
        for (int t = 0; t < threads; t++)
            total.Add(workers[t].Tally);
        System.Console.WriteLine("fuzz: " + total.Calls.ToString() + " calls in " + threads.ToString() + " threads, seed " + seed.ToString()
            + ": " + total.Describe());
        System.Console.WriteLine("fuzz: " + children.Describe());
        return 0;
    }

    private static long Made(SyscallWorker[] workers)
    {
        long calls = 0;
        foreach (SyscallWorker worker in workers)
            calls += Volatile.Read(ref worker.Tally.Calls);
        return calls;
    }
}
