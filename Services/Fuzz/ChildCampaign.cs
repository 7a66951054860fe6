using CosmosHybrid.Services.Abi;
using System.Threading;
using CosmosHybrid.Services.Fuzz.Generation;

namespace CosmosHybrid.Services.Fuzz;

/// <summary>
/// `fuzz child SEED COUNT THREADS`: a disposable process with no standard I/O making COUNT calls
/// with <see cref="FuzzRole.Child"/>'s freedom (it may end itself, fault, or block for ever; its
/// parent kills it at a deadline). Exits with the number of calls it made (<see cref="ChildExitStatus"/>).
/// </summary>
internal static class ChildCampaign
{
    public static int Run(ulong seed, long count, int threads)
    {
        var workers = new SyscallWorker[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = SyscallWorker.Create(SplitMix64.Derive(seed, (ulong)t), FuzzRole.Child, count / threads);
            if (workers[t] == null)
                return 0;
        }
        var others = new Thread[threads - 1];
        for (int t = 1; t < threads; t++)
        {
            SyscallWorker worker = workers[t];
            others[t - 1] = new Thread(worker.Run);
            others[t - 1].Start();
        }
        workers[0].Run();
        foreach (Thread thread in others)
            thread.Join();
        long calls = 0;
        foreach (SyscallWorker worker in workers)
            calls += worker.Tally.Calls;
        return ChildExitStatus.Completed(seed, calls);
    }
}
