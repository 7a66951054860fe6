using CosmosHybrid.Boot.Multiboot2;
using CosmosHybrid.Drivers.Pci;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Devices;

/// <summary>
/// Every device the kernel knows, made once at boot (after PCI enumeration): one per PCI
/// function, the i8042 controller and the boot framebuffer. The index is what DeviceOpen takes.
/// </summary>
internal static unsafe class DeviceRegistry
{
    private const ushort I8042DataPort = 0x60;
    private const ushort I8042CommandPort = 0x64;
    private const int KeyboardIrq = 1;
    private const int MouseIrq = 12;

    private static Device[] s_devices = new Device[0];

    public static int Count => s_devices.Length;

    public static Device Get(long index) => index >= 0 && index < s_devices.Length ? s_devices[index] : null;

    public static void Build(FramebufferInfo framebuffer)
    {
        int count = PciBus.Count + 1 + (framebuffer.IsPresent ? 1 : 0);
        var devices = new Device[count];
        int index = 0;
        for (int i = 0; i < PciBus.Count; i++, index++)
            devices[index] = FromPci(index, PciBus.Get(i));

        var ports = new DeviceRegion[Device.RegionCount];
        ports[0] = new DeviceRegion(DeviceRegionKind.Io, I8042DataPort, 1);
        ports[1] = new DeviceRegion(DeviceRegionKind.Io, I8042CommandPort, 1);
        devices[index] = new Device(index, DeviceKind.I8042, "i8042", null, ports, KeyboardIrq, MouseIrq, kernelDriven: false);
        index++;

        if (framebuffer.IsPresent)
        {
            var memory = new DeviceRegion[Device.RegionCount];
            ulong bytes = (ulong)framebuffer.Pitch * framebuffer.Height;
            memory[0] = new DeviceRegion(DeviceRegionKind.Memory, framebuffer.Address, bytes, writeCombining: true);
            devices[index] = new Device(index, DeviceKind.Framebuffer, "framebuffer", null, memory, -1, -1, kernelDriven: false) { Mode = framebuffer };
        }
        s_devices = devices;
    }

    private static Device FromPci(int index, PciDevice pci)
    {
        var regions = new DeviceRegion[Device.RegionCount];
        for (int bar = 0; bar < pci.BarCount && bar < Device.RegionCount; bar++)
        {
            PciBar decoded = pci.GetBar(bar);
            if (decoded.Kind == PciBarKind.Io)
                regions[bar] = new DeviceRegion(DeviceRegionKind.Io, decoded.Address, decoded.Size);
            else if (decoded.IsMemory)
                regions[bar] = new DeviceRegion(DeviceRegionKind.Memory, decoded.Address, decoded.Size);
        }
        // The storage controllers belong to the kernel's own drivers.
        bool kernelDriven = pci.ClassCode == PciRegisters.ClassMassStorage;
        return new Device(index, DeviceKind.Pci, DeviceNames.Of(pci), pci, regions, pci.LegacyIrq, -1, kernelDriven);
    }

    /// <summary>A process ended: the devices it drove go back to nobody (before its memory is freed).</summary>
    public static void ReleaseProcess(Process process)
    {
        for (int i = 0; i < s_devices.Length; i++)
        {
            if (s_devices[i].Owner == process)
                DeviceAccess.Release(s_devices[i]);
        }
    }

    /// <summary>The record DeviceList reports for <paramref name="device"/>.</summary>
    public static void Describe(Device device, DeviceInfo* info)
    {
        *info = default;
        info->Index = device.Index;
        info->Kind = device.Kind;
        PciDevice pci = device.Pci;
        if (pci != null)
        {
            info->Bus = pci.Address.Bus;
            info->Slot = pci.Address.Device;
            info->Function = pci.Address.Function;
            info->Revision = pci.Revision;
            info->VendorId = pci.VendorId;
            info->DeviceId = pci.DeviceId;
            info->ClassCode = pci.ClassCode;
            info->Subclass = pci.Subclass;
            info->ProgrammingInterface = pci.ProgIf;
        }
        info->Irq = device.Irq;
        info->SecondIrq = device.SecondIrq;
        info->OwnerProcessId = device.KernelDriven ? -1 : device.Owner != null ? device.Owner.Id : 0;
        string name = device.Name;
        for (int i = 0; i < name.Length && i < DeviceInfo.NameCapacity - 1; i++)
            info->Name[i] = (byte)name[i];
        for (int i = 0; i < Device.RegionCount; i++)
        {
            DeviceRegion region = device.GetRegion(i);
            info->RegionKind[i] = (byte)region.Kind;
            info->RegionAddress[i] = region.Address;
            info->RegionSize[i] = region.Size;
            info->RegionMapping[i] = (byte)device.Mapping[i];
        }
        info->Use = (device.PortsEnabled ? DeviceUse.Ports : 0) | (device.BusMasterEnabled ? DeviceUse.BusMaster : 0)
            | (device.BoundIrqs != 0 ? DeviceUse.Irq : 0);
        info->DmaBytes = (long)(device.DmaPages * DeviceMemory.PageSize);
        if (device.Kind == DeviceKind.Framebuffer)
        {
            FramebufferInfo mode = device.Mode;
            info->FramebufferWidth = (int)mode.Width;
            info->FramebufferHeight = (int)mode.Height;
            info->FramebufferPitch = (int)mode.Pitch;
            info->FramebufferBitsPerPixel = mode.BitsPerPixel;
            info->FramebufferType = (int)mode.Kind;
        }
    }
}
