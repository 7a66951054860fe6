namespace CosmosHybrid.Drivers.Pci;

/// <summary>
/// The PCI functions in the machine, found once at boot by trying every bus, device
/// and function through configuration space. Drivers look their controller up here
/// by class code.
/// </summary>
internal static class PciBus
{
    private const int BusCount = 256;
    private const int DevicesPerBus = 32;
    private const int FunctionsPerDevice = 8;

    private static PciDevice[] s_devices = new PciDevice[0];
    private static int s_count;

    public static int Count => s_count;

    public static PciDevice Get(int index) => s_devices[index];

    /// <summary>
    /// Scans all 256 buses. A brute-force scan needs no bridge programming knowledge and
    /// finds functions behind bridges the firmware configured; it costs ~8k
    /// configuration reads, a few milliseconds.
    /// </summary>
    public static void Enumerate()
    {
        s_devices = new PciDevice[16];
        s_count = 0;
        for (int bus = 0; bus < BusCount; bus++)
        {
            for (int device = 0; device < DevicesPerBus; device++)
            {
                var first = new PciAddress(bus, device, 0);
                if (PciConfigSpace.Read16(first, PciRegisters.VendorId) == PciRegisters.NoVendor)
                    continue;
                bool multiFunction = (PciConfigSpace.Read8(first, PciRegisters.HeaderType) & PciRegisters.MultiFunction) != 0;
                int functions = multiFunction ? FunctionsPerDevice : 1;
                for (int function = 0; function < functions; function++)
                {
                    var address = new PciAddress(bus, device, function);
                    if (PciConfigSpace.Read16(address, PciRegisters.VendorId) != PciRegisters.NoVendor)
                        Add(Read(address));
                }
            }
        }
    }

    /// <summary>
    /// The <paramref name="index"/>-th function (0-based, in bus order) with this class and subclass,
    /// and prog-if unless <paramref name="progIf"/> is negative; null when there are fewer.
    /// </summary>
    public static PciDevice FindByClass(byte classCode, byte subclass, int progIf = -1, int index = 0)
    {
        for (int i = 0; i < s_count; i++)
        {
            PciDevice device = s_devices[i];
            if (device.Is(classCode, subclass) && (progIf < 0 || device.ProgIf == progIf) && index-- == 0)
                return device;
        }
        return null;
    }

    private static PciDevice Read(PciAddress address)
    {
        byte headerType = (byte)(PciConfigSpace.Read8(address, PciRegisters.HeaderType) & PciRegisters.HeaderLayoutMask);
        int barCount = headerType == PciRegisters.GeneralHeader ? PciRegisters.GeneralBarCount
            : headerType == PciRegisters.BridgeHeader ? PciRegisters.BridgeBarCount
            : 0;
        return new PciDevice(
            address,
            PciConfigSpace.Read16(address, PciRegisters.VendorId),
            PciConfigSpace.Read16(address, PciRegisters.DeviceId),
            PciConfigSpace.Read8(address, PciRegisters.ClassCode),
            PciConfigSpace.Read8(address, PciRegisters.Subclass),
            PciConfigSpace.Read8(address, PciRegisters.ProgIf),
            PciConfigSpace.Read8(address, PciRegisters.Revision),
            headerType,
            PciConfigSpace.Read8(address, PciRegisters.InterruptLine),
            PciConfigSpace.Read8(address, PciRegisters.InterruptPin),
            ReadBars(address, barCount));
    }

    // Sizing a BAR means writing all ones to it, so decoding is switched off meanwhile:
    // the device must not answer at the bogus address the probe value forms.
    private static PciBar[] ReadBars(PciAddress address, int count)
    {
        var bars = new PciBar[count];
        if (count == 0)
            return bars;
        ushort command = PciConfigSpace.Read16(address, PciRegisters.Command);
        PciConfigSpace.Write16(address, PciRegisters.Command,
            (ushort)(command & ~(PciRegisters.CommandIoSpace | PciRegisters.CommandMemorySpace)));
        for (int i = 0; i < count; i++)
        {
            int offset = PciRegisters.Bar0 + i * 4;
            uint low = PciConfigSpace.Read32(address, offset);
            uint lowProbe = Probe(address, offset, low);
            if (PciBar.Is64BitMemory(low) && i + 1 < count)
            {
                uint high = PciConfigSpace.Read32(address, offset + 4);
                uint highProbe = Probe(address, offset + 4, high);
                bars[i] = PciBar.Decode(low, high, lowProbe, highProbe);
                i++;                     // the upper half stays PciBarKind.None
            }
            else
            {
                bars[i] = PciBar.Decode(low, 0, lowProbe, 0);
            }
        }
        PciConfigSpace.Write16(address, PciRegisters.Command, command);
        return bars;
    }

    private static uint Probe(PciAddress address, int offset, uint original)
    {
        PciConfigSpace.Write32(address, offset, 0xFFFF_FFFF);
        uint probe = PciConfigSpace.Read32(address, offset);
        PciConfigSpace.Write32(address, offset, original);
        return probe;
    }

    private static void Add(PciDevice device)
    {
        if (s_count == s_devices.Length)
        {
            var larger = new PciDevice[s_devices.Length * 2];
            for (int i = 0; i < s_count; i++)
                larger[i] = s_devices[i];
            s_devices = larger;
        }
        s_devices[s_count++] = device;
    }
}
