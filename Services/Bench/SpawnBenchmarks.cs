using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// Starting a program: spawn + exit + wait of /bin/true (the smallest program), read from its
/// boot module and from the root file system. Linux's row is fork + _exit + waitpid, which
/// copies an address space instead of loading an ELF file: the nearest operation it has.
/// </summary>
internal static class SpawnBenchmarks
{
    private const int Trials = 7;
    private const int Iterations = 20;

    public static void Run()
    {
        Benchmarks.Report("spawn_exit_wait_module (true from its boot module)", SpawnExitWait("true"), "ticks", "fork_exit");
        Benchmarks.Report("spawn_exit_wait_file (/bin/true.elf from the RAM disk)", SpawnExitWait("/bin/true.elf"), "ticks", "fork_exit");
    }

    private static ulong SpawnExitWait(string commandLine)
    {
        if (!SpawnOnce(commandLine))
            return 0;   // warms the caches, and says whether the program is there at all
        ulong[] samples = new ulong[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong start = Benchmarks.ReadTimestamp();
            for (int i = 0; i < Iterations; i++)
            {
                if (!SpawnOnce(commandLine))
                    return 0;
            }
            samples[trial] = (Benchmarks.ReadTimestamp() - start) / Iterations;
        }
        return Benchmarks.Median(samples);
    }

    private static bool SpawnOnce(string commandLine)
    {
        long child = ProcessCalls.Spawn(commandLine);
        return child >= 0 && ProcessCalls.Wait(child, out long status) >= 0 && status == 0;
    }
}
