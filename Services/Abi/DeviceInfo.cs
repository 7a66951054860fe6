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
}
