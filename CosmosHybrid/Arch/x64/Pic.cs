namespace CosmosHybrid.Arch.X64;

/// <summary>
/// The two cascaded 8259 programmable interrupt controllers. They are remapped so
/// IRQ 0–15 arrive on vectors 32–47 instead of colliding with CPU exceptions, and
/// every line starts masked until a driver registers a handler.
/// </summary>
internal static class Pic
{
    private const ushort MasterCommand = 0x20;
    private const ushort MasterData = 0x21;
    private const ushort SlaveCommand = 0xA0;
    private const ushort SlaveData = 0xA1;

    private const byte InitializeWithIcw4 = 0x11;
    private const byte Mode8086 = 0x01;
    private const byte EndOfInterruptCommand = 0x20;
    private const byte ReadInServiceRegister = 0x0B;
    private const int CascadeIrq = 2;

    public static void Initialize(byte vectorBase)
    {
        Cpu.OutByte(MasterCommand, InitializeWithIcw4);
        Cpu.OutByte(SlaveCommand, InitializeWithIcw4);
        Cpu.OutByte(MasterData, vectorBase);
        Cpu.OutByte(SlaveData, (byte)(vectorBase + 8));
        Cpu.OutByte(MasterData, 1 << CascadeIrq);     // the slave hangs off IRQ 2
        Cpu.OutByte(SlaveData, CascadeIrq);           // its cascade identity
        Cpu.OutByte(MasterData, Mode8086);
        Cpu.OutByte(SlaveData, Mode8086);

        Cpu.OutByte(MasterData, 0xFF & ~(1 << CascadeIrq));
        Cpu.OutByte(SlaveData, 0xFF);
    }

    public static void Unmask(int irq)
    {
        ushort port = irq < 8 ? MasterData : SlaveData;
        Cpu.OutByte(port, (byte)(Cpu.InByte(port) & ~(1 << (irq & 7))));
    }

    public static void Mask(int irq)
    {
        ushort port = irq < 8 ? MasterData : SlaveData;
        Cpu.OutByte(port, (byte)(Cpu.InByte(port) | (1 << (irq & 7))));
    }

    public static void EndOfInterrupt(int irq)
    {
        if (irq >= 8)
            Cpu.OutByte(SlaveCommand, EndOfInterruptCommand);
        Cpu.OutByte(MasterCommand, EndOfInterruptCommand);
    }

    /// <summary>
    /// IRQ 7 and 15 also fire spuriously (a line dropped before acknowledgement). A
    /// real one is marked in the in-service register; a spurious one gets no EOI,
    /// except that a spurious IRQ 15 still needs one on the master for the cascade.
    /// </summary>
    public static bool IsSpurious(int irq)
    {
        if (irq == 7)
            return (ReadInService(MasterCommand) & 0x80) == 0;
        if (irq == 15 && (ReadInService(SlaveCommand) & 0x80) == 0)
        {
            Cpu.OutByte(MasterCommand, EndOfInterruptCommand);
            return true;
        }
        return false;
    }

    private static byte ReadInService(ushort commandPort)
    {
        Cpu.OutByte(commandPort, ReadInServiceRegister);
        return Cpu.InByte(commandPort);
    }
}
