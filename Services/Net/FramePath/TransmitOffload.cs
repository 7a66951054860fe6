namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>
/// What a client asks the NIC to finish for one transmitted Ethernet/IPv4 frame with a TCP or UDP
/// payload (the frame's first entry has <see cref="FrameEntry.Offloaded"/>; the word goes in the
/// transmit slot's offload word). The client leaves the IPv4 header checksum 0 and puts in the TCP
/// or UDP checksum field the folded pseudo-header sum (not complemented): with the upper-layer
/// length for a frame sent whole, with length 0 for one the NIC cuts (each segment's length is
/// added by the NIC), as the 8254x's context descriptors expect.
/// </summary>
public readonly struct TransmitOffload
{
    private const uint ChecksumsBit = 1u << 16;

    private readonly uint _word;

    private TransmitOffload(uint word) => _word = word;

    /// <summary>No offload: the frame goes as it is.</summary>
    public static TransmitOffload None => default;

    /// <summary>Checksums only (the frame is no longer than the MTU).</summary>
    public static TransmitOffload Checksums => new TransmitOffload(ChecksumsBit);

    /// <summary>Checksums, and TCP segmentation into segments of <paramref name="segmentPayload"/> bytes of data each.</summary>
    public static TransmitOffload Segmentation(int segmentPayload) => new TransmitOffload(ChecksumsBit | (ushort)segmentPayload);

    public static TransmitOffload FromWord(uint word) => new TransmitOffload(word);

    public uint Word => _word;

    public bool IsNone => _word == 0;

    public bool FinishesChecksums => (_word & ChecksumsBit) != 0;

    /// <summary>The TCP payload of each segment the NIC cuts; 0 when it does not cut.</summary>
    public int SegmentPayload => (int)(_word & 0xFFFF);
}
