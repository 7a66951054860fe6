using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Devices;

namespace CosmosHybrid.Ipc;

/// <summary>
/// Hardware interrupts delivered to ring-3 drivers as notification bits on a port. A line
/// is bound through a device handle, for a line that device raises; several drivers may
/// bind one line, beside a kernel driver that handles it too (shared INTx). When it fires,
/// each bound device that asserts is quieted (a PCI device at the device, a legacy one by
/// masking the line) and its driver notified; the driver handles the device and
/// acknowledges. <see cref="SharedIrqLine"/> keeps the books. So a driver that is slow or
/// dead cannot flood the kernel, and silences only its own device.
/// </summary>
internal static unsafe class IrqBindings
{
    private const int LineCount = InterruptDispatcher.IrqCount;
    private const int Slots = SharedIrqLine.MaxHandlers;

    private static readonly SharedIrqLine[] s_lines = new SharedIrqLine[LineCount];
    private static readonly Port[] s_ports = new Port[LineCount * Slots];
    private static readonly ulong[] s_bits = new ulong[LineCount * Slots];
    private static readonly Device[] s_devices = new Device[LineCount * Slots];
    private static readonly ulong[] s_entered = new ulong[LineCount];

    /// <summary>Lines the kernel keeps: the timer (0), the PIC cascade (2) and the console's COM1 (4).</summary>
    public static bool IsBindable(long irq) => irq > 0 && irq < LineCount && irq != 2 && irq != 4;

    /// <summary>Interrupt <paramref name="irq"/> of <paramref name="device"/> becomes bit <paramref name="bit"/> on <paramref name="port"/>. Interrupts off.</summary>
    public static SyscallError Bind(Device device, long irq, Port port, long bit)
    {
        if (!IsBindable(irq) || !device.OwnsIrq(irq) || bit < 0 || bit > 63)
            return SyscallError.InvalidArgument;
        if (FindSlot(device, (int)irq) >= 0)
            return SyscallError.Exists;
        SharedIrqLine line = s_lines[irq] ??= new SharedIrqLine();
        bool masksAtDevice = device.Pci != null;
        int slot = line.Add(masksAtDevice);
        if (slot < 0)
            return SyscallError.Busy;
        int index = (int)irq * Slots + slot;
        s_ports[index] = port;
        s_bits[index] = 1UL << (int)bit;
        s_devices[index] = device;
        device.BoundIrqs++;
        if (masksAtDevice)
            device.Pci.SetInterruptDisabled(false);
        InterruptDispatcher.SetDeliveredToUser((int)irq, true, &Deliver);
        return SyscallError.None;
    }

    /// <summary>The driver of <paramref name="device"/> handled interrupt <paramref name="irq"/>. Interrupts off.</summary>
    public static SyscallError Acknowledge(Device device, long irq)
    {
        int slot = irq >= 0 && irq < LineCount ? FindSlot(device, (int)irq) : -1;
        if (slot < 0)
            return SyscallError.InvalidArgument;
        SharedIrqLine line = s_lines[irq];
        bool wasPending = line.IsPending(slot);
        line.Acknowledge(slot);
        if (wasPending && line.MasksAtDevice(slot))
            device.Pci.SetInterruptDisabled(false);
        if (!line.MustMaskLine)
            Pic.Unmask((int)irq);
        return SyscallError.None;
    }

    /// <summary>The TSC when interrupt <paramref name="irq"/> last entered the kernel (a bound line only).</summary>
    public static ulong LastEntry(long irq) => irq >= 0 && irq < LineCount ? s_entered[irq] : 0;

    /// <summary>Unbinds every line bound through <paramref name="device"/>. Interrupts off.</summary>
    public static void ReleaseDevice(Device device)
    {
        for (int irq = 0; irq < LineCount; irq++)
        {
            int slot = FindSlot(device, irq);
            if (slot < 0)
                continue;
            SharedIrqLine line = s_lines[irq];
            line.Remove(slot);
            int index = irq * Slots + slot;
            s_ports[index] = null;
            s_devices[index] = null;
            device.BoundIrqs--;
            if (!line.HasHandlers)
                InterruptDispatcher.SetDeliveredToUser(irq, false, &Deliver);
            else if (!line.MustMaskLine)
                Pic.Unmask(irq);
        }
    }

    private static int FindSlot(Device device, int irq)
    {
        SharedIrqLine line = s_lines[irq];
        if (line == null)
            return -1;
        for (int slot = 0; slot < Slots; slot++)
        {
            if (line.IsBound(slot) && s_devices[irq * Slots + slot] == device)
                return slot;
        }
        return -1;
    }

    // In the interrupt handler, after any kernel driver of the line: find the bound devices
    // that assert, quiet them and notify their drivers.
    private static void Deliver(int irq, ulong entered)
    {
        s_entered[irq] = entered;
        SharedIrqLine line = s_lines[irq];
        if (line == null)
            return;
        uint asserting = 0;
        for (int slot = 0; slot < Slots; slot++)
        {
            Device device = s_devices[irq * Slots + slot];
            if (device != null && line.IsBound(slot) && !line.IsPending(slot) && (device.Pci == null || device.Pci.IsInterruptAsserted))
                asserting |= 1u << slot;
        }
        uint fresh = line.Raise(asserting);
        for (int slot = 0; fresh != 0; slot++, fresh >>= 1)
        {
            if ((fresh & 1) == 0)
                continue;
            int index = irq * Slots + slot;
            if (line.MasksAtDevice(slot))
                s_devices[index].Pci.SetInterruptDisabled(true);
            Port port = s_ports[index];
            if (port != null && !port.IsClosed)
                KernelPorts.Engine.PostNotification(port, s_bits[index]);
        }
        if (line.MustMaskLine)
            Pic.Mask(irq);
    }
}
