using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// A frame output whose NIC can finish frames (a driver that announced offloads when the stack
/// attached). What it offers can change whenever the driver changes (a restart): read it per frame.
/// </summary>
public interface IOffloadingFrameOutput : IFrameOutput
{
    /// <summary>True when the NIC inserts IPv4 and TCP/UDP checksums.</summary>
    bool FinishesChecksums { get; }

    /// <summary>The longest Ethernet frame the NIC cuts into TCP segments; 0 when it does not.</summary>
    int MaxSegmentationFrame { get; }

    /// <summary>Sends a frame the NIC finishes as <paramref name="offload"/> says (the output was asked first what it offers).</summary>
    void SendFrame(ReadOnlySpan<byte> frame, FrameOffload offload);
}
