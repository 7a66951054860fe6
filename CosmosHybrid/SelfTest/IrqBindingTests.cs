using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Devices;
using CosmosHybrid.Ipc;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>
/// An interrupt bound to a port (through a device that raises it) arrives as a
/// notification and, for a legacy device, leaves its line masked until acknowledged; two
/// devices sharing the line are both notified and the line opens when both have
/// acknowledged. The interrupt is raised in software (INT 37 = IRQ 5), which runs the same
/// dispatch path a device interrupt would.
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
        Device first = LegacyDevice(Irq);
        Device second = LegacyDevice(Irq);
        using (InterruptsOff.Enter())
        {
            Equal((long)SyscallError.None, (long)IrqBindings.Bind(first, Irq, port, 3), "bind IRQ 5 to bit 3");
            Check(!IsMasked(), "a bound line is unmasked");
            Equal((long)SyscallError.InvalidArgument, (long)IrqBindings.Bind(first, 6, port, 1), "a line the device does not raise is refused");
            Equal((long)SyscallError.Exists, (long)IrqBindings.Bind(first, Irq, port, 1), "binding the same device's line twice is refused");
            Equal((long)SyscallError.None, (long)IrqBindings.Bind(second, Irq, port, 4), "a second device shares the line (bit 4)");
        }

        RaiseIrq5();
        Equal((1L << 3) | (1L << 4), (long)port.PendingNotifications, "the interrupt reached both handlers");
        Check(IsMasked(), "the line is masked until the drivers acknowledge");

        using (InterruptsOff.Enter())
        {
            Equal((long)SyscallError.None, (long)IrqBindings.Acknowledge(first, Irq), "the first acknowledges");
            Check(IsMasked(), "still masked: the second owes its acknowledgement");
            Equal((long)SyscallError.None, (long)IrqBindings.Acknowledge(second, Irq), "the second acknowledges");
            Check(!IsMasked(), "every handler acknowledged: the line opens");
        }

        ulong ticks = Scheduling.SystemClock.Ticks;
        using (InterruptsOff.Enter())
        {
            IrqBindings.ReleaseDevice(first);
            Check(!IsMasked(), "one handler left: the line stays open");
            IrqBindings.ReleaseDevice(second);
            Check(IsMasked(), "releasing the last binding masks the line again");
        }
        Scheduling.SystemClock.BusyWait(5);
        Check(Scheduling.SystemClock.Ticks > ticks, "the kernel's own lines (the timer) are untouched");
        Equal((long)SyscallError.InvalidArgument, (long)IrqBindings.Acknowledge(first, 0), "nobody may acknowledge the timer line");
        Check(!IrqBindings.IsBindable(0) && !IrqBindings.IsBindable(2) && !IrqBindings.IsBindable(4), "the timer, cascade and console lines are the kernel's");
    }

    private static Device LegacyDevice(int irq) =>
        new Device(-1, DeviceKind.I8042, "selftest", null, new DeviceRegion[Device.RegionCount], irq, -1, kernelDriven: false);

    private static bool IsMasked() => (Cpu.InByte(MasterPicData) & (1 << Irq)) != 0;
}
