using CosmosHybrid.Drivers.Storage;
using CosmosHybrid.Handles;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Storage.Kernel.Forwarding;

namespace CosmosHybrid.Storage.Kernel;

/// <summary>
/// A hard disk the kernel left unmounted because the boot options place its mount point in
/// ring 3 (<c>fs:/disk=ring3</c>), or unmounted later for init's manifest line of the same
/// form (<see cref="VolumeSwitch"/>): the object a block-device handle names. Only this disk
/// is reachable through it, whole (the server finds the partition itself, as the kernel would).
/// </summary>
internal sealed class RingThreeDisk : KernelObject
{
    public RingThreeDisk(string mountPoint, Disk disk)
    {
        MountPoint = mountPoint;
        Disk = disk;
    }

    /// <summary>Where the volume would have been mounted ("/disk").</summary>
    public string MountPoint { get; }

    public Disk Disk { get; }

    /// <summary>
    /// Serialises the block calls on this disk (and their transfer buffer). Not the file-system
    /// lock: a forwarded file operation holds that while its server reads and writes here.
    /// </summary>
    public KernelMutex Lock { get; } = new KernelMutex();

    /// <summary>The kernel buffer block transfers pass through (made at the first one).</summary>
    public byte[] Transfer { get; set; }

    /// <summary>The forwarding mount at <see cref="MountPoint"/>, once a server attached; it stays for the next server.</summary>
    public ForwardingVolume Volume { get; set; }
}
