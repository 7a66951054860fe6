using CosmosHybrid.Arch.X64;
using CosmosHybrid.Drivers.Serial;
using CosmosHybrid.Drivers.Timer;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>Which 8259 line a storage controller's interrupt may use.</summary>
internal static class ControllerIrq
{
    private const int Cascade = 2;

    /// <summary>
    /// <paramref name="irq"/> when a storage driver may take it, else -1 (its commands are then
    /// polled): the lines the kernel drives itself (timer, cascade, COM1) cannot be shared, nor
    /// can a line another kernel driver already handles (the dispatcher keeps one handler a line).
    /// </summary>
    public static int Usable(int irq, bool ownHandler)
    {
        if (irq < 0 || irq >= InterruptDispatcher.IrqCount || irq == Pit.Irq || irq == Cascade || irq == Uart16550.Com1Irq)
            return -1;
        if (InterruptDispatcher.HasKernelHandler(irq) && !ownHandler)
            return -1;
        return irq;
    }
}
