namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// The ATA command opcodes both drivers issue (ATA/ATAPI Command Set, ACS-3): the
/// PIO and DMA forms for the IDE driver, the DMA EXT forms for AHCI.
/// </summary>
internal static class AtaCommand
{
    public const byte ReadSectors = 0x20;
    public const byte ReadSectorsExt = 0x24;
    public const byte ReadDmaExt = 0x25;
    public const byte WriteSectors = 0x30;
    public const byte WriteSectorsExt = 0x34;
    public const byte WriteDmaExt = 0x35;
    public const byte IdentifyPacketDevice = 0xA1;
    public const byte ReadDma = 0xC8;
    public const byte WriteDma = 0xCA;
    public const byte FlushCache = 0xE7;
    public const byte FlushCacheExt = 0xEA;
    public const byte IdentifyDevice = 0xEC;
    public const byte SetFeatures = 0xEF;

    /// <summary>SET FEATURES subcommand (features register): set the transfer mode given in the sector count register.</summary>
    public const byte FeatureSetTransferMode = 0x03;

    /// <summary>Transfer-mode values for <see cref="FeatureSetTransferMode"/>: the mode number goes in bits 2:0.</summary>
    public const byte TransferModeMultiwordDma = 0x20;
    public const byte TransferModeUltraDma = 0x40;

    /// <summary>Device register bit 6: the address is an LBA, not cylinder/head/sector.</summary>
    public const byte DeviceLba = 0x40;

    /// <summary>Highest sector count a 28-bit command can address (2^28 sectors = 128 GiB of 512-byte sectors).</summary>
    public const ulong Lba28Limit = 1UL << 28;

    /// <summary>Highest sector count a 48-bit command can address.</summary>
    public const ulong Lba48Limit = 1UL << 48;
}
