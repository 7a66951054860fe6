using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Drivers.Serial;

/// <summary>
/// A 16550-compatible UART (COM1 on PCs and in QEMU/VMware). This is the kernel's
/// log channel and, headless, its console (see Console/Output/SerialConsoleOutput.cs):
/// tests read what it writes.
/// </summary>
internal sealed unsafe class Uart16550
{
    public const ushort Com1 = 0x3F8;
    public const int Com1Irq = 4;

    private const int Data = 0;
    private const int InterruptEnable = 1;
    private const int FifoControl = 2;
    private const int LineControl = 3;
    private const int ModemControl = 4;
    private const int LineStatus = 5;

    private const byte DivisorLatchAccess = 0x80;
    private const byte EightBitsNoParityOneStop = 0x03;
    private const byte DataReady = 0x01;
    private const byte TransmitHoldingEmpty = 0x20;

    private readonly ushort _port;

    public Uart16550(ushort port, uint baudRate)
    {
        _port = port;
        ushort divisor = (ushort)(115200 / baudRate);
        Cpu.OutByte((ushort)(port + InterruptEnable), 0);
        Cpu.OutByte((ushort)(port + LineControl), DivisorLatchAccess);
        Cpu.OutByte((ushort)(port + Data), (byte)divisor);
        Cpu.OutByte((ushort)(port + InterruptEnable), (byte)(divisor >> 8));
        Cpu.OutByte((ushort)(port + LineControl), EightBitsNoParityOneStop);
        Cpu.OutByte((ushort)(port + FifoControl), 0xC7);   // enable and clear FIFOs, 14-byte threshold
        Cpu.OutByte((ushort)(port + ModemControl), 0x0B);  // DTR, RTS, OUT2 (OUT2 gates the IRQ line)
    }

    public void WriteByte(byte value)
    {
        while ((Cpu.InByte((ushort)(_port + LineStatus)) & TransmitHoldingEmpty) == 0)
        {
        }
        Cpu.OutByte(_port, value);
    }

    /// <summary>
    /// Interrupts on received data (IRQ 4 for COM1): <paramref name="handler"/> drains them with <see cref="TryReadByte"/>.
    /// After this, the handler reads; do not poll <see cref="TryReadByte"/> as well.
    /// </summary>
    public void EnableReceiveInterrupt(int irq, delegate*<void> handler)
    {
        InterruptDispatcher.RegisterIrqHandler(irq, handler);
        Cpu.OutByte((ushort)(_port + InterruptEnable), 0x01);
    }

    /// <summary>Returns the next received byte, or -1 when none is waiting.</summary>
    public int TryReadByte()
    {
        if ((Cpu.InByte((ushort)(_port + LineStatus)) & DataReady) == 0)
            return -1;
        return Cpu.InByte(_port);
    }
}
