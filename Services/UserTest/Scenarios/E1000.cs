namespace CosmosHybrid.Services.UserTest;

/// <summary>The few Intel 8254x (e1000) registers the device scenarios touch, as offsets into BAR 0.</summary>
internal static unsafe class E1000
{
    public const int Status = 0x0008;
    public const int Eecd = 0x0010;
    public const int Eerd = 0x0014;
    public const int InterruptCause = 0x00C0;
    public const int InterruptCauseSet = 0x00C8;
    public const int InterruptMaskSet = 0x00D0;
    public const int InterruptMaskClear = 0x00D8;
    public const int TransmitControl = 0x0400;
    public const int TransmitRingLow = 0x3800;
    public const int TransmitRingHigh = 0x3804;
    public const int TransmitRingLength = 0x3808;
    public const int TransmitHead = 0x3810;
    public const int TransmitTail = 0x3818;
    public const int ReceiveAddressLow = 0x5400;
    public const int ReceiveAddressHigh = 0x5404;

    public const uint TransmitEnable = 1 << 1;
    public const uint PadShortPackets = 1 << 3;
    public const uint EepromStart = 1;
    public const uint EepromDone = 1 << 4;

    /// <summary>ICR/ICS/IMS bit: a transmit descriptor was written back.</summary>
    public const uint TransmitWritten = 1 << 0;

    /// <summary>Transmit descriptor command bits: end of packet, insert the checksum, report status (write DD back).</summary>
    public const byte EndOfPacket = 1 << 0;
    public const byte InsertChecksum = 1 << 1;
    public const byte ReportStatus = 1 << 3;
    public const byte DescriptorDone = 1 << 0;

    public const int DescriptorBytes = 16;

    // Volatile fields: every register access really happens, in program order.
    private struct Register32
    {
        public volatile uint Value;
    }

    private struct Byte8
    {
        public volatile byte Value;
    }

    public static uint Read(long registers, int offset) => ((Register32*)(registers + offset))->Value;

    public static void Write(long registers, int offset, uint value) => ((Register32*)(registers + offset))->Value = value;

    /// <summary>A word of the EEPROM through EERD; 0xFFFFFFFF when the read never completes.</summary>
    public static uint ReadEeprom(long registers, int address)
    {
        Write(registers, Eerd, ((uint)address << 8) | EepromStart);
        for (int i = 0; i < 100000; i++)
        {
            uint value = Read(registers, Eerd);
            if ((value & EepromDone) != 0)
                return value >> 16;
        }
        return 0xFFFF_FFFF;
    }

    /// <summary>
    /// Points the transmit ring (8 descriptors) at <paramref name="ringPhysical"/> and turns
    /// transmission on. Nothing is sent anywhere: the NIC has no peer.
    /// </summary>
    public static void StartTransmitter(long registers, ulong ringPhysical)
    {
        Write(registers, TransmitRingLow, (uint)ringPhysical);
        Write(registers, TransmitRingHigh, (uint)(ringPhysical >> 32));
        Write(registers, TransmitRingLength, 8 * DescriptorBytes);
        Write(registers, TransmitHead, 0);
        Write(registers, TransmitTail, 0);
        Write(registers, TransmitControl, TransmitEnable | PadShortPackets);
    }

    /// <summary>Fills descriptor <paramref name="index"/> of the ring at <paramref name="ring"/> with a 60-byte packet at <paramref name="packetPhysical"/>.</summary>
    public static void PrepareDescriptor(long ring, int index, ulong packetPhysical)
    {
        byte* descriptor = (byte*)ring + index * DescriptorBytes;
        *(ulong*)descriptor = packetPhysical;
        *(ushort*)(descriptor + 8) = 60;
        descriptor[10] = 0;
        descriptor[11] = EndOfPacket | InsertChecksum | ReportStatus;
        descriptor[12] = 0;
    }

    public static bool IsDone(long ring, int index) => (((Byte8*)(ring + index * DescriptorBytes + 12))->Value & DescriptorDone) != 0;
}
