using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Ipc;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>
/// An interrupt bound to a port arrives as a notification and leaves its line masked
/// until acknowledged. The interrupt is raised in software (INT 37 = IRQ 5), which runs
/// the same dispatch path a device interrupt would.
/// </summary>
internal static unsafe class IrqBindingTests
{
    private const int Irq = 5;
    private const ushort MasterPicData = 0x21;

    [DllImport("*", EntryPoint = "cpu_raise_irq5"), SuppressGCTransition]
    private static extern void RaiseIrq5();

    public static void Run()
    {
        Begin("irq binding");
        var port = new Port();
        port.ReceiveHandles = 1;
        Equal((long)SyscallError.None, (long)IrqBindings.Bind(null, Irq, port, 3), "bind IRQ 5 to bit 3");
        Check(!IsMasked(), "a bound line is unmasked");

        RaiseIrq5();
        Equal(1L << 3, (long)port.PendingNotifications, "the interrupt became notification bit 3");
        Check(IsMasked(), "the line is masked until the driver acknowledges");

        Equal((long)SyscallError.None, (long)IrqBindings.Acknowledge(null, Irq), "acknowledge");
        Check(!IsMasked(), "acknowledging unmasks the line");
        Equal((long)SyscallError.Exists, (long)IrqBindings.Bind(null, Irq, port, 1), "a second binding of the line is refused");

        ulong ticks = Scheduling.SystemClock.Ticks;
        IrqBindings.ReleaseProcess(null);
        Check(IsMasked(), "releasing the binding masks the line again");
        Scheduling.SystemClock.BusyWait(5);
        Check(Scheduling.SystemClock.Ticks > ticks, "the kernel's own lines (the timer) are untouched");
        Equal((long)SyscallError.InvalidArgument, (long)IrqBindings.Acknowledge(null, 0), "nobody may acknowledge the timer line");
    }

    private static bool IsMasked() => (Cpu.InByte(MasterPicData) & (1 << Irq)) != 0;
}
