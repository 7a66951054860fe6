namespace CosmosHybrid.Drivers.Pci;

/// <summary>
/// Human names for PCI class codes (PCI Code and ID Assignment specification) and for
/// the few vendors a PC or a virtual machine commonly shows, for the lspci listing.
/// Unknown codes fall back to the class name or to "class XXh".
/// </summary>
public static class PciClassNames
{
    /// <summary>"SATA controller (AHCI)", "Ethernet controller", "PCI bridge", ...</summary>
    public static string Describe(byte classCode, byte subclass, byte progIf)
    {
        switch (classCode)
        {
            case 0x00:
                return subclass == 0x01 ? "VGA-compatible unclassified device" : "Unclassified device";
            case 0x01:
                return MassStorage(subclass, progIf);
            case 0x02:
                return subclass == 0x00 ? "Ethernet controller" : "Network controller";
            case 0x03:
                return subclass == 0x00 ? "VGA compatible controller" : subclass == 0x02 ? "3D controller" : "Display controller";
            case 0x04:
                return subclass == 0x01 ? "Multimedia audio controller" : subclass == 0x03 ? "Audio device" : "Multimedia controller";
            case 0x05:
                return "Memory controller";
            case 0x06:
                return Bridge(subclass);
            case 0x07:
                return subclass == 0x00 ? "Serial controller" : subclass == 0x01 ? "Parallel controller" : "Communication controller";
            case 0x08:
                return subclass == 0x05 ? "SD host controller" : "System peripheral";
            case 0x09:
                return "Input device controller";
            case 0x0C:
                return SerialBus(subclass, progIf);
            case 0x0D:
                return "Wireless controller";
            default:
                return "class " + ((uint)classCode).ToString("x2") + "h";
        }
    }

    /// <summary>A short vendor name, or null when the vendor is not in the small table.</summary>
    public static string Vendor(ushort vendorId)
    {
        switch (vendorId)
        {
            case 0x8086: return "Intel";
            case 0x1022: return "AMD";
            case 0x1002: return "AMD/ATI";
            case 0x10DE: return "NVIDIA";
            case 0x10EC: return "Realtek";
            case 0x14E4: return "Broadcom";
            case 0x15AD: return "VMware";
            case 0x80EE: return "VirtualBox";
            case 0x1234: return "QEMU";
            case 0x1B36: return "Red Hat (QEMU)";
            case 0x1AF4: return "Red Hat (virtio)";
            default: return null;
        }
    }

    private static string MassStorage(byte subclass, byte progIf)
    {
        switch (subclass)
        {
            case 0x00: return "SCSI storage controller";
            case 0x01: return "IDE interface";
            case 0x02: return "Floppy disk controller";
            case 0x04: return "RAID bus controller";
            case 0x05: return "ATA controller";
            case 0x06: return progIf == 0x01 ? "SATA controller (AHCI)" : "SATA controller";
            case 0x07: return "SAS controller";
            case 0x08: return progIf == 0x02 ? "Non-Volatile memory controller (NVMe)" : "Non-Volatile memory controller";
            default: return "Mass storage controller";
        }
    }

    private static string Bridge(byte subclass)
    {
        switch (subclass)
        {
            case 0x00: return "Host bridge";
            case 0x01: return "ISA bridge";
            case 0x04: return "PCI bridge";
            case 0x80: return "Bridge";
            default: return "Bridge";
        }
    }

    private static string SerialBus(byte subclass, byte progIf)
    {
        if (subclass == 0x03)
        {
            switch (progIf)
            {
                case 0x00: return "USB controller (UHCI)";
                case 0x10: return "USB controller (OHCI)";
                case 0x20: return "USB controller (EHCI)";
                case 0x30: return "USB controller (xHCI)";
                default: return "USB controller";
            }
        }
        return subclass == 0x05 ? "SMBus" : "Serial bus controller";
    }
}
