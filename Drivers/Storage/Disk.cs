using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>A block device found at boot, with the names the listing and the mount code use.</summary>
internal sealed class Disk
{
    public Disk(string name, string driver, string model, string location, IBlockDevice device)
    {
        Name = name;
        Driver = driver;
        Model = model;
        Location = location;
        Device = device;
    }

    /// <summary>Short unique name: "ram0", "ata0"–"ata3" (IDE channel × master/slave), "ahci0", ...</summary>
    public string Name { get; }

    /// <summary>"ramdisk", "ata-dma" (IDE with a bus master), "ata-pio" (IDE without, or boot option <c>ata=pio</c>) or "ahci".</summary>
    public string Driver { get; }

    /// <summary>The device's own model string (IDENTIFY), or the boot module's name for a RAM disk.</summary>
    public string Model { get; }

    /// <summary>Where it is attached: "ide primary master", "ahci 00:1f.2 port 0", "module rootfs.img".</summary>
    public string Location { get; }

    public IBlockDevice Device { get; }

    public ulong SizeBytes => Device.SectorCount * (ulong)Device.SectorSize;
}
