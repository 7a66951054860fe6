using CosmosHybrid.Services.Fuzz;

/// <summary>
/// Entry point of fuzz (issue 17):
///   fuzz syscalls N SEED [THREADS]   N random system calls in THREADS threads (3), with children started and killed
///   fuzz ipc N SEED                  N random IPC operations on every service's port, then a normal client's check
/// Both print the calls made, the errors by code, the seed, and the kernel's free frames and heap before
/// and after. The same seed makes the same calls (per thread; the threads' interleaving is the scheduler's).
/// Never called: PowerOff, ConsoleRead, and Kill of any process but the fuzzer's own (see Exclusions).
/// Internal modes (started by the above): run-syscalls, run-ipc, child, ipc-child, check.
/// </summary>
internal static class Program
{
    private const int DefaultThreads = 3;

    public static int Main(string arguments)
    {
        string[] words = (arguments ?? "").Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
        string mode = words.Length > 0 ? words[0] : "";
        switch (mode)
        {
            case "syscalls" when words.Length >= 3 && Count(words[1], out long count) && Seed(words[2], out ulong seed):
            {
                int threads = words.Length >= 4 && Count(words[3], out long t) && t > 0 && t <= 16 ? (int)t : DefaultThreads;
                System.Console.WriteLine("fuzz: syscalls, " + count.ToString() + " calls, seed " + seed.ToString() + ", " + threads.ToString() + " threads");
                return Controller.Run("run-syscalls " + count.ToString() + " " + seed.ToString() + " " + threads.ToString(), checkServices: false);
            }
            case "ipc" when words.Length >= 3 && Count(words[1], out long count) && Seed(words[2], out ulong seed):
                System.Console.WriteLine("fuzz: ipc, " + count.ToString() + " operations, seed " + seed.ToString());
                return Controller.Run("run-ipc " + count.ToString() + " " + seed.ToString(), checkServices: true);
            case "run-syscalls" when words.Length >= 4 && Count(words[1], out long count) && Seed(words[2], out ulong seed) && Count(words[3], out long threads):
                return SyscallCampaign.Run(count, seed, (int)threads);
            case "run-ipc" when words.Length >= 3 && Count(words[1], out long count) && Seed(words[2], out ulong seed):
                return IpcCampaign.Run(count, seed);
            case "child" when words.Length >= 4 && Seed(words[1], out ulong seed) && Count(words[2], out long count) && Count(words[3], out long threads):
                return ChildCampaign.Run(seed, count, (int)threads);
            case "ipc-child" when words.Length >= 3 && Seed(words[1], out ulong seed) && Count(words[2], out long count):
                return IpcChild.Run(seed, count);
            case "check":
                return ServiceCheck.Run();
            default:
                System.Console.WriteLine("usage: fuzz syscalls N SEED [THREADS] | fuzz ipc N SEED");
                return 2;
        }
    }

    private static bool Count(string text, out long value) => long.TryParse(text, out value) && value >= 0;

    private static bool Seed(string text, out ulong value) => ulong.TryParse(text, out value);
}
