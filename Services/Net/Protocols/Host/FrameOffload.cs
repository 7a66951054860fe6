namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// What the NIC is asked to finish for one outgoing IPv4 frame carrying TCP or UDP (see
/// <see cref="IOffloadingFrameOutput"/>): its checksums (the IPv4 header's left 0, the transport
/// checksum field holding the pseudo-header sum, <see cref="InternetChecksum.PseudoHeaderSeed"/>),
/// and for a TCP segment longer than one MSS, cutting it into segments of
/// <see cref="SegmentPayload"/> bytes of data. Default: nothing, the frame is final.
/// </summary>
public readonly struct FrameOffload
{
    public FrameOffload(bool checksums, int segmentPayload)
    {
        Checksums = checksums;
        SegmentPayload = segmentPayload;
    }

    public bool Checksums { get; }

    /// <summary>The data in each segment the NIC cuts; 0 when the frame goes whole.</summary>
    public int SegmentPayload { get; }

    public bool IsNone => !Checksums;

    public static FrameOffload ChecksumsOnly => new FrameOffload(true, 0);
}
