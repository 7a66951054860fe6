using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// Where a connection's segments go: the stack wraps them in IPv4 to the connection's remote
/// address. The span is only valid during the call.
/// </summary>
public interface ITcpOutput
{
    void Transmit(TcpConnection connection, ReadOnlySpan<byte> segment);
}
