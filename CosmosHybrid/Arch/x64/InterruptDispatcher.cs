using System.Runtime;
using CosmosHybrid.Diagnostics;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Arch.X64;

/// <summary>
/// Where every interrupt lands (called from interrupt_common in InterruptStubs.asm
/// with interrupts disabled). CPU exceptions in ring 0 are kernel bugs and end in a
/// panic report; hardware IRQs go to the handler a driver registered.
/// </summary>
internal static unsafe class InterruptDispatcher
{
    public const int IrqBase = 32;
    public const int IrqCount = 16;

    // Function pointers, not delegates: nothing is allocated or dispatched virtually on this path.
    private static readonly delegate*<void>[] s_irqHandlers = new delegate*<void>[IrqCount];

    // Lines also delivered to ring-3 drivers (bit per IRQ), and who delivers them.
    private static uint s_userLines;
    private static delegate*<int, ulong, void> s_userDelivery;

    /// <summary>The IRQ being handled (valid inside a handler).</summary>
    public static int CurrentIrq { get; private set; }

    public static void RegisterIrqHandler(int irq, delegate*<void> handler)
    {
        s_irqHandlers[irq] = handler;
        Pic.Unmask(irq);
    }

    public static void UnregisterIrqHandler(int irq) => s_irqHandlers[irq] = null;

    public static bool HasKernelHandler(int irq) => s_irqHandlers[irq] != null;

    /// <summary>
    /// Whether <paramref name="irq"/> is also handed to <paramref name="delivery"/> (after the kernel
    /// driver's handler, if any), with the time-stamp counter read when the interrupt arrived.
    /// Turning it on unmasks the line; turning it off masks it unless a kernel driver handles it.
    /// </summary>
    public static void SetDeliveredToUser(int irq, bool delivered, delegate*<int, ulong, void> delivery)
    {
        s_userDelivery = delivery;
        if (delivered)
        {
            s_userLines |= 1u << irq;
            Pic.Unmask(irq);
        }
        else
        {
            s_userLines &= ~(1u << irq);
            if (s_irqHandlers[irq] == null)
                Pic.Mask(irq);
        }
    }

    [RuntimeExport("InterruptDispatch")]
    public static void Dispatch(InterruptFrame* frame)
    {
        bool fromUser = frame->PrivilegeLevel == 3;
        int vector = (int)frame->Vector;
        if (vector < ExceptionVector.Count)
        {
            if (fromUser)
                UserFaults.Handle(frame);
            else if (!ManagedFaults.TryRaiseException(frame))
                Panic.FromCpuException(frame);
        }
        else
        {
            if (vector == IrqBase + Drivers.Timer.Pit.Irq && Diagnostics.Profiling.SamplingProfiler.Running)
                Diagnostics.Profiling.SamplingProfiler.Record(frame);
            HandleIrq(vector - IrqBase);
        }
        // A pending register fault hits the thread this frame returns to (boot option faultinject).
        if (fromUser && Diagnostics.FaultInjection.FaultInjector.Armed)
            Diagnostics.FaultInjection.FaultInjector.AtInterruptReturn(frame, Scheduler.Current.Process);
        // Last: a switch to another thread may happen here, after the EOI.
        Scheduler.OnInterruptExit();
        if (fromUser)
            ThreadStops.ParkIfStopped();
    }

    private static void HandleIrq(int irq)
    {
        if (irq < 0 || irq >= IrqCount || Pic.IsSpurious(irq))
            return;
        bool toUser = (s_userLines & (1u << irq)) != 0;
        ulong entered = toUser ? Cpu.ReadTimestampCounter() : 0;
        delegate*<void> handler = s_irqHandlers[irq];
        CurrentIrq = irq;
        if (handler != null)
            handler();
        if (toUser)
            s_userDelivery(irq, entered);
        Pic.EndOfInterrupt(irq);
    }
}
