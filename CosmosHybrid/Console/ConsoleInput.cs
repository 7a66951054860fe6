using CosmosHybrid.Arch.X64;
using CosmosHybrid.Scheduling;

namespace CosmosHybrid.Console;

/// <summary>
/// Bytes typed on the console (the serial line), queued by the receive interrupt until
/// a reader takes them. Readers block while the queue is empty. Bytes that arrive when
/// the queue is full are dropped: typing faster than anyone reads loses keystrokes, not memory.
/// </summary>
internal static unsafe class ConsoleInput
{
    private const int Capacity = 1024;

    private static readonly byte[] s_buffer = new byte[Capacity];
    private static int s_head;
    private static int s_count;
    private static Thread s_waiters;

    public static ulong Dropped { get; private set; }

    /// <summary>Called from the interrupt handler with interrupts off.</summary>
    public static void Push(byte value)
    {
        if (s_count == Capacity)
        {
            Dropped++;
            return;
        }
        s_buffer[(s_head + s_count) % Capacity] = value;
        s_count++;
        while (s_waiters != null)
        {
            Thread waiter = s_waiters;
            s_waiters = waiter.WaitNext;
            Scheduler.Wake(waiter);
        }
    }

    /// <summary>Waits for at least one byte, then takes up to <paramref name="capacity"/>.</summary>
    public static int Read(byte* destination, int capacity)
    {
        ulong flags = Cpu.DisableInterruptsSaving();
        while (s_count == 0)
        {
            Thread self = Scheduler.Current;
            self.WaitNext = s_waiters;
            s_waiters = self;
            Scheduler.Block();
        }
        int taken = 0;
        while (taken < capacity && s_count > 0)
        {
            destination[taken++] = s_buffer[s_head];
            s_head = (s_head + 1) % Capacity;
            s_count--;
        }
        Cpu.RestoreInterrupts(flags);
        return taken;
    }
}

/// <summary>Feeds <see cref="ConsoleInput"/> from a UART's receive interrupt.</summary>
internal static unsafe class SerialConsoleInput
{
    private static Drivers.Serial.Uart16550 s_uart;

    public static void Attach(Drivers.Serial.Uart16550 uart, int irq)
    {
        s_uart = uart;
        uart.EnableReceiveInterrupt(irq, &OnReceive);
    }

    private static void OnReceive()
    {
        int value;
        while ((value = s_uart.TryReadByte()) >= 0)
            ConsoleInput.Push((byte)value);
    }
}
