using CosmosHybrid.Console.Log;

namespace CosmosHybrid.Drivers.Pci;

/// <summary>
/// The lspci-style listing of <see cref="PciBus"/>: one line per function,
/// <c>bus:dev.fn class.subclass.prog-if vendor:device description</c>, with the vendor's name
/// and the interrupt line when known, and with <c>verbose</c> one line per BAR.
/// </summary>
internal static class PciListing
{
    public static void Print(bool verbose)
    {
        for (int i = 0; i < PciBus.Count; i++)
        {
            PciDevice device = PciBus.Get(i);
            KernelLog.WriteLine(FormatLine(device));
            if (!verbose)
                continue;
            for (int bar = 0; bar < device.BarCount; bar++)
            {
                PciBar decoded = device.GetBar(bar);
                if (decoded.Kind != PciBarKind.None)
                    KernelLog.WriteLine("        BAR" + bar.ToString() + ": " + decoded.ToString());
            }
        }
        KernelLog.WriteLine(PciBus.Count.ToString() + " PCI functions");
    }

    /// <summary>"00:1f.2 0106.01 8086:2922 SATA controller (AHCI), Intel, irq 10".</summary>
    public static string FormatLine(PciDevice device)
    {
        string line = device.Address.ToString() + " "
            + ((uint)device.ClassCode).ToString("x2") + ((uint)device.Subclass).ToString("x2") + "." + ((uint)device.ProgIf).ToString("x2") + " "
            + ((uint)device.VendorId).ToString("x4") + ":" + ((uint)device.DeviceId).ToString("x4") + " "
            + PciClassNames.Describe(device.ClassCode, device.Subclass, device.ProgIf);
        string vendor = PciClassNames.Vendor(device.VendorId);
        if (vendor != null)
            line = line + ", " + vendor;
        if (device.LegacyIrq >= 0)
            line = line + ", irq " + device.LegacyIrq.ToString();
        return line;
    }
}
