using System;
using CosmosHybrid.Boot;
using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Drivers.Storage.Ahci;
using CosmosHybrid.Drivers.Storage.Ata;
using CosmosHybrid.Memory;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// The disks found at boot: a RAM disk over the root filesystem module, ATA disks on
/// IDE channels, and ATA disks behind AHCI ports. The VFS mounts from this list.
/// Probing never fails the boot: a controller or disk that misbehaves is logged and left out.
/// </summary>
internal static unsafe class DiskRegistry
{
    /// <summary>The GRUB module that holds the root filesystem image.</summary>
    public const string RootModuleName = "rootfs.img";

    private const int MaxDisks = 16;

    private static readonly Disk[] s_disks = new Disk[MaxDisks];
    private static int s_count;
    private static int s_ataCount;
    private static int s_ahciCount;

    public static int Count => s_count;

    public static Disk Get(int index) => s_disks[index];

    /// <summary>The disk called <paramref name="name"/> ("ata0", "ahci1", "ram0"), or null.</summary>
    public static Disk Find(string name)
    {
        for (int i = 0; i < s_count; i++)
        {
            if (s_disks[i].Name == name)
                return s_disks[i];
        }
        return null;
    }

    /// <summary>Finds every disk. Needs PCI enumerated, interrupts on and the scheduler running.</summary>
    public static void Probe(BootInformation boot)
    {
        if (boot.TryFindModule(RootModuleName, out BootModule module) && module.Length >= RamDisk.BytesPerSector)
        {
            var firstSector = new ReadOnlySpan<byte>(AddressSpaceLayout.PhysicalToVirtual(module.Start), RamDisk.BytesPerSector);
            ulong diskBytes = RamDiskSize.Bytes(firstSector, module.Length);
            Add(new Disk("ram0", "ramdisk", RootModuleName, "module " + RootModuleName, new RamDisk(module.Start, module.Length, diskBytes)));
        }
        IdeControllers.Probe(&OnAtaDrive, useDma: !BootOptions.AtaPio);
        AhciControllers.Probe(&OnAhciDisk);
    }

    private static void OnAtaDrive(AtaDrive drive)
    {
        string location = "ide " + drive.Channel.Name + (drive.DriveNumber == 0 ? " master" : " slave");
        Add(new Disk("ata" + (s_ataCount++).ToString(), drive.UsesDma ? "ata-dma" : "ata-pio", drive.Identity.Model, location, drive));
    }

    private static void OnAhciDisk(AhciDisk disk)
    {
        string location = "ahci " + disk.Port.Controller.Pci.Address.ToString() + " port " + disk.Port.Number.ToString();
        Add(new Disk("ahci" + (s_ahciCount++).ToString(), "ahci", disk.Identity.Model, location, disk));
    }

    private static void Add(Disk disk)
    {
        if (s_count == MaxDisks)
        {
            KernelLog.WriteLine("storage: too many disks, " + disk.Name + " left out");
            return;
        }
        s_disks[s_count++] = disk;
    }

    /// <summary>"ata0 ata-dma 'QEMU HARDDISK' 16 MiB (32768 x 512 B) at ide primary master".</summary>
    public static string Describe(Disk disk) =>
        disk.Name + " " + disk.Driver + " '" + disk.Model + "' " + FormatSize(disk.SizeBytes) + " ("
        + disk.Device.SectorCount.ToString() + " x " + disk.Device.SectorSize.ToString() + " B) at " + disk.Location;

    public static string FormatSize(ulong bytes)
    {
        const ulong KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024;
        if (bytes >= 10 * GiB)
            return (bytes / GiB).ToString() + " GiB";
        if (bytes >= 10 * MiB)
            return (bytes / MiB).ToString() + " MiB";
        return (bytes / KiB).ToString() + " KiB";
    }
}
