using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Drivers.Pci;

/// <summary>
/// PCI configuration space through configuration mechanism #1: the function's
/// address and a register number go to port 0xCF8, and the 32-bit register is then
/// read or written at port 0xCFC. The two steps run with interrupts off, so another
/// thread cannot move the address in between.
/// </summary>
internal static class PciConfigSpace
{
    private const ushort AddressPort = 0xCF8;
    private const ushort DataPort = 0xCFC;
    private const uint EnableBit = 0x8000_0000;

    public static uint Read32(PciAddress function, int offset)
    {
        ulong flags = Cpu.DisableInterruptsSaving();
        Cpu.OutDword(AddressPort, Encode(function, offset));
        uint value = Cpu.InDword(DataPort);
        Restore(flags);
        return value;
    }

    public static void Write32(PciAddress function, int offset, uint value)
    {
        ulong flags = Cpu.DisableInterruptsSaving();
        Cpu.OutDword(AddressPort, Encode(function, offset));
        Cpu.OutDword(DataPort, value);
        Restore(flags);
    }

    public static ushort Read16(PciAddress function, int offset) =>
        (ushort)(Read32(function, offset & ~3) >> ((offset & 2) * 8));

    public static byte Read8(PciAddress function, int offset) =>
        (byte)(Read32(function, offset & ~3) >> ((offset & 3) * 8));

    /// <summary>
    /// Writes the 16-bit register at an even <paramref name="offset"/>. The other half of the
    /// dword is written back as read, which is harmless for the command register (the
    /// status register beside it is write-one-to-clear, so its bits are masked out).
    /// </summary>
    public static void Write16(PciAddress function, int offset, ushort value)
    {
        int shift = (offset & 2) * 8;
        uint dword = Read32(function, offset & ~3);
        if (shift == 0 && (offset & ~3) == PciRegisters.Command)
            dword &= 0x0000_FFFF;     // never write ones back into the status register
        dword = (dword & ~(0xFFFFu << shift)) | ((uint)value << shift);
        Write32(function, offset & ~3, dword);
    }

    // Bit 31 enable, 23:16 bus, 15:11 device, 10:8 function, 7:2 dword-aligned register.
    private static uint Encode(PciAddress function, int offset) =>
        EnableBit | ((uint)function.Bus << 16) | ((uint)function.Device << 11) | ((uint)function.Function << 8) | ((uint)offset & 0xFC);

    private static void Restore(ulong flags)
    {
        Cpu.RestoreInterrupts(flags);
    }
}
