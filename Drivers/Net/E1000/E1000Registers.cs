namespace CosmosHybrid.Drivers.Net.E1000;

/// <summary>
/// Register offsets into BAR 0 of the Intel 8254x/8257x family (82540EM, 82545EM, 82574L),
/// the ones the driver uses. The 82574L keeps the legacy aliases of the receive and
/// transmit queue registers, so one set of offsets serves all three.
/// </summary>
public static class E1000Registers
{
    public const int Control = 0x0000;
    public const int Status = 0x0008;
    public const int EepromControl = 0x0010;
    public const int EepromRead = 0x0014;
    public const int InterruptCause = 0x00C0;
    public const int InterruptThrottle = 0x00C4;
    public const int InterruptCauseSet = 0x00C8;
    public const int InterruptMaskSet = 0x00D0;
    public const int InterruptMaskClear = 0x00D8;
    public const int ReceiveControl = 0x0100;
    public const int TransmitControl = 0x0400;
    public const int TransmitInterPacketGap = 0x0410;
    public const int ReceiveRingLow = 0x2800;
    public const int ReceiveRingHigh = 0x2804;
    public const int ReceiveRingLength = 0x2808;
    public const int ReceiveHead = 0x2810;
    public const int ReceiveTail = 0x2818;
    public const int ReceiveDelayTimer = 0x2820;
    public const int TransmitRingLow = 0x3800;
    public const int TransmitRingHigh = 0x3804;
    public const int TransmitRingLength = 0x3808;
    public const int TransmitHead = 0x3810;
    public const int TransmitTail = 0x3818;
    public const int MulticastTable = 0x5200;
    public const int MulticastTableEntries = 128;
    public const int ReceiveAddressLow = 0x5400;
    public const int ReceiveAddressHigh = 0x5404;

    /// <summary>Counter registers (clear on read): good packets received and transmitted, missed packets.</summary>
    public const int MissedPackets = 0x4010;
    public const int GoodPacketsReceived = 0x4074;
    public const int GoodPacketsTransmitted = 0x4080;
}

/// <summary>CTRL bits.</summary>
public static class E1000Control
{
    public const uint FullDuplex = 1u << 0;
    public const uint AutoSpeedDetection = 1u << 5;
    public const uint SetLinkUp = 1u << 6;
    public const uint Reset = 1u << 26;
    public const uint PhyReset = 1u << 31;
}

/// <summary>STATUS bits.</summary>
public static class E1000Status
{
    public const uint FullDuplex = 1u << 0;
    public const uint LinkUp = 1u << 1;
    public const int SpeedShift = 6;
    public const uint SpeedMask = 3u << SpeedShift;

    /// <summary>The link speed in Mb/s from STATUS (10, 100 or 1000).</summary>
    public static int SpeedMbps(uint status) => ((status & SpeedMask) >> SpeedShift) switch
    {
        0 => 10,
        1 => 100,
        _ => 1000,
    };
}

/// <summary>ICR/ICS/IMS/IMC bits.</summary>
public static class E1000Interrupts
{
    public const uint TransmitWritten = 1u << 0;
    public const uint TransmitQueueEmpty = 1u << 1;
    public const uint LinkStatusChange = 1u << 2;
    public const uint ReceiveSequenceError = 1u << 3;
    public const uint ReceiveMinimumThreshold = 1u << 4;
    public const uint ReceiveOverrun = 1u << 6;
    public const uint ReceiveTimer = 1u << 7;

    /// <summary>What the driver enables: received frames (timer, threshold, overrun), transmit write-back and link changes.</summary>
    public const uint Enabled = TransmitWritten | LinkStatusChange | ReceiveMinimumThreshold | ReceiveOverrun | ReceiveTimer;
}

/// <summary>RCTL bits.</summary>
public static class E1000ReceiveControl
{
    public const uint Enable = 1u << 1;
    public const uint StoreBadPackets = 1u << 2;
    public const uint UnicastPromiscuous = 1u << 3;
    public const uint MulticastPromiscuous = 1u << 4;
    public const uint LongPackets = 1u << 5;
    public const uint BroadcastAccept = 1u << 15;
    /// <summary>BSIZE 00 with BSEX 0: 2048-byte receive buffers.</summary>
    public const uint Buffer2048 = 0;
    public const uint StripCrc = 1u << 26;
    /// <summary>RDMTS 1/2: the minimum-threshold interrupt when half the ring is used.</summary>
    public const uint ThresholdHalf = 0;

    /// <summary>The one value the driver writes (QEMU holds received frames ~1 s after every RCTL write).</summary>
    public const uint Value = Enable | BroadcastAccept | Buffer2048 | StripCrc | ThresholdHalf;
}

/// <summary>TCTL and TIPG values.</summary>
public static class E1000TransmitControl
{
    public const uint Enable = 1u << 1;
    public const uint PadShortPackets = 1u << 3;
    public const int CollisionThresholdShift = 4;
    public const int CollisionDistanceShift = 12;
    public const uint RetransmitOnLateCollision = 1u << 24;

    /// <summary>Enabled, short packets padded, collision threshold 15, full-duplex collision distance 64.</summary>
    public const uint Value = Enable | PadShortPackets | (15u << CollisionThresholdShift) | (64u << CollisionDistanceShift) | RetransmitOnLateCollision;

    /// <summary>The inter-packet gap the manuals give for copper: IPGT 10, IPGR1 8, IPGR2 6.</summary>
    public const uint InterPacketGap = 10u | (8u << 10) | (6u << 20);
}

/// <summary>RAH bits.</summary>
public static class E1000ReceiveAddress
{
    public const uint Valid = 1u << 31;
}
