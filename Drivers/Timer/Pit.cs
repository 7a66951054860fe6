using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Drivers.Timer;

/// <summary>
/// The 8253/8254 programmable interval timer, channel 0, as a periodic interrupt
/// source on IRQ 0.
/// </summary>
internal static class Pit
{
    public const uint InputFrequencyHz = 1193182;
    public const int Irq = 0;

    private const ushort Channel0Data = 0x40;
    private const ushort ModeCommand = 0x43;
    private const byte Channel0RateGeneratorLowHigh = 0x34; // channel 0, lobyte/hibyte, mode 2

    /// <summary>Starts periodic interrupts at (about) <paramref name="frequencyHz"/>.</summary>
    public static void Start(uint frequencyHz)
    {
        uint divisor = InputFrequencyHz / frequencyHz;
        Cpu.OutByte(ModeCommand, Channel0RateGeneratorLowHigh);
        Cpu.OutByte(Channel0Data, (byte)divisor);
        Cpu.OutByte(Channel0Data, (byte)(divisor >> 8));
    }
}
