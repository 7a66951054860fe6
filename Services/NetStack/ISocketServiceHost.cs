using CosmosHybrid.Services.Net.Protocols;
using CosmosHybrid.Services.Net.Sockets;

namespace CosmosHybrid.Services.NetStack;

/// <summary>
/// What <see cref="SocketServer"/> needs from the service around it: the protocol core, the resolver,
/// the DHCP and DNS clients' datagrams, and ifconfig's view. <see cref="NetService"/> in the OS; on the
/// host, a harness's service over a TAP device, so the same socket layer runs against Linux's tools.
/// </summary>
internal interface ISocketServiceHost
{
    NetworkHost Host { get; }

    /// <summary>Null until there is an address (and with it the name servers).</summary>
    DnsResolver Resolver { get; }

    bool OnDhcp(System.ReadOnlySpan<byte> payload, long now);

    bool OnDns(Ipv4Address source, ushort sourcePort, System.ReadOnlySpan<byte> payload, long now);

    InterfaceInfo Describe();

    /// <summary>Microseconds since a <see cref="Ticks.Now"/> reading.</summary>
    long MicrosecondsSince(ulong ticks);
}
