using CosmosHybrid.Boot;
using CosmosHybrid.Drivers.Storage;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Storage.Kernel;

/// <summary>
/// Moves a mounted volume from the kernel to a ring-3 file server after boot (init's manifest
/// line <c>fs:/disk=ring3</c>): the kernel mounted every disk before init could read its
/// manifest, so the volume is written back and unmounted, and its disk set aside exactly as the
/// boot option would have left it; the `fs` service then opens it and attaches. A boot option
/// naming the mount point wins. Only kernel to ring 3, and not "/": init read its manifest there and
/// processes hold files on it; the boot option fs:/=ring3 places "/" before anything is opened.
/// </summary>
internal static class VolumeSwitch
{
    /// <summary>Under the file-system lock. Ok with the outcome, or why nothing moved.</summary>
    public static StorageError Place(string path, MountPlacement placement, out PlacementOutcome outcome)
    {
        outcome = PlacementOutcome.AlreadyThere;
        bool toRingThree = placement == MountPlacement.RingThree;
        bool inRingThree = RingThreeDisks.Find(path) != null;
        if (inRingThree == toRingThree)
            return inRingThree || KernelFileSystem.Vfs.Mounts.IsMountPoint(path) ? StorageError.Ok : StorageError.NotFound;
        if (BootOptions.Placements.Names(path))
        {
            outcome = PlacementOutcome.BootOptionDecides;
            return StorageError.Ok;
        }
        if (!toRingThree || path == "/")
            return StorageError.NotSupported;
        Disk disk = KernelFileSystem.HardDiskAt(path);
        if (disk == null)
            return StorageError.NotFound;
        StorageError error = KernelFileSystem.Vfs.Unmount(path, out Mount unmounted);
        if (error != StorageError.Ok)
            return error;
        // Ring 3 writes the disk from now on, unseen by the volume's change stamp: its cached programs go.
        Processes.ProgramImageCache.ForgetVolume(unmounted.Volume);
        KernelFileSystem.ForgetHardDisk(path);
        RingThreeDisks.Add(path, disk);
        outcome = PlacementOutcome.Moved;
        return StorageError.Ok;
    }
}
