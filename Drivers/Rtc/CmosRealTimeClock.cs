using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Drivers.Rtc;

/// <summary>
/// The PC's battery-backed real-time clock (MC146818 in the CMOS): date and time read
/// through ports 0x70/0x71, in BCD or binary and 12- or 24-hour form as status register B
/// says. QEMU and VMware keep it in UTC by default.
/// </summary>
internal static class CmosRealTimeClock
{
    private const ushort IndexPort = 0x70;
    private const ushort DataPort = 0x71;
    private const byte StatusA = 0x0A;
    private const byte StatusB = 0x0B;
    private const byte UpdateInProgress = 0x80;
    private const byte BinaryMode = 0x04;
    private const byte TwentyFourHour = 0x02;
    private const byte PmBit = 0x80;
    private const int MaxAttempts = 1000;

    /// <summary>Reads the clock; false when it gives no stable or plausible value.</summary>
    public static bool TryRead(out CivilTime time)
    {
        time = default;
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // Two identical reads outside an update cycle make a consistent value.
            if (!ReadRaw(out ulong first) || !ReadRaw(out ulong second) || first != second)
                continue;
            byte status = Read(StatusB);
            bool binary = (status & BinaryMode) != 0;
            int secondValue = Decode((byte)first, binary);
            int minute = Decode((byte)(first >> 8), binary);
            byte rawHour = (byte)(first >> 16);
            int hour = Decode((byte)(rawHour & ~PmBit), binary);
            if ((status & TwentyFourHour) == 0)
                hour = hour % 12 + ((rawHour & PmBit) != 0 ? 12 : 0);
            int day = Decode((byte)(first >> 24), binary);
            int month = Decode((byte)(first >> 32), binary);
            int year = 2000 + Decode((byte)(first >> 40), binary);
            if (secondValue > 59 || minute > 59 || hour > 23 || day < 1 || day > 31 || month < 1 || month > 12)
                return false;
            time = new CivilTime(year, month, day, hour, minute, secondValue);
            return true;
        }
        return false;
    }

    // Seconds, minutes, hours, day, month, year in the low six bytes; false during an update.
    private static bool ReadRaw(out ulong value)
    {
        value = 0;
        if ((Read(StatusA) & UpdateInProgress) != 0)
            return false;
        byte[] registers = { 0x00, 0x02, 0x04, 0x07, 0x08, 0x09 };
        for (int i = 0; i < registers.Length; i++)
            value |= (ulong)Read(registers[i]) << (8 * i);
        return true;
    }

    private static int Decode(byte value, bool binary) => binary ? value : (value >> 4) * 10 + (value & 0x0F);

    private static byte Read(byte register)
    {
        Cpu.OutByte(IndexPort, register);
        return Cpu.InByte(DataPort);
    }
}
