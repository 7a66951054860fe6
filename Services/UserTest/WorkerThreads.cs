using System.Threading;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>Runs one function on several threads at once (the calling one among them) and waits for all.</summary>
internal static unsafe class WorkerThreads
{
    private static delegate*<ulong, void> s_work;
    private static int s_finished;

    /// <summary>
    /// Calls <paramref name="work"/>(0) here and (1..count-1) on new threads; returns once every
    /// call has returned, or false at once when a thread could not be started.
    /// </summary>
    public static bool Run(delegate*<ulong, void> work, int count)
    {
        s_work = work;
        s_finished = 0;
        for (int i = 1; i < count; i++)
        {
            if (UserThread.Start(&RunOne, (ulong)i) < 0)
                return false;
        }
        RunOne(0);
        while (Interlocked.CompareExchange(ref s_finished, 0, 0) < count)
            ProcessCalls.Sleep(5);
        return true;
    }

    private static void RunOne(ulong id)
    {
        s_work(id);
        Interlocked.Increment(ref s_finished);
    }
}
