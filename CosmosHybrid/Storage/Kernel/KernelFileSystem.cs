using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Drivers.Storage;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Storage.Cache;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Storage.Kernel;

/// <summary>
/// The kernel's one file tree: the <see cref="VirtualFileSystem"/> over the disks found at
/// boot, and the lock that serialises every operation on it. Callers bracket their work
/// with <see cref="Enter"/> and <see cref="Leave"/>; meanwhile the thread cannot be killed
/// half-way (a kill waits for <see cref="Leave"/>), so locks are always released and
/// volumes left consistent.
/// </summary>
internal static class KernelFileSystem
{
    /// <summary>Blocks of <see cref="BufferCache.DefaultBlockSize"/> cached per hard disk: 2 MiB.</summary>
    public const int DiskCacheBlocks = 512;

    /// <summary>The largest program file spawn loads.</summary>
    public const int MaxProgramBytes = 16 * 1024 * 1024;


    private static readonly VirtualFileSystem s_vfs = new VirtualFileSystem();
    private static readonly KernelMutex s_lock = new KernelMutex();

    // Descriptor tables of ended processes, closed by the next Enter (a process ends where
    // nothing may block, so its files cannot be closed there).
    private static readonly FileDescriptorTable[] s_orphans = new FileDescriptorTable[ProcessTable.MaxProcesses];
    private static int s_orphanCount;

    /// <summary>The tree; only between <see cref="Enter"/> and <see cref="Leave"/>.</summary>
    public static VirtualFileSystem Vfs => s_vfs;

    /// <summary>Takes the file-system lock (waiting for it); the calling thread is not killed while it holds it.</summary>
    public static void Enter()
    {
        s_lock.Acquire();
        CloseOrphans();
    }

    /// <summary>Releases the lock; a kill that came meanwhile takes effect now.</summary>
    public static void Leave() => s_lock.Release();

    /// <summary>
    /// Mounts the RAM disk's FAT image at "/" and the FAT volume of each hard disk (whole
    /// disk or first FAT partition) at "/disk", "/disk1", ... Disks without one are logged and skipped.
    /// </summary>
    public static void MountBootDisks()
    {
        Enter();
        WallClock clock = WallClock.Start();
        int hardDisks = 0;
        for (int i = 0; i < DiskRegistry.Count; i++)
        {
            Disk disk = DiskRegistry.Get(i);
            bool isRam = disk.Driver == "ramdisk";
            string path = isRam ? "/" : hardDisks == 0 ? "/disk" : "/disk" + hardDisks.ToString();
            if (isRam && s_vfs.Mounts.IsMountPoint("/"))
                continue;
            BufferCache cache = isRam ? null : new BufferCache(disk.Device, BufferCache.DefaultBlockSize, DiskCacheBlocks);
            StorageError error = VolumeProbe.Mount(cache != null ? cache : disk.Device, out FatVolume volume, out int partition);
            if (error != StorageError.Ok)
            {
                KernelLog.WriteLine("vfs: " + disk.Name + ": no FAT file system (" + StorageErrorText.Describe(error) + ")");
                continue;
            }
            volume.Clock = clock;
            string source = partition < 0 ? disk.Name : disk.Name + "p" + (partition + 1).ToString();
            s_vfs.Mount(path, volume, source, cache);
            if (!isRam)
                hardDisks++;
            KernelLog.WriteLine("vfs: " + path + " is " + source + " (" + TypeName(volume.Type) + ", "
                + DiskRegistry.FormatSize(volume.TotalBytes) + (cache != null ? ", write-back cache " + (DiskCacheBlocks * BufferCache.DefaultBlockSize / 1024).ToString() + " KiB" : "") + ")");
        }
        Leave();
    }

    /// <summary>Writes everything cached to the disks (before power-off); returns the first error.</summary>
    public static StorageError SyncAll()
    {
        Enter();
        StorageError error = s_vfs.Sync();
        Leave();
        return error;
    }

    /// <summary>Reads a program file for spawn: <paramref name="path"/>, or <paramref name="path"/>.elf when that does not exist.</summary>
    public static StorageError ReadProgram(string workingDirectory, string path, out byte[] file)
    {
        Enter();
        StorageError error = s_vfs.ReadAll(workingDirectory, path, MaxProgramBytes, out file);
        if (error == StorageError.NotFound && !path.EndsWith(".elf"))
            error = s_vfs.ReadAll(workingDirectory, path + ".elf", MaxProgramBytes, out file);
        Leave();
        return error;
    }

    /// <summary>
    /// Called when a process's last thread is gone (interrupts off, nothing may block): its
    /// open files are queued and closed by the next file-system call.
    /// </summary>
    public static void ReleaseProcess(Process process)
    {
        if (process.Files.Count == 0)
            return;
        ulong flags = Cpu.DisableInterruptsSaving();
        if (s_orphanCount < s_orphans.Length)
            s_orphans[s_orphanCount++] = process.Files;
        Cpu.RestoreInterrupts(flags);
    }

    public static string TypeName(FatType type) => type == FatType.Fat32 ? "FAT32" : type == FatType.Fat16 ? "FAT16" : "FAT12";

    // Under the lock: closes the files of processes that ended.
    private static void CloseOrphans()
    {
        while (s_orphanCount > 0)
        {
            ulong flags = Cpu.DisableInterruptsSaving();
            FileDescriptorTable table = s_orphans[--s_orphanCount];
            s_orphans[s_orphanCount] = null;
            Cpu.RestoreInterrupts(flags);
            table.CloseAll();
        }
    }
}
