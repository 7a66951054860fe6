using System;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Drivers.Serial;

namespace CosmosHybrid.Console.Output;

/// <summary>
/// Text on a serial line, in UTF-8: '\n' goes out as "\r\n" for terminals. Kernel text is
/// encoded here; ring-3 console bytes pass through as written (<see cref="WriteByte"/>).
/// The UART itself only moves bytes.
/// </summary>
internal sealed class SerialConsoleOutput : IConsoleOutput
{
    private readonly Uart16550 _uart;

    public SerialConsoleOutput(Uart16550 uart) => _uart = uart;

    public void Write(char c)
    {
        if (c < 0x80)
        {
            WriteByte((byte)c);
            return;
        }
        // A kernel string's lone UTF-16 unit; a surrogate (the kernel log has no pairs) shows as U+FFFD.
        Span<char> character = stackalloc char[1];
        character[0] = c;
        Span<byte> bytes = stackalloc byte[3];
        int count = Utf8.EncodeLenient(character, bytes);
        for (int i = 0; i < count; i++)
            _uart.WriteByte(bytes[i]);
    }

    public void WriteByte(byte value)
    {
        if (value == (byte)'\n')
            _uart.WriteByte((byte)'\r');
        _uart.WriteByte(value);
    }
}
