using CosmosHybrid.Console.Log;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Storage.Kernel;

namespace CosmosHybrid.Benchmarks;

/// <summary>
/// The bench boot has no init: for each disk the boot options placed in ring 3
/// (<c>fs:/disk1=ring3</c>) the kernel starts the file server itself, with the first program's
/// handles (the root authority, from which `fs` opens the block handle), and waits until it
/// has attached, so that `bench` measures the same file rows on both placements.
/// </summary>
internal static class BenchFileServers
{
    private const int AttachWaitMilliseconds = 20000;
    private const int PollMilliseconds = 50;

    public static void Start()
    {
        for (int i = 0; i < RingThreeDisks.Count; i++)
        {
            RingThreeDisk disk = RingThreeDisks.Get(i);
            Process server = ProcessTable.Spawn("fs " + disk.MountPoint + " serve", out _, handles: Supervisor.FirstProgramHandles());
            if (server == null)
            {
                KernelLog.WriteLine("bench: cannot start fs for " + disk.MountPoint);
                continue;
            }
            for (int waited = 0; waited < AttachWaitMilliseconds && !IsAttached(disk); waited += PollMilliseconds)
                Scheduler.Sleep(PollMilliseconds);
        }
    }

    private static bool IsAttached(RingThreeDisk disk)
    {
        using (KernelFileSystem.Lock())
            return disk.Volume != null;
    }
}
