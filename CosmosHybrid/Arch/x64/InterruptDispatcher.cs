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

    /// <summary>The IRQ being handled (valid inside a handler).</summary>
    public static int CurrentIrq { get; private set; }

    public static void RegisterIrqHandler(int irq, delegate*<void> handler)
    {
        s_irqHandlers[irq] = handler;
        Pic.Unmask(irq);
    }

    public static void UnregisterIrqHandler(int irq) => s_irqHandlers[irq] = null;

    public static bool HasKernelHandler(int irq) => s_irqHandlers[irq] != null;

    [RuntimeExport("InterruptDispatch")]
    public static void Dispatch(InterruptFrame* frame)
    {
        bool fromUser = frame->PrivilegeLevel == 3;
        int vector = (int)frame->Vector;
        if (vector < ExceptionVector.Count)
        {
            if (fromUser)
                UserFaults.Handle(frame);
            else
                Panic.FromCpuException(frame);
        }
        else
        {
            HandleIrq(vector - IrqBase);
        }
        // Last: a switch to another thread may happen here, after the EOI.
        Scheduler.OnInterruptExit();
        if (fromUser)
            ThreadStops.ParkIfStopped();
    }

    private static void HandleIrq(int irq)
    {
        if (irq < 0 || irq >= IrqCount || Pic.IsSpurious(irq))
            return;
        delegate*<void> handler = s_irqHandlers[irq];
        CurrentIrq = irq;
        if (handler != null)
            handler();
        Pic.EndOfInterrupt(irq);
    }
}
