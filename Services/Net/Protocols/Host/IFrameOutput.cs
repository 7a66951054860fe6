using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>Where finished Ethernet frames go (the driver's transmit ring); the span is valid during the call only.</summary>
public interface IFrameOutput
{
    void SendFrame(ReadOnlySpan<byte> frame);
}
