namespace CosmosHybrid.Drivers.Pci;

/// <summary>What a base address register (BAR) decodes.</summary>
public enum PciBarKind
{
    /// <summary>Not implemented by the device, or the upper half of a 64-bit memory BAR.</summary>
    None,

    /// <summary>A range of I/O ports.</summary>
    Io,

    /// <summary>Memory below 4 GiB (type 00b, or the legacy below-1-MiB type 01b).</summary>
    Memory32,

    /// <summary>Memory anywhere in the 64-bit space; takes two BAR slots (type 10b).</summary>
    Memory64,
}
