using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// Where a connection's segments go: the stack wraps them in IPv4 to the connection's remote
/// address. The span is only valid during the call.
/// </summary>
public interface ITcpOutput
{
    void Transmit(TcpConnection connection, ReadOnlySpan<byte> segment);

    /// <summary>
    /// Where a connection builds a data segment before <see cref="Transmit"/>: the place the output
    /// would copy it to (the stack: its frame, after the Ethernet and IPv4 headers), so a full
    /// segment is not copied once more on its way out. Valid until the next Transmit.
    /// </summary>
    Span<byte> SegmentSpace { get; }
}
