using CosmosHybrid.Drivers.Pci;

namespace CosmosHybrid.Drivers.Storage.Ata;

/// <summary>
/// Finds the IDE channels and the ATA disks on them. Channels come from PCI IDE
/// controllers (class 01h/01h): in compatibility mode at the legacy ports
/// 0x1F0/0x3F6 and 0x170/0x376, in native mode at the controller's BARs (prog-if bit
/// 0 for the primary channel, bit 2 for the secondary). With no PCI IDE controller
/// at all the legacy ports are still tried; a floating bus reads 0xFF and is skipped.
/// </summary>
internal static class IdeControllers
{
    public const ushort PrimaryCommandBase = 0x1F0;
    public const ushort PrimaryControl = 0x3F6;
    public const ushort SecondaryCommandBase = 0x170;
    public const ushort SecondaryControl = 0x376;

    private const byte ClassMassStorage = 0x01;
    private const byte SubclassIde = 0x01;
    private const byte ProgIfPrimaryNative = 0x01;
    private const byte ProgIfSecondaryNative = 0x04;

    /// <summary>In a native-mode control BAR, the device control / alternate status port is at offset 2.</summary>
    private const ushort NativeControlOffset = 2;

    /// <summary>Probes every channel and calls <paramref name="found"/> for each ATA disk.</summary>
    public static unsafe void Probe(delegate*<AtaDrive, void> found)
    {
        bool legacyPrimaryDone = false;
        bool legacySecondaryDone = false;
        for (int index = 0; ; index++)
        {
            PciDevice controller = PciBus.FindByClass(ClassMassStorage, SubclassIde, -1, index);
            if (controller == null)
                break;
            controller.EnableIoSpace();
            ProbeChannel(controller, 0, ProgIfPrimaryNative, PrimaryCommandBase, PrimaryControl, "primary", ref legacyPrimaryDone, found);
            ProbeChannel(controller, 2, ProgIfSecondaryNative, SecondaryCommandBase, SecondaryControl, "secondary", ref legacySecondaryDone, found);
        }
        if (!legacyPrimaryDone)
            ProbeChannel(new AtaChannel("primary", PrimaryCommandBase, PrimaryControl), found);
        if (!legacySecondaryDone)
            ProbeChannel(new AtaChannel("secondary", SecondaryCommandBase, SecondaryControl), found);
    }

    private static unsafe void ProbeChannel(PciDevice controller, int firstBar, byte nativeBit, ushort legacyBase, ushort legacyControl,
        string legacyName, ref bool legacyDone, delegate*<AtaDrive, void> found)
    {
        if ((controller.ProgIf & nativeBit) == 0)
        {
            if (legacyDone)
                return;
            legacyDone = true;
            ProbeChannel(new AtaChannel(legacyName, legacyBase, legacyControl), found);
            return;
        }
        PciBar command = controller.GetBar(firstBar);
        PciBar control = controller.GetBar(firstBar + 1);
        if (command.Kind != PciBarKind.Io || control.Kind != PciBarKind.Io)
            return;
        string name = "native " + controller.Address.ToString() + (firstBar == 0 ? " primary" : " secondary");
        ProbeChannel(new AtaChannel(name, (ushort)command.Address, (ushort)(control.Address + NativeControlOffset)), found);
    }

    private static unsafe void ProbeChannel(AtaChannel channel, delegate*<AtaDrive, void> found)
    {
        if (channel.IsFloating)
            return;
        channel.Lock.Acquire();
        channel.Reset();
        channel.Lock.Release();
        for (int drive = 0; drive < 2; drive++)
        {
            AtaDrive disk = AtaDrive.Probe(channel, drive);
            if (disk != null)
                found(disk);
        }
    }
}
