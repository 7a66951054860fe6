using CosmosHybrid.Drivers.Pci;

namespace CosmosHybrid.Devices;

/// <summary>Short names for the device listing and for manifests: "e1000", "ahci", "vga"...</summary>
internal static class DeviceNames
{
    public static string Of(PciDevice pci)
    {
        if (pci.VendorId == 0x8086)
        {
            switch (pci.DeviceId)
            {
                case 0x100E:
                case 0x100F:
                    return "e1000";
                case 0x10D3:
                    return "e1000e";
            }
        }
        if (pci.VendorId == 0x1AF4)
            return "virtio";
        switch (pci.ClassCode)
        {
            case 0x01:
                return pci.Subclass == 0x06 ? "ahci" : pci.Subclass == 0x01 ? "ide" : pci.Subclass == 0x08 ? "nvme" : "storage";
            case 0x02:
                return "nic";
            case 0x03:
                return "vga";
            case 0x04:
                return "audio";
            case 0x06:
                return pci.Subclass == 0x00 ? "host-bridge" : pci.Subclass == 0x01 ? "isa-bridge" : "bridge";
            case 0x0C:
                return pci.Subclass == 0x03 ? "usb" : pci.Subclass == 0x05 ? "smbus" : "serial-bus";
            default:
                return "pci";
        }
    }
}
