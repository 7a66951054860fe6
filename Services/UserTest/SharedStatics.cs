using System;
using System.Threading;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// A static constructor reached by four threads at once: it must run once, and no
/// thread may see the class before it has finished (the slow constructor sleeps, so the
/// others arrive while it runs).
/// </summary>
internal static unsafe class SharedStatics
{
    private const int Threads = 4;

    private static int s_sawUnfinished;

    public static int Run()
    {
        if (!WorkerThreads.Run(&Touch, Threads))
        {
            Console.WriteLine("cctor-threads: could not start a thread");
            return 1;
        }
        Console.WriteLine("cctor-threads: the constructor ran " + SlowTable.Runs.ToString() + " time(s); "
            + s_sawUnfinished.ToString() + " of " + Threads.ToString() + " threads saw it unfinished");
        return SlowTable.Runs == 1 && s_sawUnfinished == 0 ? 0 : 1;
    }

    private static void Touch(ulong unused)
    {
        string[] entries = SlowTable.Entries;
        if (entries == null || entries.Length != SlowTable.Size || entries[SlowTable.Size - 1] != "entry 499")
            Interlocked.Increment(ref s_sawUnfinished);
    }

    private static class SlowTable
    {
        public const int Size = 500;
        public static readonly string[] Entries;
        public static int Runs;

        static SlowTable()
        {
            Runs++;
            var entries = new string[Size];
            for (int i = 0; i < Size; i++)
            {
                entries[i] = "entry " + i.ToString();
                if (i % 50 == 0)
                    ProcessCalls.Sleep(2);
            }
            Entries = entries;
        }
    }
}
