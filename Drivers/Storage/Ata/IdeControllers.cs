using CosmosHybrid.Arch.X64;
using CosmosHybrid.Drivers.Pci;

namespace CosmosHybrid.Drivers.Storage.Ata;

/// <summary>
/// Finds the IDE channels and the ATA disks on them. Channels come from PCI IDE
/// controllers (class 01h/01h): in compatibility mode at the legacy ports
/// 0x1F0/0x3F6 and 0x170/0x376 (IRQ 14 and 15), in native mode at the controller's BARs
/// and its INTx line (prog-if bit 0 for the primary channel, bit 2 for the secondary). A
/// controller with a bus master (an I/O BAR4) gives each channel a DMA engine; its
/// interrupts come to one handler for every channel. With no PCI IDE controller at all
/// the legacy ports are still tried, by PIO; a floating bus reads 0xFF and is skipped.
/// </summary>
internal static class IdeControllers
{
    public const ushort PrimaryCommandBase = 0x1F0;
    public const ushort PrimaryControl = 0x3F6;
    public const ushort SecondaryCommandBase = 0x170;
    public const ushort SecondaryControl = 0x376;

    private const int PrimaryLegacyIrq = 14;
    private const int SecondaryLegacyIrq = 15;

    private const byte ClassMassStorage = 0x01;
    private const byte SubclassIde = 0x01;
    private const byte ProgIfPrimaryNative = 0x01;
    private const byte ProgIfSecondaryNative = 0x04;
    private const int BusMasterBar = 4;
    private const int MaxDmaChannels = 8;

    /// <summary>In a native-mode control BAR, the device control / alternate status port is at offset 2.</summary>
    private const ushort NativeControlOffset = 2;

    private static readonly AtaChannel[] s_dmaChannels = new AtaChannel[MaxDmaChannels];
    private static int s_dmaChannelCount;
    private static uint s_hookedIrqs;

    /// <summary>
    /// Probes every channel and calls <paramref name="found"/> for each ATA disk. With
    /// <paramref name="useDma"/> false (boot option <c>ata=pio</c>) bus masters are ignored.
    /// </summary>
    public static unsafe void Probe(delegate*<AtaDrive, void> found, bool useDma)
    {
        bool legacyPrimaryDone = false;
        bool legacySecondaryDone = false;
        for (int index = 0; ; index++)
        {
            PciDevice controller = PciBus.FindByClass(ClassMassStorage, SubclassIde, -1, index);
            if (controller == null)
                break;
            controller.EnableIoSpace();
            PciBar busMaster = useDma ? controller.GetBar(BusMasterBar) : default;
            if (busMaster.Kind == PciBarKind.Io && busMaster.Address != 0)
                controller.EnableMemoryAndBusMastering();
            else
                busMaster = default;
            var primary = new ChannelPlace(0, ProgIfPrimaryNative, PrimaryCommandBase, PrimaryControl, PrimaryLegacyIrq, "primary", 0);
            var secondary = new ChannelPlace(2, ProgIfSecondaryNative, SecondaryCommandBase, SecondaryControl, SecondaryLegacyIrq, "secondary",
                BusMasterRegisters.SecondaryOffset);
            ProbeChannel(controller, primary, busMaster, ref legacyPrimaryDone, found);
            ProbeChannel(controller, secondary, busMaster, ref legacySecondaryDone, found);
        }
        if (!legacyPrimaryDone)
            ProbeChannel(new AtaChannel("primary", PrimaryCommandBase, PrimaryControl), found);
        if (!legacySecondaryDone)
            ProbeChannel(new AtaChannel("secondary", SecondaryCommandBase, SecondaryControl), found);
    }

    // Where one of a controller's two channels lives in each mode.
    private readonly struct ChannelPlace
    {
        public ChannelPlace(int firstBar, byte nativeBit, ushort legacyBase, ushort legacyControl, int legacyIrq, string name, ushort busMasterOffset)
        {
            FirstBar = firstBar;
            NativeBit = nativeBit;
            LegacyBase = legacyBase;
            LegacyControl = legacyControl;
            LegacyIrq = legacyIrq;
            Name = name;
            BusMasterOffset = busMasterOffset;
        }

        public int FirstBar { get; }

        public byte NativeBit { get; }

        public ushort LegacyBase { get; }

        public ushort LegacyControl { get; }

        public int LegacyIrq { get; }

        public string Name { get; }

        public ushort BusMasterOffset { get; }
    }

    private static unsafe void ProbeChannel(PciDevice controller, in ChannelPlace place, PciBar busMaster, ref bool legacyDone,
        delegate*<AtaDrive, void> found)
    {
        AtaChannel channel;
        int irq;
        if ((controller.ProgIf & place.NativeBit) == 0)
        {
            if (legacyDone)
                return;
            legacyDone = true;
            channel = new AtaChannel(place.Name, place.LegacyBase, place.LegacyControl);
            irq = place.LegacyIrq;
        }
        else
        {
            PciBar command = controller.GetBar(place.FirstBar);
            PciBar control = controller.GetBar(place.FirstBar + 1);
            if (command.Kind != PciBarKind.Io || control.Kind != PciBarKind.Io)
                return;
            string name = "native " + controller.Address.ToString() + " " + place.Name;
            channel = new AtaChannel(name, (ushort)command.Address, (ushort)(control.Address + NativeControlOffset));
            irq = controller.LegacyIrq;
        }
        if (busMaster.Kind == PciBarKind.Io && !channel.IsFloating)
            AttachBusMaster(channel, (ushort)(busMaster.Address + place.BusMasterOffset), irq);
        ProbeChannel(channel, found);
    }

    // Gives the channel its DMA engine and routes its interrupt here; without memory it stays PIO-only.
    private static unsafe void AttachBusMaster(AtaChannel channel, ushort ioBase, int irq)
    {
        if (s_dmaChannelCount == MaxDmaChannels)
            return;
        irq = ControllerIrq.Usable(irq, ownHandler: irq >= 0 && (s_hookedIrqs & (1u << irq)) != 0);
        AtaBusMaster engine = AtaBusMaster.Create(ioBase, irq);
        if (engine == null)
            return;
        channel.AttachBusMaster(engine);
        s_dmaChannels[s_dmaChannelCount++] = channel;
        if (irq >= 0 && (s_hookedIrqs & (1u << irq)) == 0)
        {
            s_hookedIrqs |= 1u << irq;
            InterruptDispatcher.RegisterIrqHandler(irq, &OnInterrupt);
        }
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

    // Every channel with a bus master checks whether the interrupt was its own (two native channels may share a line).
    private static void OnInterrupt()
    {
        for (int i = 0; i < s_dmaChannelCount; i++)
            s_dmaChannels[i].HandleInterrupt();
    }
}
