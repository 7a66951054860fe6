namespace CosmosHybrid.Drivers.Storage.Ahci;

/// <summary>
/// Generic host control registers of an AHCI HBA, as offsets from ABAR (PCI BAR5),
/// and their bits (Serial ATA AHCI 1.3.1, section 3.1).
/// </summary>
internal static class AhciRegisters
{
    public const ulong Capabilities = 0x00;          // CAP
    public const ulong GlobalHostControl = 0x04;     // GHC
    public const ulong InterruptStatus = 0x08;       // IS: one bit per port, write 1 to clear
    public const ulong PortsImplemented = 0x0C;      // PI
    public const ulong Version = 0x10;               // VS
    public const ulong Capabilities2 = 0x24;         // CAP2
    public const ulong HandoffControl = 0x28;        // BOHC

    /// <summary>Port register blocks start here, 0x80 bytes each.</summary>
    public const ulong FirstPort = 0x100;
    public const ulong PortStride = 0x80;

    public const uint CapPortCountMask = 0x1F;                  // NP: ports - 1
    public const int CapCommandSlotsShift = 8;                  // NCS: slots - 1
    public const uint CapCommandSlotsMask = 0x1F;
    public const uint CapCommandListOverride = 1u << 24;        // SCLO
    public const uint CapStaggeredSpinUp = 1u << 27;            // SSS
    public const uint CapNativeCommandQueuing = 1u << 30;       // SNCQ
    public const uint Cap64BitAddressing = 1u << 31;            // S64A

    public const uint GhcReset = 1u << 0;                       // HR
    public const uint GhcInterruptEnable = 1u << 1;             // IE
    public const uint GhcAhciEnable = 1u << 31;                 // AE

    public const uint Cap2BiosHandoff = 1u << 0;                // BOH

    public const uint BohcBiosOwned = 1u << 0;                  // BOS
    public const uint BohcOsOwned = 1u << 1;                    // OOS
    public const uint BohcBiosBusy = 1u << 4;                   // BB
}
