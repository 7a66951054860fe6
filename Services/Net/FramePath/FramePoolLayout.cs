namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>
/// The shared region a client lends the NIC driver once, at attach: a control page, then a
/// pool of frame buffers. The control page holds the geometry, what the driver publishes
/// (its state, the MAC, the link, counters) and two rings of buffer indices: receive (the
/// driver produces, the client consumes) and transmit (the client produces, the driver consumes).
/// </summary>
/// <remarks>
/// Offsets in the control page: 0 geometry (magic, version, ring capacity, buffer count and
/// size); 64 driver info; 256 and 512 the receive and transmit ring controls (head, tail
/// and the two waiting flags, each in its own 64-byte line); 1024 and 2048 their entries
/// (4 bytes each, at most <see cref="MaxRingCapacity"/>); 3072 the transmit ring's offload words
/// (one per slot, <see cref="TransmitOffload"/>). Buffers start at 4096.
/// </remarks>
public readonly struct FramePoolLayout
{
    public const uint Magic = 0x5043_494E; // "NICP"
    public const uint Version = 2;
    public const int PageSize = 4096;
    public const int MaxRingCapacity = 256;
    public const int MinBufferSize = 1536;   // a whole Ethernet frame without its CRC (1514) fits
    public const int MaxBufferSize = 4096;
    public const int MaxBuffers = 4096;

    public const int MagicOffset = 0;
    public const int VersionOffset = 4;
    public const int RingCapacityOffset = 8;
    public const int BufferCountOffset = 12;
    public const int BufferSizeOffset = 16;

    /// <summary>Driver info: written by the driver only.</summary>
    public const int DriverStateOffset = 64;
    public const int LinkUpOffset = 68;
    public const int LinkSpeedOffset = 72;
    public const int MacOffset = 80;            // ulong, the low 48 bits
    public const int ReceivedFramesOffset = 96; // ulong counters
    public const int SentFramesOffset = 104;
    public const int ReceiveDroppedOffset = 112;
    public const int TransmitRejectedOffset = 120;

    /// <summary>Time-stamp-counter ticks the driver spent: per-frame work each way, and whole wake-ups (with their count).</summary>
    public const int ReceiveWorkTicksOffset = 128;
    public const int TransmitWorkTicksOffset = 136;
    public const int WakeupTicksOffset = 144;
    public const int WakeupsOffset = 152;
    /// <summary>The part of the wake-ups' ticks the driver spent on the shared rings (taking and publishing entries).</summary>
    public const int RingTicksOffset = 160;
    /// <summary>What the driver finishes for offloaded frames (<see cref="NicOffloads"/>), and the longest frame it takes for segmentation.</summary>
    public const int OffloadsOffset = 168;
    public const int MaxOffloadFrameOffset = 172;

    public const int ReceiveRingOffset = 256;
    public const int TransmitRingOffset = 512;
    public const int ReceiveEntriesOffset = 1024;
    public const int TransmitEntriesOffset = 2048;
    public const int TransmitOffloadWordsOffset = 3072;
    public const int BuffersOffset = PageSize;

    public int RingCapacity { get; }
    public int BufferCount { get; }
    public int BufferSize { get; }

    public FramePoolLayout(int ringCapacity, int bufferCount, int bufferSize)
    {
        RingCapacity = ringCapacity;
        BufferCount = bufferCount;
        BufferSize = bufferSize;
    }

    /// <summary>The region's length: the control page and the buffers, rounded up to whole pages.</summary>
    public long TotalBytes => (BuffersOffset + (long)BufferCount * BufferSize + PageSize - 1) / PageSize * PageSize;

    /// <summary>
    /// A geometry both sides can use: a power-of-two ring capacity of 8 to <see cref="MaxRingCapacity"/>,
    /// buffers of <see cref="MinBufferSize"/> to <see cref="MaxBufferSize"/> bytes (a multiple of 64),
    /// and enough buffers for every slot of both rings.
    /// </summary>
    public bool IsValid =>
        RingCapacity >= 8 && RingCapacity <= MaxRingCapacity && (RingCapacity & (RingCapacity - 1)) == 0
        && BufferSize >= MinBufferSize && BufferSize <= MaxBufferSize && BufferSize % 64 == 0
        && BufferCount >= 2 * RingCapacity && BufferCount <= MaxBuffers;

    /// <summary>The offset of buffer <paramref name="index"/> in the region (the caller checked the index).</summary>
    public long BufferOffset(int index) => BuffersOffset + (long)index * BufferSize;

    /// <summary>The longest frame a client may hand over in several entries: an IPv4 packet of 64 KiB less one byte in its Ethernet frame.</summary>
    public const int MaxFrameLength = 14 + 65535;

    /// <summary>The entries a frame of <paramref name="length"/> bytes takes (its parts fill whole buffers but the last).</summary>
    public int PartsFor(int length) => length <= BufferSize ? 1 : (length + BufferSize - 1) / BufferSize;

    /// <summary>True when <paramref name="index"/> names a buffer and <paramref name="length"/> fits in one.</summary>
    public bool IsValidFrame(int index, int length) => (uint)index < (uint)BufferCount && (uint)length <= (uint)BufferSize;
}
