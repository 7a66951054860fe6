namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>What the driver publishes in the control page's DriverState word.</summary>
public enum FramePoolState : uint
{
    /// <summary>No driver serves the pool (never attached, or detached).</summary>
    Detached = 0,
    /// <summary>A driver accepted the pool and moves frames through it.</summary>
    Attached = 1,
}

/// <summary>
/// A view of a shared frame region (<see cref="FramePoolLayout"/>) at an address in this
/// process: its rings, its buffers and the driver's published fields. The client lays the
/// region out (<see cref="Initialize"/>) before lending it; the driver reads the geometry the
/// client wrote and uses it only when it matches what the attach message said.
/// </summary>
public readonly unsafe struct FramePool
{
    private readonly byte* _region;

    public FramePool(byte* region, FramePoolLayout layout)
    {
        _region = region;
        Layout = layout;
    }

    public FramePoolLayout Layout { get; }

    public byte* Region => _region;

    /// <summary>
    /// Lays out a fresh region (the client, before each attach): geometry, zeroed indices and
    /// flags, the receive ring's slots holding buffers 0..capacity-1 and the transmit ring's the
    /// next capacity buffers. The rest of the pool stays the client's spares.
    /// </summary>
    public static FramePool Initialize(byte* region, FramePoolLayout layout)
    {
        for (int i = 0; i < FramePoolLayout.PageSize; i++)
            region[i] = 0;
        *(uint*)(region + FramePoolLayout.MagicOffset) = FramePoolLayout.Magic;
        *(uint*)(region + FramePoolLayout.VersionOffset) = FramePoolLayout.Version;
        *(uint*)(region + FramePoolLayout.RingCapacityOffset) = (uint)layout.RingCapacity;
        *(uint*)(region + FramePoolLayout.BufferCountOffset) = (uint)layout.BufferCount;
        *(uint*)(region + FramePoolLayout.BufferSizeOffset) = (uint)layout.BufferSize;
        uint* receive = (uint*)(region + FramePoolLayout.ReceiveEntriesOffset);
        uint* transmit = (uint*)(region + FramePoolLayout.TransmitEntriesOffset);
        for (int i = 0; i < layout.RingCapacity; i++)
        {
            receive[i] = FrameEntry.Pack(i, 0);
            transmit[i] = FrameEntry.Pack(layout.RingCapacity + i, 0);
        }
        return new FramePool(region, layout);
    }

    /// <summary>True when the control page holds this layout's geometry (what the driver checks at attach).</summary>
    public bool HeaderMatches() =>
        *(uint*)(_region + FramePoolLayout.MagicOffset) == FramePoolLayout.Magic
        && *(uint*)(_region + FramePoolLayout.VersionOffset) == FramePoolLayout.Version
        && *(uint*)(_region + FramePoolLayout.RingCapacityOffset) == (uint)Layout.RingCapacity
        && *(uint*)(_region + FramePoolLayout.BufferCountOffset) == (uint)Layout.BufferCount
        && *(uint*)(_region + FramePoolLayout.BufferSizeOffset) == (uint)Layout.BufferSize;

    /// <summary>The receive ring as the driver (its producer) sees it.</summary>
    public FrameRingProducer ReceiveProducer() =>
        new FrameRingProducer(_region + FramePoolLayout.ReceiveRingOffset, (uint*)(_region + FramePoolLayout.ReceiveEntriesOffset), Layout.RingCapacity);

    /// <summary>The receive ring as the client (its consumer) sees it.</summary>
    public FrameRingConsumer ReceiveConsumer() =>
        new FrameRingConsumer(_region + FramePoolLayout.ReceiveRingOffset, (uint*)(_region + FramePoolLayout.ReceiveEntriesOffset), Layout.RingCapacity);

    /// <summary>The transmit ring as the client (its producer) sees it.</summary>
    public FrameRingProducer TransmitProducer() =>
        new FrameRingProducer(_region + FramePoolLayout.TransmitRingOffset, (uint*)(_region + FramePoolLayout.TransmitEntriesOffset), Layout.RingCapacity,
                              (uint*)(_region + FramePoolLayout.TransmitOffloadWordsOffset));

    /// <summary>The transmit ring as the driver (its consumer) sees it.</summary>
    public FrameRingConsumer TransmitConsumer() =>
        new FrameRingConsumer(_region + FramePoolLayout.TransmitRingOffset, (uint*)(_region + FramePoolLayout.TransmitEntriesOffset), Layout.RingCapacity,
                              (uint*)(_region + FramePoolLayout.TransmitOffloadWordsOffset));

    /// <summary>Buffer <paramref name="index"/> (the caller checked it with <see cref="FramePoolLayout.IsValidFrame"/>).</summary>
    public byte* Buffer(int index) => _region + Layout.BufferOffset(index);

    // ---- what the driver publishes ----

    public FramePoolState DriverState => (FramePoolState)((SharedWord*)(_region + FramePoolLayout.DriverStateOffset))->Value;

    public bool LinkUp => ((SharedWord*)(_region + FramePoolLayout.LinkUpOffset))->Value != 0;

    public int LinkSpeedMbps => (int)((SharedWord*)(_region + FramePoolLayout.LinkSpeedOffset))->Value;

    public ulong MacAddress => ((SharedCounter*)(_region + FramePoolLayout.MacOffset))->Value;

    /// <summary>What the driver finishes for offloaded frames; a client of an older driver (or none) finishes everything itself.</summary>
    public NicOffloads Offloads => (NicOffloads)((SharedWord*)(_region + FramePoolLayout.OffloadsOffset))->Value;

    /// <summary>The longest frame the driver takes for TCP segmentation (0 without it).</summary>
    public int MaxOffloadFrameLength => (int)((SharedWord*)(_region + FramePoolLayout.MaxOffloadFrameOffset))->Value;

    public void PublishState(FramePoolState state) => ((SharedWord*)(_region + FramePoolLayout.DriverStateOffset))->Value = (uint)state;

    public void PublishLink(bool up, int speedMbps)
    {
        ((SharedWord*)(_region + FramePoolLayout.LinkSpeedOffset))->Value = (uint)speedMbps;
        ((SharedWord*)(_region + FramePoolLayout.LinkUpOffset))->Value = up ? 1u : 0u;
    }

    /// <summary>The driver, before it publishes <see cref="FramePoolState.Attached"/>: what it finishes for the client.</summary>
    public void PublishOffloads(NicOffloads offloads, int maxFrameLength)
    {
        ((SharedWord*)(_region + FramePoolLayout.MaxOffloadFrameOffset))->Value = (offloads & NicOffloads.TcpSegmentation) != 0 ? (uint)maxFrameLength : 0;
        ((SharedWord*)(_region + FramePoolLayout.OffloadsOffset))->Value = (uint)offloads;
    }

    public void PublishMac(ulong mac) => ((SharedCounter*)(_region + FramePoolLayout.MacOffset))->Value = mac;

    public SharedCounter* ReceivedFrames => (SharedCounter*)(_region + FramePoolLayout.ReceivedFramesOffset);
    public SharedCounter* SentFrames => (SharedCounter*)(_region + FramePoolLayout.SentFramesOffset);
    public SharedCounter* ReceiveDropped => (SharedCounter*)(_region + FramePoolLayout.ReceiveDroppedOffset);
    public SharedCounter* TransmitRejected => (SharedCounter*)(_region + FramePoolLayout.TransmitRejectedOffset);
    public SharedCounter* ReceiveWorkTicks => (SharedCounter*)(_region + FramePoolLayout.ReceiveWorkTicksOffset);
    public SharedCounter* TransmitWorkTicks => (SharedCounter*)(_region + FramePoolLayout.TransmitWorkTicksOffset);
    public SharedCounter* WakeupTicks => (SharedCounter*)(_region + FramePoolLayout.WakeupTicksOffset);
    public SharedCounter* RingTicks => (SharedCounter*)(_region + FramePoolLayout.RingTicksOffset);
    public SharedCounter* Wakeups => (SharedCounter*)(_region + FramePoolLayout.WakeupsOffset);
}
