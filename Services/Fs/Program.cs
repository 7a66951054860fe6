using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Fs;
using CosmosHybrid.Services.Fs.Block;
using CosmosHybrid.Services.Fs.Placement;
using CosmosHybrid.Services.Fs.Server;
using CosmosHybrid.Services.UserRuntime;
using CosmosHybrid.Storage;

/// <summary>
/// Entry of the ring-3 file server: <c>fs MOUNTPOINT COMMAND...</c>, the kernel's FAT engine
/// serving the disk the kernel set aside for MOUNTPOINT (boot option <c>fs:/disk=ring3</c>).
/// It finds a block-device handle among its start-up handles, or opens one with the
/// authority at handle 4 (Devices right). Commands:
/// <list type="bullet">
/// <item><c>serve</c>: serve MOUNTPOINT for the kernel's forwarding mount (what init runs).</item>
/// <item><c>exercise FILE</c>: list the root, print FILE, write, append, create a directory,
/// rename and remove through the ring-3 engine, then sync (for the boot tests).</item>
/// <item><c>bench KERNELDIR</c>: the file rows measured on the kernel's volume KERNELDIR and on this
/// process's own mount (the engine called in-process over block calls, no forwarding), side by side.</item>
/// </list>
/// </summary>
internal static unsafe class Program
{
    private const long Authority = StartupHandles.RootAuthority;
    private const int HandlesToSearch = 8;

    public static int Main(string arguments)
    {
        string[] words = arguments.Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0].Length == 0 || words[0][0] != '/')
        {
            System.Console.WriteLine("usage: fs MOUNTPOINT serve | fs MOUNTPOINT exercise FILE | fs MOUNTPOINT bench KERNELDIR");
            return 2;
        }
        string mountPoint = words[0];
        BlockHandleDevice device = FindDevice(mountPoint, out long block, out string why);
        if (device == null)
        {
            System.Console.WriteLine("fs: " + mountPoint + ": no block device (" + why + ")");
            return 1;
        }
        StorageError error = RingThreeMount.Mount(device, out RingThreeMount mount);
        if (error != StorageError.Ok)
        {
            System.Console.WriteLine("fs: " + mountPoint + ": " + device.Name + ": no FAT file system (" + StorageErrorText.Describe(error) + ")");
            return 1;
        }
        System.Console.WriteLine("fs: " + mountPoint + " is " + mount.Source + " (" + mount.TypeName + ", "
            + (mount.Volume.TotalBytes / 1024).ToString() + " KiB, served in ring 3, write-back cache "
            + (RingThreeMount.CacheBlocks * 4).ToString() + " KiB)");

        int status;
        if (words[1] == "serve" && words.Length == 2)
            return ServeLoop.Run(mount, block, mountPoint);
        if (words[1] == "exercise" && words.Length == 3)
            status = Exercise.Run(mount, words[2]);
        else if (words[1] == "bench" && words.Length == 3)
            status = Bench(mount, words[2]);
        else
        {
            System.Console.WriteLine("fs: unknown command '" + words[1] + "' (exercise FILE, bench KERNELDIR)");
            status = 2;
        }
        StorageError synced = mount.Files.Sync();
        System.Console.WriteLine("fs: " + mountPoint + " synced (" + StorageErrorText.Describe(synced) + ")");
        return synced == StorageError.Ok ? status : 1;
    }

    private static int Bench(RingThreeMount mount, string kernelDirectory)
    {
        if (FileCalls.Stat(kernelDirectory, out FileStatus status) != 0 || status.Type != FileType.Directory)
        {
            System.Console.WriteLine("fs: bench: " + kernelDirectory + " is not a directory the kernel serves");
            return 1;
        }
        long address = SystemCall.Call(SyscallNumber.MapMemory, 16);
        if (address <= 0)
            return 1;
        byte* buffer = (byte*)address;
        PlacementFigures kernel = PlacementBench.Measure(new KernelFiles(), kernelDirectory, buffer);
        PlacementFigures ringThree = PlacementBench.Measure(new EngineFiles(mount.Files), "/", buffer);
        PlacementReport.Print("fs-bench: ", "kernel (" + kernelDirectory + ", FAT in ring 0)", kernel, "in-process (FAT in fs over block calls)", ringThree);
        return 0;
    }

    // A block handle init passed (any of the first handles after standard I/O), else one opened with the authority.
    private static BlockHandleDevice FindDevice(string mountPoint, out long block, out string why)
    {
        block = 0;
        for (long handle = StartupHandles.FirstExtra; handle < StartupHandles.FirstExtra + HandlesToSearch; handle++)
        {
            BlockHandleDevice passed = BlockHandleDevice.Open(handle);
            if (passed != null)
            {
                why = null;
                block = handle;
                return passed;
            }
        }
        long opened = BlockCalls.Open(Authority, mountPoint);
        if (opened < 0)
        {
            why = ProcessCalls.ErrorText(opened) + " from BlockOpen; boot with fs:" + mountPoint + "=ring3";
            return null;
        }
        why = null;
        block = opened;
        return BlockHandleDevice.Open(opened);
    }
}
