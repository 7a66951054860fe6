using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Devices;

/// <summary>One address range of a device: a PCI BAR, a legacy port, the framebuffer's memory.</summary>
internal readonly struct DeviceRegion
{
    public DeviceRegion(DeviceRegionKind kind, ulong address, ulong size, bool writeCombining = false)
    {
        Kind = kind;
        Address = address;
        Size = size;
        WriteCombining = writeCombining;
    }

    public DeviceRegionKind Kind { get; }

    /// <summary>A physical address for memory, a port number for I/O.</summary>
    public ulong Address { get; }

    public ulong Size { get; }

    /// <summary>Memory that is mapped write-combining where the CPU can (a framebuffer), not uncached.</summary>
    public bool WriteCombining { get; }

    public bool IsMemory => Kind == DeviceRegionKind.Memory && Size != 0;

    public bool IsIo => Kind == DeviceRegionKind.Io && Size != 0;
}
