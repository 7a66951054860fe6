using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>The socket layer's side of UDP: datagrams for bound ports and the ICMP errors that concern them.</summary>
public interface IUdpHandler
{
    /// <summary>True when some socket took the datagram; false makes the host answer "port unreachable".</summary>
    bool OnDatagram(Ipv4Address source, ushort sourcePort, Ipv4Address destination, ushort destinationPort, ReadOnlySpan<byte> payload, long now);

    /// <summary>An ICMP destination-unreachable quoting a datagram we sent from <paramref name="localPort"/>.</summary>
    void OnUnreachable(ushort localPort, Ipv4Address remote, ushort remotePort, byte code, long now);
}
