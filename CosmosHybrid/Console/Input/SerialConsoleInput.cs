using CosmosHybrid.Drivers.Serial;

namespace CosmosHybrid.Console.Input;

/// <summary>Feeds <see cref="ConsoleInput"/> from a UART's receive interrupt.</summary>
internal static unsafe class SerialConsoleInput
{
    private static Uart16550 s_uart;

    public static void Attach(Uart16550 uart, int irq)
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
