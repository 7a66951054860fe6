namespace CosmosHybrid.Devices;

/// <summary>
/// The ring-3 handlers of one interrupt line, which kernel drivers may share too (legacy
/// INTx lines are shared: on q35 a NIC and the AHCI controller can sit on one). When the
/// line fires, each handler whose device asserts becomes pending and is notified; it stays
/// pending until it acknowledges. A PCI device is quieted at the device (its INTx disable
/// bit) so the line stays open for the others; a device that cannot be (the i8042) is
/// quieted by masking the whole line, which opens again once every such handler has
/// acknowledged. A driver that never acknowledges thus silences only its own device,
/// unless it is a legacy device, whose line it has to itself anyway.
/// Pure bookkeeping: the kernel does the masking this class asks for.
/// </summary>
public sealed class SharedIrqLine
{
    public const int MaxHandlers = 8;

    private uint _bound;
    private uint _pending;
    private uint _masksAtDevice;

    public bool HasHandlers => _bound != 0;

    /// <summary>Handlers that owe an acknowledgement.</summary>
    public uint Pending => _pending;

    /// <summary>True while a handler that cannot be quieted at its device owes an acknowledgement.</summary>
    public bool MustMaskLine => (_pending & ~_masksAtDevice) != 0;

    /// <summary>Adds a handler; returns its slot, or -1 when the line has <see cref="MaxHandlers"/>.</summary>
    public int Add(bool masksAtDevice)
    {
        for (int slot = 0; slot < MaxHandlers; slot++)
        {
            uint bit = 1u << slot;
            if ((_bound & bit) != 0)
                continue;
            _bound |= bit;
            _pending &= ~bit;
            if (masksAtDevice)
                _masksAtDevice |= bit;
            else
                _masksAtDevice &= ~bit;
            return slot;
        }
        return -1;
    }

    /// <summary>Removes a handler (its driver let the device go or died); what it owed is forgiven.</summary>
    public void Remove(int slot)
    {
        uint bit = SlotBit(slot);
        _bound &= ~bit;
        _pending &= ~bit;
        _masksAtDevice &= ~bit;
    }

    public bool IsBound(int slot) => (_bound & SlotBit(slot)) != 0;

    public bool IsPending(int slot) => (_pending & SlotBit(slot)) != 0;

    public bool MasksAtDevice(int slot) => (_masksAtDevice & SlotBit(slot)) != 0;

    /// <summary>
    /// The line fired and the handlers in <paramref name="asserting"/> have a device that
    /// asserts: returns the handlers to notify (those not already pending, which become pending).
    /// </summary>
    public uint Raise(uint asserting)
    {
        uint fresh = asserting & _bound & ~_pending;
        _pending |= fresh;
        return fresh;
    }

    /// <summary>
    /// The handler in <paramref name="slot"/> handled its device; false when there is no such
    /// handler. Afterwards <see cref="MustMaskLine"/> says whether the line may open again.
    /// </summary>
    public bool Acknowledge(int slot)
    {
        uint bit = SlotBit(slot);
        if ((_bound & bit) == 0)
            return false;
        _pending &= ~bit;
        return true;
    }

    private static uint SlotBit(int slot) => slot >= 0 && slot < MaxHandlers ? 1u << slot : 0;
}
