using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;

namespace CosmosHybrid.Ipc;

/// <summary>
/// Hardware interrupts delivered to user-mode drivers as notification bits on a port.
/// When a bound line fires, the kernel masks it and notifies; the driver handles the
/// device and acknowledges, which unmasks the line. So a driver that is slow, or dead,
/// cannot flood the kernel with an interrupt it never quiets.
/// </summary>
internal static unsafe class IrqBindings
{
    private static readonly Port[] s_ports = new Port[InterruptDispatcher.IrqCount];
    private static readonly ulong[] s_bits = new ulong[InterruptDispatcher.IrqCount];
    private static readonly Process[] s_owners = new Process[InterruptDispatcher.IrqCount];

    /// <summary>Lines the kernel keeps: the timer (0), the PIC cascade (2) and the console's COM1 (4).</summary>
    public static bool IsBindable(int irq) => irq > 0 && irq < InterruptDispatcher.IrqCount && irq != 2 && irq != 4;

    public static SyscallError Bind(Process owner, int irq, Port port, int bit)
    {
        if (!IsBindable(irq) || bit < 0 || bit > 63)
            return SyscallError.InvalidArgument;
        if (s_ports[irq] != null || InterruptDispatcher.HasKernelHandler(irq))
            return SyscallError.Exists;
        s_ports[irq] = port;
        s_bits[irq] = 1UL << bit;
        s_owners[irq] = owner;
        InterruptDispatcher.RegisterIrqHandler(irq, &OnInterrupt);
        return SyscallError.None;
    }

    public static SyscallError Acknowledge(Process owner, int irq)
    {
        if (irq < 0 || irq >= InterruptDispatcher.IrqCount || s_ports[irq] == null || s_owners[irq] != owner)
            return SyscallError.InvalidArgument;
        Pic.Unmask(irq);
        return SyscallError.None;
    }

    public static void ReleaseProcess(Process owner)
    {
        for (int irq = 0; irq < InterruptDispatcher.IrqCount; irq++)
        {
            if (s_ports[irq] == null || s_owners[irq] != owner)
                continue;
            Pic.Mask(irq);
            InterruptDispatcher.UnregisterIrqHandler(irq);
            s_ports[irq] = null;
            s_owners[irq] = null;
        }
    }

    // Runs in the interrupt handler: quiet the line until the driver acknowledges.
    private static void OnInterrupt()
    {
        int irq = InterruptDispatcher.CurrentIrq;
        Port port = s_ports[irq];
        Pic.Mask(irq);
        if (port != null && !port.IsClosed)
            KernelPorts.Engine.PostNotification(port, s_bits[irq]);
    }
}
