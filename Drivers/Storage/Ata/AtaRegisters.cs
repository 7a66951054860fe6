namespace CosmosHybrid.Drivers.Storage.Ata;

/// <summary>
/// The task-file registers of an IDE channel, as offsets from its command block base
/// (0x1F0 primary, 0x170 secondary, or a native-mode BAR), and the bits of the device
/// control register in the control block (0x3F6 / 0x376).
/// </summary>
internal static class AtaRegisters
{
    public const ushort Data = 0;
    public const ushort Error = 1;        // read
    public const ushort Features = 1;     // write
    public const ushort SectorCount = 2;
    public const ushort LbaLow = 3;
    public const ushort LbaMid = 4;
    public const ushort LbaHigh = 5;
    public const ushort Device = 6;
    public const ushort Status = 7;       // read: also acknowledges the device's interrupt
    public const ushort Command = 7;      // write

    /// <summary>Device control: disable the INTRQ line (we poll).</summary>
    public const byte ControlNoInterrupts = 0x02;

    /// <summary>Device control: software reset of both devices on the channel while set.</summary>
    public const byte ControlSoftwareReset = 0x04;

    /// <summary>Device register: the obsolete bits 7 and 5 are set by convention, bit 4 picks the slave.</summary>
    public const byte DeviceBase = 0xA0;
    public const byte DeviceSlave = 0x10;

    /// <summary>A floating bus (no controller, or no devices and pull-ups) reads all ones.</summary>
    public const byte FloatingBus = 0xFF;

    /// <summary>LBA mid/high after a reset or an aborted IDENTIFY: 0/0 for an ATA disk, others for ATAPI and SATA bridges.</summary>
    public const byte AtapiSignatureMid = 0x14;
    public const byte AtapiSignatureHigh = 0xEB;

    /// <summary>Sectors transferred per command: the 28-bit count register's maximum (0 encodes 256).</summary>
    public const int MaxSectorsPerCommand = 256;

    /// <summary>Words in a 512-byte sector.</summary>
    public const int WordsPerSector = 256;
}
