using System;
using System.Text;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// `devices`: every device the kernel knows, one line each: index, name, PCI location and
/// ids, interrupt lines, owner (a process, "kernel" for the kernel's own drivers, or none),
/// then each region (BAR) with how it is mapped in the owner (UC uncached, WC
/// write-combining) and what else the owner uses (ports, bus mastering, IRQ, DMA memory).
/// </summary>
internal static unsafe class DeviceCommands
{
    public static int List()
    {
        DeviceInfo[] devices = DeviceCalls.List();
        Console.WriteLine("idx name          where    id         irq    owner    regions and use");
        for (int i = 0; i < devices.Length; i++)
            Console.WriteLine(Describe(devices[i]));
        Console.WriteLine(devices.Length.ToString() + " devices");
        return CommandStatus.Success;
    }

    private static string Describe(DeviceInfo device)
    {
        var line = new StringBuilder();
        line.Append(Pad(device.Index.ToString(), 3, right: true)).Append(' ');
        line.Append(Pad(DeviceCalls.NameOf(device), 13)).Append(' ');
        if (device.Kind == DeviceKind.Pci)
        {
            line.Append(Pad(Hex(device.Bus, 2) + ":" + Hex(device.Slot, 2) + "." + Hex(device.Function, 1), 8)).Append(' ');
            line.Append(Hex(device.VendorId, 4)).Append(':').Append(Hex(device.DeviceId, 4)).Append("  ");
        }
        else
        {
            line.Append("legacy   -          ");
        }
        string irq = device.Irq < 0 ? "-" : device.Irq.ToString();
        if (device.SecondIrq >= 0)
            irq += "," + device.SecondIrq.ToString();
        line.Append(Pad(irq, 6)).Append(' ');
        string owner = device.OwnerProcessId < 0 ? "kernel" : device.OwnerProcessId == 0 ? "none" : "pid " + device.OwnerProcessId.ToString();
        line.Append(Pad(owner, 8));
        for (int r = 0; r < DeviceInfo.RegionCapacity; r++)
        {
            var kind = (DeviceRegionKind)device.RegionKind[r];
            if (kind == DeviceRegionKind.None)
                continue;
            line.Append(' ').Append(kind == DeviceRegionKind.Io ? "io " : "mem ");
            line.Append("0x").Append(device.RegionAddress[r].ToString("x")).Append(' ').Append(Size(device.RegionSize[r], kind));
            var mapping = (DeviceMapping)device.RegionMapping[r];
            if (mapping != DeviceMapping.NotMapped)
                line.Append(mapping == DeviceMapping.WriteCombining ? " WC" : " UC");
            line.Append(',');
        }
        if ((device.Use & DeviceUse.Ports) != 0)
            line.Append(" ports");
        if ((device.Use & DeviceUse.BusMaster) != 0)
            line.Append(" busmaster");
        if ((device.Use & DeviceUse.Irq) != 0)
            line.Append(" irq-bound");
        if (device.DmaBytes != 0)
            line.Append(" dma ").Append((device.DmaBytes / 1024).ToString()).Append('K');
        string text = line.ToString();
        return text.EndsWith(",") ? text.Substring(0, text.Length - 1) : text;
    }

    private static string Size(ulong size, DeviceRegionKind kind)
    {
        if (kind == DeviceRegionKind.Io)
            return size.ToString();
        return size >= 1024 * 1024 ? (size / (1024 * 1024)).ToString() + "M" : size >= 1024 ? (size / 1024).ToString() + "K" : size.ToString();
    }

    private static string Hex(uint value, int digits) => value.ToString("x" + digits.ToString());

    private static string Pad(string text, int width, bool right = false)
    {
        while (text.Length < width)
            text = right ? " " + text : text + " ";
        return text;
    }
}
