namespace CosmosHybrid.Drivers.Pci;

/// <summary>
/// One PCI function as found by <see cref="PciBus.Enumerate"/>: its identity, class,
/// decoded BARs and legacy interrupt line, as read once at boot.
/// </summary>
internal sealed class PciDevice
{
    private readonly PciBar[] _bars;

    public PciDevice(PciAddress address, ushort vendorId, ushort deviceId, byte classCode, byte subclass, byte progIf,
        byte revision, byte headerType, byte interruptLine, byte interruptPin, PciBar[] bars)
    {
        Address = address;
        VendorId = vendorId;
        DeviceId = deviceId;
        ClassCode = classCode;
        Subclass = subclass;
        ProgIf = progIf;
        Revision = revision;
        HeaderType = headerType;
        InterruptLine = interruptLine;
        InterruptPin = interruptPin;
        _bars = bars;
    }

    public PciAddress Address { get; }

    public ushort VendorId { get; }

    public ushort DeviceId { get; }

    public byte ClassCode { get; }

    public byte Subclass { get; }

    /// <summary>Programming interface: the register-level protocol within the subclass (e.g. 01h = AHCI).</summary>
    public byte ProgIf { get; }

    public byte Revision { get; }

    /// <summary>Header layout (0 device, 1 PCI-to-PCI bridge, 2 CardBus), without the multifunction bit.</summary>
    public byte HeaderType { get; }

    /// <summary>8259 IRQ the firmware routed INTx to (0xFF or 0 when unrouted); meaningless when <see cref="InterruptPin"/> is 0.</summary>
    public byte InterruptLine { get; }

    /// <summary>0 when the function raises no legacy interrupt; 1–4 for INTA#–INTD#.</summary>
    public byte InterruptPin { get; }

    public int BarCount => _bars.Length;

    /// <summary>BAR <paramref name="index"/> (0–5); the slot after a 64-bit BAR reads as <see cref="PciBarKind.None"/>.</summary>
    public PciBar GetBar(int index) => index >= 0 && index < _bars.Length ? _bars[index] : default;

    /// <summary>A legacy interrupt line the 8259 can deliver, or -1.</summary>
    public int LegacyIrq => InterruptPin != 0 && InterruptLine < 16 && InterruptLine != 0 ? InterruptLine : -1;

    public bool Is(byte classCode, byte subclass) => ClassCode == classCode && Subclass == subclass;

    public bool Is(byte classCode, byte subclass, byte progIf) => ClassCode == classCode && Subclass == subclass && ProgIf == progIf;

    /// <summary>Lets the function decode its memory BARs and master the bus (DMA), and allows INTx.</summary>
    public void EnableMemoryAndBusMastering()
    {
        ushort command = PciConfigSpace.Read16(Address, PciRegisters.Command);
        command |= PciRegisters.CommandMemorySpace | PciRegisters.CommandBusMaster;
        command &= unchecked((ushort)~PciRegisters.CommandInterruptDisable);
        PciConfigSpace.Write16(Address, PciRegisters.Command, command);
    }

    /// <summary>Lets the function decode its memory BARs.</summary>
    public void EnableMemorySpace()
    {
        ushort command = PciConfigSpace.Read16(Address, PciRegisters.Command);
        PciConfigSpace.Write16(Address, PciRegisters.Command, (ushort)(command | PciRegisters.CommandMemorySpace));
    }

    /// <summary>Lets the function decode its I/O BARs.</summary>
    public void EnableIoSpace()
    {
        ushort command = PciConfigSpace.Read16(Address, PciRegisters.Command);
        PciConfigSpace.Write16(Address, PciRegisters.Command, (ushort)(command | PciRegisters.CommandIoSpace));
    }

    /// <summary>Turns bus mastering (DMA) on, with memory decoding, or off.</summary>
    public void SetBusMastering(bool enabled)
    {
        ushort command = PciConfigSpace.Read16(Address, PciRegisters.Command);
        command = enabled
            ? (ushort)(command | PciRegisters.CommandMemorySpace | PciRegisters.CommandBusMaster)
            : (ushort)(command & ~PciRegisters.CommandBusMaster);
        PciConfigSpace.Write16(Address, PciRegisters.Command, command);
    }

    /// <summary>Masks (or unmasks) the function's legacy interrupt at the function itself (command bit 10).</summary>
    public void SetInterruptDisabled(bool disabled)
    {
        ushort command = PciConfigSpace.Read16(Address, PciRegisters.Command);
        command = disabled
            ? (ushort)(command | PciRegisters.CommandInterruptDisable)
            : (ushort)(command & ~PciRegisters.CommandInterruptDisable);
        PciConfigSpace.Write16(Address, PciRegisters.Command, command);
    }

    /// <summary>The status register's interrupt bit: the function asserts INTx (whether or not it is masked).</summary>
    public bool IsInterruptAsserted => (PciConfigSpace.Read16(Address, PciRegisters.Status) & PciRegisters.StatusInterrupt) != 0;

    /// <summary>Reads 1, 2 or 4 bytes of the function's configuration space at a naturally aligned offset below 256.</summary>
    public uint ReadConfig(int offset, int size)
    {
        uint dword = PciConfigSpace.Read32(Address, offset & ~3);
        int shift = (offset & 3) * 8;
        return size == 4 ? dword : (dword >> shift) & (size == 2 ? 0xFFFFu : 0xFFu);
    }

    /// <summary>
    /// Writes 1, 2 or 4 bytes at a naturally aligned offset below 256. The rest of the dword is
    /// written back as read, except the status register's write-one-to-clear bits, which are
    /// written as zeros unless the write is aimed at the status register itself.
    /// </summary>
    public void WriteConfig(int offset, int size, uint value)
    {
        int aligned = offset & ~3;
        uint dword = size == 4 ? 0 : PciConfigSpace.Read32(Address, aligned);
        if (aligned == PciRegisters.Command && offset < PciRegisters.Status)
            dword &= 0x0000_FFFF;
        int shift = (offset & 3) * 8;
        uint mask = size == 4 ? 0xFFFF_FFFFu : (size == 2 ? 0xFFFFu : 0xFFu) << shift;
        dword = (dword & ~mask) | ((value << shift) & mask);
        PciConfigSpace.Write32(Address, aligned, dword);
    }
}
