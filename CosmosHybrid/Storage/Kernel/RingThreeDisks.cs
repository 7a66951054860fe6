using System.Collections.Generic;
using CosmosHybrid.Drivers.Storage;

namespace CosmosHybrid.Storage.Kernel;

/// <summary>
/// The disks set aside for the ring-3 file server, by mount point. Filled while the boot disks
/// are mounted and by PlaceVolume (init's manifest, <see cref="VolumeSwitch"/>), always under
/// the file-system lock; read by BlockOpen; never shrunk.
/// </summary>
internal static class RingThreeDisks
{
    private static readonly List<RingThreeDisk> s_disks = new List<RingThreeDisk>();

    public static int Count => s_disks.Count;

    public static RingThreeDisk Get(int index) => s_disks[index];

    public static void Add(string mountPoint, Disk disk) => s_disks.Add(new RingThreeDisk(mountPoint, disk));

    /// <summary>The disk set aside for <paramref name="mountPoint"/>, or null.</summary>
    public static RingThreeDisk Find(string mountPoint)
    {
        for (int i = 0; i < s_disks.Count; i++)
        {
            if (s_disks[i].MountPoint == mountPoint)
                return s_disks[i];
        }
        return null;
    }
}
