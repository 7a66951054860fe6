using CosmosHybrid.Arch.X64;
using CosmosHybrid.Boot;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Drivers.Storage;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Storage.Cache;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Placement;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Storage.Kernel;

/// <summary>
/// The kernel's one file tree: the <see cref="VirtualFileSystem"/> over the disks found at
/// boot, and the lock that serialises every operation on it. Callers work inside
/// <c>using (KernelFileSystem.Lock()) { ... }</c>; meanwhile the thread cannot be killed
/// half-way (a kill waits for the end of the scope), so locks are always released and
/// volumes left consistent.
/// </summary>
internal static class KernelFileSystem
{
    /// <summary>Blocks of <see cref="BufferCache.DefaultBlockSize"/> cached per hard disk: 2 MiB.</summary>
    public const int DiskCacheBlocks = 512;

    /// <summary>The largest program file spawn loads.</summary>
    public const int MaxProgramBytes = 16 * 1024 * 1024;

    /// <summary>The longest symbol map read beside a program (the largest the build makes is under 1 MiB).</summary>
    private const int MaxSymbolMapBytes = 4 * 1024 * 1024;

    private const string ProgramExtension = ".elf";
    private const string SymbolsExtension = ".sym";


    private static readonly VirtualFileSystem s_vfs = new VirtualFileSystem();
    private static readonly KernelMutex s_lock = new KernelMutex();

    // The hard disk under each volume the kernel mounted, by mount point (PlaceVolume hands one to ring 3).
    private static readonly System.Collections.Generic.List<string> s_diskPaths = new System.Collections.Generic.List<string>();
    private static readonly System.Collections.Generic.List<Disk> s_disks = new System.Collections.Generic.List<Disk>();

    // Descriptor tables of ended processes, closed by the next Lock (a process ends where
    // nothing may block, so its files cannot be closed there).
    // One slot per possible process: grown with the process table (EnsureOrphanCapacity), never where a process ends.
    private static FileDescriptorTable[] s_orphans = new FileDescriptorTable[32];
    private static int s_orphanCount;

    // Open files whose last stream handle closed (interrupts off, nothing may block): closed by the next Lock.
    private static readonly System.Collections.Generic.List<OpenFile> s_filesToClose = new System.Collections.Generic.List<OpenFile>();

    /// <summary>The tree; only inside a <see cref="Lock"/> scope.</summary>
    public static VirtualFileSystem Vfs => s_vfs;

    /// <summary>
    /// Takes the file-system lock (waiting for it) for a <c>using</c> scope; the calling
    /// thread is not killed while it holds it. Leaving the scope releases it, and a kill
    /// that came meanwhile takes effect then.
    /// </summary>
    public static KernelMutexHold Lock()
    {
        KernelMutexHold hold = s_lock.Hold();
        CloseOrphans();
        return hold;
    }

    /// <summary>
    /// True while a thread holds the lock (its tree, files and caches may be mid-change). Read with
    /// interrupts off, false means that every one of them is as a lock's holder would find it, and
    /// stays so while interrupts stay off on this one CPU (a read from memory relies on that).
    /// </summary>
    public static bool IsLocked => s_lock.IsHeld;

    /// <summary>
    /// Lets other threads into the tree while this one, inside a <see cref="Lock"/> scope, waits
    /// for something slow that needs no part of the tree (a ring-3 file server's answer, that
    /// server's own turn): other volumes are never held up by one server. The caller keeps
    /// its kills deferred meanwhile (it holds another lock, or defers them itself), and must
    /// take the lock back with <see cref="ReacquireAfterWait"/> before it touches the tree again.
    /// </summary>
    public static void ReleaseForWait() => s_lock.Release();

    /// <summary>Takes the lock back after <see cref="ReleaseForWait"/>.</summary>
    public static void ReacquireAfterWait() => s_lock.Acquire();

    /// <summary>
    /// Mounts the RAM disk's FAT image at "/" and the FAT volume of each hard disk (whole
    /// disk or first FAT partition) at "/disk", "/disk1", ... Disks without one are logged and skipped.
    /// A mount point the boot options place in ring 3 is left unmounted, its disk set aside.
    /// </summary>
    public static void MountBootDisks()
    {
        using (Lock())
            MountDisks();
    }

    private static void MountDisks()
    {
        WallClock clock = WallClock.Start();
        int hardDisks = 0;
        for (int i = 0; i < DiskRegistry.Count; i++)
        {
            Disk disk = DiskRegistry.Get(i);
            bool isRam = disk.Driver == "ramdisk";
            string path = isRam ? "/" : hardDisks == 0 ? "/disk" : "/disk" + hardDisks.ToString();
            if (isRam && (s_vfs.Mounts.IsMountPoint("/") || RingThreeDisks.Find("/") != null))
                continue;
            if (isRam && BootOptions.Placements.For("/") == VolumePlacement.RingThree)
            {
                // fs:/=ring3: init starts the file server for "/" (from its boot module, with this
                // disk's block handle) before it reads anything; "/" is the forwarding mount from then on.
                RingThreeDisks.Add("/", disk);
                KernelLog.WriteLine("vfs: / is " + disk.Name + " (served in ring 3: handed to fs by block handle)");
                continue;
            }
            if (!isRam && BootOptions.Placements.For(path) == VolumePlacement.RingThree)
            {
                // Left to the ring-3 file server: the kernel neither mounts nor caches it.
                RingThreeDisks.Add(path, disk);
                hardDisks++;
                KernelLog.WriteLine("vfs: " + path + " is " + disk.Name + " (served in ring 3: handed to fs by block handle)");
                continue;
            }
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
            {
                hardDisks++;
                s_diskPaths.Add(path);
                s_disks.Add(disk);
            }
            KernelLog.WriteLine("vfs: " + path + " is " + source + " (" + TypeName(volume.Type) + ", "
                + DiskRegistry.FormatSize(volume.TotalBytes) + (cache != null ? ", write-back cache " + (DiskCacheBlocks * BufferCache.DefaultBlockSize / 1024).ToString() + " KiB" : "") + ")");
        }
    }

    /// <summary>The hard disk under the volume the kernel mounted at <paramref name="path"/>, or null; under the lock.</summary>
    public static Disk HardDiskAt(string path)
    {
        int index = s_diskPaths.IndexOf(path);
        return index < 0 ? null : s_disks[index];
    }

    /// <summary>Forgets the disk at <paramref name="path"/> once its volume is unmounted; under the lock.</summary>
    public static void ForgetHardDisk(string path)
    {
        int index = s_diskPaths.IndexOf(path);
        if (index >= 0)
        {
            s_diskPaths.RemoveAt(index);
            s_disks.RemoveAt(index);
        }
    }

    /// <summary>Writes everything cached to the disks (before power-off); returns the first error.</summary>
    public static StorageError SyncAll()
    {
        using (Lock())
            return s_vfs.Sync();
    }

    /// <summary>
    /// A program file for spawn: <paramref name="path"/>, or <paramref name="path"/>.elf when that does not
    /// exist. The image kept from an earlier spawn of the same unchanged file when there is one
    /// (<see cref="ProgramImageCache"/>), else the file read into pages (and kept, when its volume can
    /// say which file it is and it is small enough). The caller lets the image go with <see cref="ProgramImage.Release"/>.
    /// </summary>
    public static StorageError ReadProgram(string workingDirectory, string path, out ProgramImage image)
    {
        image = null;
        using (Lock())
        {
            StorageError error = s_vfs.FindNode(workingDirectory, path, out Mount mount, out IVfsNode node);
            if (error == StorageError.NotFound && !path.EndsWith(ProgramExtension))
            {
                path += ProgramExtension;
                error = s_vfs.FindNode(workingDirectory, path, out mount, out node);
            }
            if (error != StorageError.Ok)
                return error;

            VfsFileIdentity identity = default;
            bool identified = node is IVfsIdentifiedNode named && named.TryGetIdentity(out identity);
            if (identified && ProgramImageCache.TryTake(identity, out image))
            {
                VirtualFileSystem.ReleaseNode(mount, node);
                return StorageError.Ok;
            }

            error = VirtualFileSystem.OpenFoundForRead(mount, path, node, out OpenFile file);
            if (error != StorageError.Ok)
            {
                VirtualFileSystem.ReleaseNode(mount, node);
                return error;
            }
            bool cacheable = identified && file.Length <= (ulong)ProgramImageCache.ByteLimit;
            error = ReadWhole(file, cacheable, out image);
            // Reading writes nothing to the volume; should the stamp move all the same, the image is not kept.
            cacheable = cacheable && image != null && image.IsCounted
                && ((IVfsIdentifiedNode)node).TryGetIdentity(out VfsFileIdentity after) && after.SameContents(identity);
            StorageError closeError = file.Close();
            if (error == StorageError.Ok)
                error = closeError;
            if (error != StorageError.Ok && image != null)
            {
                image.Release();
                image = null;
            }
            if (error == StorageError.Ok)
                image.Symbols = ReadSymbolsBeside(workingDirectory, path);
            if (error == StorageError.Ok && cacheable)
                ProgramImageCache.Keep(identity, image);
            return error;
        }
    }

    /// <summary>Whether <paramref name="path"/> (absolute) names a file or directory.</summary>
    public static bool FileExists(string path)
    {
        using (Lock())
        {
            if (s_vfs.FindNode("/", path, out Mount mount, out IVfsNode node) != StorageError.Ok)
                return false;
            VirtualFileSystem.ReleaseNode(mount, node);
            return true;
        }
    }

    // The symbol map beside program file `programPath` (NAME.sym for NAME.elf or NAME), for fault reports, stack
    // traces and profiles; null when there is none. Under the lock.
    private static SymbolTable ReadSymbolsBeside(string workingDirectory, string programPath)
    {
        string stem = programPath.EndsWith(ProgramExtension) ? programPath.Substring(0, programPath.Length - ProgramExtension.Length) : programPath;
        byte[] map = ReadWholeLocked(workingDirectory, stem + SymbolsExtension, MaxSymbolMapBytes);
        return map == null ? null : new SymbolTable(map, stem.Substring(stem.LastIndexOf('/') + 1));
    }

    /// <summary>
    /// The whole of the file at <paramref name="path"/> (absolute) in a new array, or null when it is not
    /// there, cannot be read, or is longer than <paramref name="limit"/> bytes. For the kernel's own files.
    /// </summary>
    public static byte[] ReadWholeFile(string path, int limit)
    {
        using (Lock())
            return ReadWholeLocked("/", path, limit);
    }

    private static byte[] ReadWholeLocked(string workingDirectory, string path, int limit)
    {
        if (s_vfs.FindNode(workingDirectory, path, out Mount mount, out IVfsNode node) != StorageError.Ok)
            return null;
        if (VirtualFileSystem.OpenFoundForRead(mount, path, node, out OpenFile file) != StorageError.Ok)
        {
            VirtualFileSystem.ReleaseNode(mount, node);
            return null;
        }
        byte[] bytes = file.Length <= (ulong)limit ? new byte[(int)file.Length] : null;
        if (bytes != null && ReadFully(file, bytes) != StorageError.Ok)
            bytes = null;
        file.Close();
        return bytes;
    }

    // The file's bytes straight into the pages of a program image (no copy between): a counted,
    // shared image for the cache when there are pages for it, else one for this spawn alone.
    private static StorageError ReadWhole(OpenFile file, bool forCache, out ProgramImage image)
    {
        image = null;
        if (file.Length > MaxProgramBytes)
            return StorageError.FileTooLarge;
        if (forCache)
            image = ProgramImage.ForCachedFile((int)file.Length);
        if (image == null)
            image = ProgramImage.ForFile((int)file.Length);
        return ReadFully(file, image.Contents);
    }

    // From the position until the buffer is full; Corrupt when the file ends before (it was shorter than its length said).
    private static StorageError ReadFully(OpenFile file, System.Span<byte> bytes)
    {
        int done = 0;
        while (done < bytes.Length)
        {
            StorageError error = file.Read(bytes.Slice(done), out int read);
            if (error != StorageError.Ok)
                return error;
            if (read == 0)
                return StorageError.Corrupt;
            done += read;
        }
        return StorageError.Ok;
    }

    /// <summary>
    /// Called when a process's last thread is gone (interrupts off, nothing may block): its
    /// open files are queued and closed by the next file-system call.
    /// </summary>
    public static void ReleaseProcess(Process process)
    {
        if (process.Files.Count == 0)
            return;
        using (InterruptsOff.Enter())
        {
            if (s_orphanCount < s_orphans.Length)
                s_orphans[s_orphanCount++] = process.Files;
        }
    }

    /// <summary>Closes <paramref name="file"/> at the next <see cref="Lock"/>: for a caller that may not block.</summary>
    public static void CloseLater(OpenFile file)
    {
        using (InterruptsOff.Enter())
            s_filesToClose.Add(file);
    }

    /// <summary>Makes room for the files of <paramref name="processes"/> ended processes (called as the process table grows).</summary>
    public static void EnsureOrphanCapacity(int processes)
    {
        if (processes <= s_orphans.Length)
            return;
        var larger = new FileDescriptorTable[processes];
        using (InterruptsOff.Enter())
        {
            for (int i = 0; i < s_orphanCount; i++)
                larger[i] = s_orphans[i];
            s_orphans = larger;
        }
    }

    public static string TypeName(FatType type) => type == FatType.Fat32 ? "FAT32" : type == FatType.Fat16 ? "FAT16" : "FAT12";

    // Under the lock: closes the files of processes that ended.
    private static void CloseOrphans()
    {
        // Usually nothing waits: skip the interrupts-off sections. Anything queued after this
        // look (an interrupt, another thread's exit) is closed by the next Lock, as always.
        if (s_orphanCount == 0 && s_filesToClose.Count == 0)
            return;
        while (s_orphanCount > 0)
        {
            FileDescriptorTable table;
            using (InterruptsOff.Enter())
            {
                table = s_orphans[--s_orphanCount];
                s_orphans[s_orphanCount] = null;
            }
            table.CloseAll();
        }
        while (true)
        {
            OpenFile file;
            using (InterruptsOff.Enter())
            {
                if (s_filesToClose.Count == 0)
                    break;
                file = s_filesToClose[s_filesToClose.Count - 1];
                s_filesToClose.RemoveAt(s_filesToClose.Count - 1);
            }
            file.Close();
        }
    }
}
