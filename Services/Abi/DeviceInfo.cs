using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Abi;

/// <summary>What kind of hardware a device object stands for.</summary>
public enum DeviceKind : int
{
    /// <summary>A PCI function (bus:slot.function).</summary>
    Pci = 1,
    /// <summary>The i8042 keyboard and mouse controller (ports 0x60 and 0x64, IRQs 1 and 12).</summary>
    I8042 = 2,
    /// <summary>The framebuffer the boot loader set up.</summary>
    Framebuffer = 3,
}

/// <summary>
/// One device the kernel knows, as DeviceList reports it: enough for `init` to choose the
/// devices a manifest line names (by PCI class, by vendor:device, or by legacy name) and
/// for the `devices` listing. <see cref="Index"/> is what DeviceOpen takes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct DeviceInfo
{
    public const int NameCapacity = 16;

    public int Index;
    public DeviceKind Kind;

    /// <summary>PCI only: location and identity.</summary>
    public byte Bus, Slot, Function, Revision;
    public ushort VendorId, DeviceId;
    public byte ClassCode, Subclass, ProgrammingInterface, Reserved;

    /// <summary>The interrupt line the device raises (-1: none).</summary>
    public int Irq;

    /// <summary>The process holding a handle to the device, 0 when nobody does.</summary>
    public int OwnerProcessId;

    /// <summary>A short name in ASCII, NUL-padded ("e1000", "ahci", "i8042", "framebuffer").</summary>
    public fixed byte Name[NameCapacity];

    public const int RegionCapacity = 6;

    /// <summary>
    /// The device's address ranges, by the index DeviceMap takes: a PCI function's BARs (an
    /// empty slot, or the upper half of a 64-bit BAR, is <see cref="DeviceRegionKind.None"/>),
    /// the i8042's two ports, the framebuffer's memory.
    /// </summary>
    public fixed ulong RegionAddress[RegionCapacity];
    public fixed ulong RegionSize[RegionCapacity];
    public fixed byte RegionKind[RegionCapacity];

    /// <summary>How each region is mapped into its owner now (<see cref="DeviceMapping"/>).</summary>
    public fixed byte RegionMapping[RegionCapacity];

    /// <summary>The second interrupt line (the i8042's mouse, 12), or -1.</summary>
    public int SecondIrq;

    /// <summary>What the owner uses now (<see cref="DeviceUse"/>).</summary>
    public DeviceUse Use;

    /// <summary>Bytes of DMA memory its owner holds.</summary>
    public long DmaBytes;

    /// <summary>The framebuffer only: its mode as the boot loader set it (0 for other devices).</summary>
    public int FramebufferWidth, FramebufferHeight, FramebufferPitch, FramebufferBitsPerPixel;

    /// <summary>The framebuffer only: 1 direct RGB (x8r8g8b8 at 32 bpp), 0 indexed colours, 2 EGA text (multiboot2's numbering).</summary>
    public int FramebufferType;
}

/// <summary>What a device region decodes.</summary>
public enum DeviceRegionKind : byte
{
    None = 0,
    Io = 1,
    Memory = 2,
}

/// <summary>How a device region is mapped into its owner's address space.</summary>
public enum DeviceMapping : byte
{
    NotMapped = 0,
    /// <summary>Uncached (UC): registers.</summary>
    Uncached = 1,
    /// <summary>Write-combining (WC, through the PAT): the framebuffer.</summary>
    WriteCombining = 2,
}

/// <summary>What the owner of a device uses through its handle.</summary>
[System.Flags]
public enum DeviceUse : int
{
    None = 0,
    /// <summary>Its I/O ports, from ring 3 through the I/O permission bitmap.</summary>
    Ports = 1,
    /// <summary>Bus mastering is on (the device may DMA).</summary>
    BusMaster = 2,
    /// <summary>An interrupt line is bound to a port.</summary>
    Irq = 4,
}

/// <summary>Flags of DeviceDmaAllocate.</summary>
[System.Flags]
public enum DmaFlags : long
{
    None = 0,
    /// <summary>The memory must lie below 4 GiB (for 32-bit DMA engines).</summary>
    Below4GiB = 1,
}
