namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// Bits of the ATA status register: read from port base+7 by the IDE driver and from
/// PxTFD bits 7:0 by the AHCI driver.
/// </summary>
internal static class AtaStatus
{
    /// <summary>The previous command ended in an error; the error register says which.</summary>
    public const byte Error = 0x01;

    /// <summary>The device wants to transfer a block of data (PIO).</summary>
    public const byte DataRequest = 0x08;

    /// <summary>Device fault: the device cannot continue.</summary>
    public const byte DeviceFault = 0x20;

    /// <summary>The device is ready to accept commands.</summary>
    public const byte Ready = 0x40;

    /// <summary>The device owns the registers; all other bits are meaningless while set.</summary>
    public const byte Busy = 0x80;

    /// <summary>Either error indication.</summary>
    public const byte Failed = Error | DeviceFault;
}
