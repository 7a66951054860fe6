using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Drivers.Pci;

namespace CosmosHybrid.Drivers.Storage.Ahci;

/// <summary>
/// Every AHCI HBA in the machine. Each is brought up, its ports with ATA disks are
/// opened, and its legacy INTx line is hooked to one shared handler that services all
/// controllers (two HBAs may share a line; servicing one with nothing pending is a no-op).
/// </summary>
internal static unsafe class AhciControllers
{
    private const byte ClassMassStorage = 0x01;
    private const byte SubclassSata = 0x06;
    private const byte ProgIfAhci = 0x01;
    private const int MaxControllers = 8;

    private static readonly AhciController[] s_controllers = new AhciController[MaxControllers];
    private static int s_count;
    private static uint s_hookedIrqs;

    public static int Count => s_count;

    public static AhciController Get(int index) => s_controllers[index];

    /// <summary>Initializes every AHCI controller and calls <paramref name="found"/> for each disk.</summary>
    public static void Probe(delegate*<AhciDisk, void> found)
    {
        for (int index = 0; s_count < MaxControllers; index++)
        {
            PciDevice pci = PciBus.FindByClass(ClassMassStorage, SubclassSata, ProgIfAhci, index);
            if (pci == null)
                break;
            var controller = new AhciController(pci);
            int irq = ControllerIrq.Usable(pci.LegacyIrq, ownHandler: IsHooked(pci.LegacyIrq));
            if (!controller.Initialize(irq))
            {
                KernelLog.WriteLine("ahci " + pci.Address.ToString() + ": not used: " + controller.Problem);
                continue;
            }
            s_controllers[s_count++] = controller;
            if (irq >= 0 && (s_hookedIrqs & (1u << irq)) == 0)
            {
                s_hookedIrqs |= 1u << irq;
                InterruptDispatcher.RegisterIrqHandler(irq, &OnInterrupt);
            }
            OpenPorts(controller, found);
        }
    }

    private static void OpenPorts(AhciController controller, delegate*<AhciDisk, void> found)
    {
        for (int number = 0; number < 32; number++)
        {
            AhciPort port = controller.GetPort(number);
            if (port == null || !port.HasDevice)
                continue;
            if (!port.WaitForDeviceReady())
            {
                KernelLog.WriteLine("ahci " + controller.Pci.Address.ToString() + " port " + number.ToString() + ": device stays busy");
                continue;
            }
            if (port.Signature != AhciPortRegisters.SignatureAta)
                continue;     // ATAPI drives, bridges and port multipliers are not driven
            AhciDisk disk = AhciDisk.Open(port);
            if (disk != null)
                found(disk);
            else
                KernelLog.WriteLine("ahci " + controller.Pci.Address.ToString() + " port " + number.ToString() + ": IDENTIFY failed");
        }
    }

    private static bool IsHooked(int irq) => irq >= 0 && (s_hookedIrqs & (1u << irq)) != 0;

    private static void OnInterrupt()
    {
        for (int i = 0; i < s_count; i++)
            s_controllers[i].HandleInterrupt();
    }
}
