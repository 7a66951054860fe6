using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.Fs.Placement;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Bench;

/// <summary>
/// Issue 14's figures: the same file rows, through the same system calls, on a volume the kernel
/// serves (/disk) and on one the ring-3 server `fs` serves behind the kernel's forwarding mount
/// (/disk1, boot option fs:/disk1=ring3, as `./build.sh bench` boots), side by side.
/// </summary>
internal static unsafe class PlacementBenchmarks
{
    public static void Run()
    {
        string kernel = Find(MountPlacement.Kernel);
        string ringThree = Find(MountPlacement.RingThree);
        if (kernel == null || ringThree == null)
        {
            System.Console.WriteLine("bench: file placement rows need a hard disk served by each placement (fs:/disk1=ring3)");
            return;
        }
        byte* buffer = (byte*)SystemCall.Call(SyscallNumber.MapMemory, 16);
        var files = new KernelFiles();
        PlacementFigures inKernel = PlacementBench.Measure(files, kernel, buffer);
        PlacementFigures inRingThree = PlacementBench.Measure(files, ringThree, buffer);
        PlacementReport.Print("bench: ", "kernel (" + kernel + ")", inKernel, "ring3 (" + ringThree + ")", inRingThree);
    }

    // The first hard-disk mount (not "/") served as asked.
    private static string Find(MountPlacement placement)
    {
        var mounts = new MountInfo[8];
        long count = FileCalls.ListMounts(mounts);
        for (int i = 0; i < count && i < mounts.Length; i++)
        {
            MountInfo info = mounts[i];
            string path = FileCalls.Decode(info.Path, MountInfo.PathCapacity);
            if (path != "/" && info.Placement == (long)placement)
                return path;
        }
        return null;
    }
}
