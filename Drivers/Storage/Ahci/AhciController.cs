using CosmosHybrid.Drivers.Mmio;
using CosmosHybrid.Drivers.Pci;
using CosmosHybrid.Memory;

namespace CosmosHybrid.Drivers.Storage.Ahci;

/// <summary>
/// One AHCI host bus adapter (PCI class 01h/06h/01h). <see cref="Initialize"/> follows
/// AHCI 1.3.1 §10.1.2: map ABAR (BAR5), enable bus mastering, take the HBA from the
/// BIOS (§10.6 handoff), reset it, switch it to AHCI mode, prepare every implemented
/// port and enable interrupts. Its ports' disks come out of <see cref="Initialize"/>.
/// </summary>
internal sealed unsafe class AhciController
{
    private const int AbarIndex = 5;
    private const int MaxPorts = 32;
    private const ulong ResetTimeoutMilliseconds = 1000;
    private const ulong HandoffTimeoutMilliseconds = 25;      // §10.6.3: BIOS clears BOS within 25 ms...
    private const ulong BiosBusyTimeoutMilliseconds = 2000;   // ...and finishes outstanding commands within 2 s
    private const ulong LinkTimeoutMilliseconds = 100;

    private readonly AhciPort[] _ports = new AhciPort[MaxPorts];
    private ulong _abar;
    private uint _capabilities;

    public AhciController(PciDevice pci)
    {
        Pci = pci;
        Irq = -1;
    }

    public PciDevice Pci { get; }

    /// <summary>The 8259 IRQ the controller's INTx is routed to, or -1 when unknown (then commands are polled).</summary>
    public int Irq { get; private set; }

    /// <summary>Why <see cref="Initialize"/> failed, for the log; null on success.</summary>
    public string Problem { get; private set; }

    public uint Version { get; private set; }

    public int PortCount { get; private set; }

    public int CommandSlots => (int)((_capabilities >> AhciRegisters.CapCommandSlotsShift) & AhciRegisters.CapCommandSlotsMask) + 1;

    public bool SupportsCommandListOverride => (_capabilities & AhciRegisters.CapCommandListOverride) != 0;

    public bool Supports64BitAddresses => (_capabilities & AhciRegisters.Cap64BitAddressing) != 0;

    public bool SupportsNativeCommandQueuing => (_capabilities & AhciRegisters.CapNativeCommandQueuing) != 0;

    public AhciPort GetPort(int number) => _ports[number];

    /// <summary>Brings the HBA up; false (with <see cref="Problem"/>) when it cannot be used.</summary>
    public bool Initialize(int usableIrq)
    {
        PciBar abar = Pci.GetBar(AbarIndex);
        if (!abar.IsMemory || abar.Address == 0)
            return Fails("BAR5 (ABAR) is not a memory BAR");
        if (abar.Address + 0x1100 > AddressSpaceLayout.DirectMapSize)
            return Fails("ABAR lies above 4 GiB, outside the direct map");
        _abar = (ulong)AddressSpaceLayout.PhysicalToVirtual(abar.Address);
        Pci.EnableMemoryAndBusMastering();

        TakeOwnership();
        Write(AhciRegisters.GlobalHostControl, Read(AhciRegisters.GlobalHostControl) | AhciRegisters.GhcAhciEnable);
        if (!Reset())
            return Fails("HBA reset did not complete");
        Write(AhciRegisters.GlobalHostControl, Read(AhciRegisters.GlobalHostControl) | AhciRegisters.GhcAhciEnable);

        _capabilities = Read(AhciRegisters.Capabilities);
        Version = Read(AhciRegisters.Version);
        uint implemented = Read(AhciRegisters.PortsImplemented);
        bool staggered = (_capabilities & AhciRegisters.CapStaggeredSpinUp) != 0;
        for (int number = 0; number < MaxPorts; number++)
        {
            if ((implemented & (1u << number)) == 0)
                continue;
            var port = new AhciPort(this, number, _abar + AhciRegisters.FirstPort + (ulong)number * AhciRegisters.PortStride);
            if (port.Prepare(staggered))
            {
                _ports[number] = port;
                PortCount++;
            }
        }
        WaitForLinks();

        Irq = usableIrq;
        Write(AhciRegisters.InterruptStatus, 0xFFFF_FFFF);
        Write(AhciRegisters.GlobalHostControl, Read(AhciRegisters.GlobalHostControl) | AhciRegisters.GhcInterruptEnable);
        return true;
    }

    /// <summary>Services the controller's pending port interrupts (from the IRQ handler, interrupts off).</summary>
    public void HandleInterrupt()
    {
        if (_abar == 0)
            return;
        uint pending = Read(AhciRegisters.InterruptStatus);
        if (pending == 0)
            return;
        for (int number = 0; number < MaxPorts; number++)
        {
            if ((pending & (1u << number)) != 0 && _ports[number] != null)
                _ports[number].HandleInterrupt();
        }
        // Port bits first, then IS: IS stays set while a port's PxIS still is (§10.7.2).
        Write(AhciRegisters.InterruptStatus, pending);
    }

    // BIOS/OS handoff (§10.6.3): request ownership, wait for the BIOS to let go.
    private void TakeOwnership()
    {
        if ((Read(AhciRegisters.Capabilities2) & AhciRegisters.Cap2BiosHandoff) == 0)
            return;
        Write(AhciRegisters.HandoffControl, Read(AhciRegisters.HandoffControl) | AhciRegisters.BohcOsOwned);
        IoDeadline deadline = IoDeadline.After(HandoffTimeoutMilliseconds);
        while ((Read(AhciRegisters.HandoffControl) & AhciRegisters.BohcBiosOwned) != 0 && !deadline.Expired())
            IoDelay.Milliseconds(1);
        if ((Read(AhciRegisters.HandoffControl) & AhciRegisters.BohcBiosBusy) != 0)
        {
            IoDeadline busy = IoDeadline.After(BiosBusyTimeoutMilliseconds);
            while ((Read(AhciRegisters.HandoffControl) & AhciRegisters.BohcBiosBusy) != 0 && !busy.Expired())
                IoDelay.Milliseconds(1);
        }
    }

    // GHC.HR resets the HBA and its ports (each port then sends a COMRESET); it clears itself when done.
    private bool Reset()
    {
        Write(AhciRegisters.GlobalHostControl, Read(AhciRegisters.GlobalHostControl) | AhciRegisters.GhcReset);
        IoDeadline deadline = IoDeadline.After(ResetTimeoutMilliseconds);
        while ((Read(AhciRegisters.GlobalHostControl) & AhciRegisters.GhcReset) != 0)
        {
            if (deadline.Expired())
                return false;
            IoDelay.Milliseconds(1);
        }
        return true;
    }

    // After the reset the links renegotiate; give present devices a moment to come up (DET = 3).
    private void WaitForLinks()
    {
        IoDeadline deadline = IoDeadline.After(LinkTimeoutMilliseconds);
        while (!deadline.Expired())
        {
            bool pending = false;
            for (int number = 0; number < MaxPorts; number++)
            {
                AhciPort port = _ports[number];
                if (port != null && !port.HasDevice && port.DeviceDetection != 0)
                    pending = true;     // presence seen, link not yet established
            }
            if (!pending)
                return;
            IoDelay.Milliseconds(1);
        }
    }

    private bool Fails(string problem)
    {
        Problem = problem;
        return false;
    }

    private uint Read(ulong register) => MmioRegister.Read32(_abar + register);

    private void Write(ulong register, uint value) => MmioRegister.Write32(_abar + register, value);
}
