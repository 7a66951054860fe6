using System;

namespace CosmosHybrid.Services.Net.FramePath;

/// <summary>What a NIC driver finishes for the frames a client hands it; published in the pool at attach (none: the client does it all).</summary>
[Flags]
public enum NicOffloads : uint
{
    None = 0,
    /// <summary>The IPv4 header checksum and the TCP or UDP checksum of a frame marked <see cref="FrameEntry.Offloaded"/>.</summary>
    TransmitChecksums = 1 << 0,
    /// <summary>TCP segmentation: one frame of up to the published maximum length, cut at the MSS its offload word gives.</summary>
    TcpSegmentation = 1 << 1,
}
