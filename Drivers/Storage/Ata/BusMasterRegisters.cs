namespace CosmosHybrid.Drivers.Storage.Ata;

/// <summary>
/// The bus-master IDE registers of one channel (PCI IDE Bus Master, rev. 1.0): eight I/O
/// ports from BAR4 for the primary channel, the next eight for the secondary.
/// </summary>
internal static class BusMasterRegisters
{
    public const ushort Command = 0;
    public const ushort Status = 2;
    public const ushort PrdTableAddress = 4;

    /// <summary>The secondary channel's registers follow the primary's.</summary>
    public const ushort SecondaryOffset = 8;

    /// <summary>Command: start the transfer (cleared to stop, after the command ended or to abort it).</summary>
    public const byte CommandStart = 0x01;

    /// <summary>Command: the bus master writes memory (a device read); clear for a device write.</summary>
    public const byte CommandToMemory = 0x08;

    /// <summary>Status: the transfer runs; cleared when the table's last region is done.</summary>
    public const byte StatusActive = 0x01;

    /// <summary>Status: the controller failed to move data (write 1 to clear).</summary>
    public const byte StatusError = 0x02;

    /// <summary>Status: the device raised its interrupt (write 1 to clear).</summary>
    public const byte StatusInterrupt = 0x04;

    /// <summary>Status: firmware's note that drive 0 / drive 1 was set up for DMA.</summary>
    public const byte StatusDrive0Capable = 0x20;
    public const byte StatusDrive1Capable = 0x40;

    /// <summary>Status: only one channel at a time may run a transfer.</summary>
    public const byte StatusSimplexOnly = 0x80;
}
