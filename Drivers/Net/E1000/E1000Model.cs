namespace CosmosHybrid.Drivers.Net.E1000;

/// <summary>The controllers the driver knows, told apart by PCI device id.</summary>
public enum E1000Model
{
    Unknown = 0,
    /// <summary>Intel 82540EM: QEMU's `e1000` (the default NIC).</summary>
    I82540EM,
    /// <summary>Intel 82545EM: VMware's `e1000`.</summary>
    I82545EM,
    /// <summary>Intel 82574L: QEMU's `e1000e`, VMware's `e1000e`.</summary>
    I82574L,
}

/// <summary>What differs between the models: identification and the EEPROM read register's layout.</summary>
public static class E1000Models
{
    public const ushort IntelVendorId = 0x8086;

    /// <summary>The model of PCI function <paramref name="vendorId"/>:<paramref name="deviceId"/>, or Unknown.</summary>
    public static E1000Model Identify(ushort vendorId, ushort deviceId)
    {
        if (vendorId != IntelVendorId)
            return E1000Model.Unknown;
        return deviceId switch
        {
            0x100E or 0x1015 => E1000Model.I82540EM,  // desktop, mobile
            0x100F or 0x1011 => E1000Model.I82545EM,  // copper, fiber
            0x10D3 => E1000Model.I82574L,
            _ => E1000Model.Unknown,
        };
    }

    public static string NameOf(E1000Model model) => model switch
    {
        E1000Model.I82540EM => "82540EM",
        E1000Model.I82545EM => "82545EM",
        E1000Model.I82574L => "82574L",
        _ => "unknown",
    };

    /// <summary>EERD value that starts reading EEPROM word <paramref name="address"/> (the 82574L moved the address field to bit 2).</summary>
    public static uint EepromReadCommand(E1000Model model, int address) =>
        model == E1000Model.I82574L ? ((uint)address << 2) | 1u : ((uint)address << 8) | 1u;

    /// <summary>True when EERD says the read finished (bit 1 on the 82574L, bit 4 on the older parts).</summary>
    public static bool EepromReadDone(E1000Model model, uint eerd) =>
        (eerd & (model == E1000Model.I82574L ? 1u << 1 : 1u << 4)) != 0;

    /// <summary>The word EERD returned (bits 16 to 31).</summary>
    public static ushort EepromData(uint eerd) => (ushort)(eerd >> 16);

    /// <summary>The MAC address from RAL/RAH, or 0 when RAH's valid bit is clear (then the EEPROM has it).</summary>
    public static ulong MacFromReceiveAddress(uint low, uint high) =>
        (high & E1000ReceiveAddress.Valid) == 0 ? 0 : low | ((ulong)(high & 0xFFFF) << 32);

    /// <summary>The MAC address from EEPROM words 0-2 (little-endian byte pairs).</summary>
    public static ulong MacFromEeprom(ushort word0, ushort word1, ushort word2) =>
        word0 | ((ulong)word1 << 16) | ((ulong)word2 << 32);

    /// <summary>ITR in 256 ns units for at most <paramref name="perSecond"/> interrupts a second.</summary>
    public static uint ThrottleFor(int perSecond) => perSecond <= 0 ? 0 : (uint)(1_000_000_000L / 256 / perSecond);
}
