using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Drivers.Pci;
using CosmosHybrid.Handles;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Devices;

/// <summary>
/// A piece of hardware a handle can name: a PCI function, the i8042 controller, the boot
/// framebuffer. Whoever holds a handle may drive it, one process at a time (its
/// <see cref="Owner"/>): map its memory regions, use its ports, read and write its own
/// configuration space, allocate DMA memory, bind its interrupt. What the owner got is
/// recorded here, so it can all be taken back (<see cref="DeviceAccess.Release"/>) when
/// the owner dies or the last handle closes.
/// </summary>
internal sealed class Device : KernelObject
{
    public const int RegionCount = DeviceInfo.RegionCapacity;

    private readonly DeviceRegion[] _regions;

    public Device(int index, DeviceKind kind, string name, PciDevice pci, DeviceRegion[] regions, int irq, int secondIrq, bool kernelDriven)
    {
        Index = index;
        Kind = kind;
        Name = name;
        Pci = pci;
        _regions = regions;
        Irq = irq;
        SecondIrq = secondIrq;
        KernelDriven = kernelDriven;
    }

    public int Index { get; }

    public DeviceKind Kind { get; }

    public string Name { get; }

    /// <summary>The PCI function, or null for a legacy device.</summary>
    public PciDevice Pci { get; }

    /// <summary>Its interrupt line, or -1.</summary>
    public int Irq { get; }

    /// <summary>A second line (the i8042's mouse), or -1.</summary>
    public int SecondIrq { get; }

    /// <summary>The boot framebuffer's mode (a framebuffer device only).</summary>
    public FramebufferInfo Mode { get; init; }

    /// <summary>A kernel driver drives it (the storage controllers): no process may open it.</summary>
    public bool KernelDriven { get; }

    public DeviceRegion GetRegion(long index) => index >= 0 && index < _regions.Length ? _regions[index] : default;

    public bool OwnsIrq(long irq) => irq >= 0 && (irq == Irq || irq == SecondIrq);

    /// <summary>True when an access of <paramref name="size"/> bytes at <paramref name="port"/> lies in one of its I/O regions.</summary>
    public bool OwnsPorts(long port, long size)
    {
        for (int i = 0; i < _regions.Length; i++)
        {
            DeviceRegion region = _regions[i];
            if (region.IsIo && size > 0 && port >= (long)region.Address && port + size <= (long)(region.Address + region.Size))
                return true;
        }
        return false;
    }

    // ---- what the owner holds ----

    /// <summary>The process driving the device, or null.</summary>
    public Process Owner { get; set; }

    /// <summary>Where each region is mapped in the owner (0: not mapped), and how.</summary>
    public readonly ulong[] MappedAt = new ulong[RegionCount];
    public readonly DeviceMapping[] Mapping = new DeviceMapping[RegionCount];

    public DmaBuffer DmaBuffers { get; set; }

    public ulong DmaPages { get; set; }

    public bool PortsEnabled { get; set; }

    public bool BusMasterEnabled { get; set; }

    /// <summary>Interrupt lines bound to a port through this device.</summary>
    public int BoundIrqs { get; set; }

    public bool HoldsResources
    {
        get
        {
            if (DmaPages != 0 || PortsEnabled || BoundIrqs != 0 || BusMasterEnabled)
                return true;
            for (int i = 0; i < RegionCount; i++)
            {
                if (MappedAt[i] != 0)
                    return true;
            }
            return false;
        }
    }

    /// <summary>The last handle closed: the device goes back to nobody, with everything its owner held.</summary>
    public override void OnHandleClosed(HandleRights rights)
    {
        if (References == 0)
            DeviceAccess.Release(this);
    }
}
