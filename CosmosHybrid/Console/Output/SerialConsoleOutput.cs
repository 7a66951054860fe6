using CosmosHybrid.Drivers.Serial;

namespace CosmosHybrid.Console.Output;

/// <summary>
/// Text on a serial line: '\n' goes out as "\r\n" for terminals, and characters outside
/// 7-bit ASCII as '?'. The UART itself only moves bytes.
/// </summary>
internal sealed class SerialConsoleOutput : IConsoleOutput
{
    private readonly Uart16550 _uart;

    public SerialConsoleOutput(Uart16550 uart) => _uart = uart;

    public void Write(char c)
    {
        if (c == '\n')
            _uart.WriteByte((byte)'\r');
        _uart.WriteByte(c < 0x80 ? (byte)c : (byte)'?');
    }
}
