using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;
using CosmosHybrid.Services.Net.Sockets;
using CosmosHybrid.UnitTests.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Sockets;

/// <summary>ICMP destination-unreachable delivered to the UDP socket whose datagram it quotes (the service's OnUnreachable).</summary>
public class UdpPeerErrorTests
{
    private const ushort LocalPort = 40001;

    // The host's UDP side as the service wires it: each bound port's error, found by the quoted source port.
    private sealed class Sockets : IUdpHandler
    {
        public readonly Dictionary<ushort, UdpPeerError> Bound = new Dictionary<ushort, UdpPeerError>();

        public bool OnDatagram(Ipv4Address source, ushort sourcePort, Ipv4Address destination, ushort destinationPort, ReadOnlySpan<byte> payload, long now)
            => Bound.ContainsKey(destinationPort);

        public void OnUnreachable(ushort localPort, Ipv4Address remote, ushort remotePort, byte code, long now)
        {
            if (Bound.TryGetValue(localPort, out UdpPeerError error))
                error.OnUnreachable(remote.Value, remotePort, code);
        }
    }

    // An ICMP destination-unreachable from `from`, quoting the IP header and UDP header of a datagram we sent.
    private static byte[] Unreachable(byte code, Ipv4Address quotedSource, ushort sourcePort, Ipv4Address quotedDestination, ushort destinationPort,
                                      Ipv4Address from)
    {
        var quoted = new byte[28];
        Ipv4Header.Write(quoted, quotedSource, quotedDestination, IpProtocol.Udp, 8, 1);
        Assert.That(UdpDatagram.WriteHeader(quoted.AsSpan(20), quotedSource, quotedDestination, sourcePort, destinationPort, 0), Is.EqualTo(8));
        var icmp = new byte[8 + quoted.Length];
        IcmpMessage.Write(icmp, IcmpMessage.TypeDestinationUnreachable, code, 0, quoted);
        return HostHarness.Ipv4Frame(from, HostHarness.HostIp, IpProtocol.Icmp, icmp);
    }

    private static (HostHarness, UdpPeerError) SocketThatSentTo(Ipv4Address peer, ushort port)
    {
        var harness = new HostHarness();
        var sockets = new Sockets();
        harness.Host.Udp = sockets;
        var error = new UdpPeerError();
        sockets.Bound[LocalPort] = error;
        error.OnSent(peer.Value, port);
        return (harness, error);
    }

    [Test]
    public void PortUnreachableQuotingOurDatagramRefusesTheNextCallOnce()
    {
        var (h, error) = SocketThatSentTo(HostHarness.PeerIp, 9999);
        h.Host.ReceiveFrame(Unreachable(IcmpMessage.CodePortUnreachable, HostHarness.HostIp, LocalPort, HostHarness.PeerIp, 9999, HostHarness.PeerIp), 1);
        Assert.That(error.Pending, Is.EqualTo(NetStatus.ConnectionRefused));
        Assert.That(error.Take(), Is.EqualTo(NetStatus.ConnectionRefused), "the next send or receive reports it");
        Assert.That(error.Take(), Is.EqualTo(NetStatus.Ok), "once");
    }

    [Test]
    public void HostUnreachableFromARouterIsReportedAsSuch()
    {
        var (h, error) = SocketThatSentTo(new Ipv4Address(192, 0, 2, 7), 53);
        h.Host.ReceiveFrame(Unreachable(IcmpMessage.CodeHostUnreachable, HostHarness.HostIp, LocalPort, new Ipv4Address(192, 0, 2, 7), 53,
            HostHarness.GatewayIp), 1);
        Assert.That(error.Take(), Is.EqualTo(NetStatus.HostUnreachable));
    }

    [Test]
    public void ErrorsThatDoNotQuoteOurLastDatagramAreIgnored()
    {
        var (h, error) = SocketThatSentTo(HostHarness.PeerIp, 9999);
        h.Host.ReceiveFrame(Unreachable(IcmpMessage.CodePortUnreachable, HostHarness.HostIp, LocalPort, HostHarness.PeerIp, 9998, HostHarness.PeerIp), 1);
        Assert.That(error.Pending, Is.EqualTo(NetStatus.Ok), "another peer port");
        h.Host.ReceiveFrame(Unreachable(IcmpMessage.CodePortUnreachable, HostHarness.HostIp, LocalPort, HostHarness.GatewayIp, 9999, HostHarness.PeerIp), 2);
        Assert.That(error.Pending, Is.EqualTo(NetStatus.Ok), "another peer address");
        h.Host.ReceiveFrame(Unreachable(IcmpMessage.CodePortUnreachable, HostHarness.HostIp, LocalPort + 1, HostHarness.PeerIp, 9999, HostHarness.PeerIp), 3);
        Assert.That(error.Pending, Is.EqualTo(NetStatus.Ok), "another socket's port");
        h.Host.ReceiveFrame(Unreachable(IcmpMessage.CodePortUnreachable, new Ipv4Address(10, 0, 2, 99), LocalPort, HostHarness.PeerIp, 9999, HostHarness.PeerIp), 4);
        Assert.That(error.Pending, Is.EqualTo(NetStatus.Ok), "a datagram some other host sent");
        h.Host.ReceiveFrame(Unreachable(IcmpMessage.CodeFragmentationNeeded, HostHarness.HostIp, LocalPort, HostHarness.PeerIp, 9999, HostHarness.PeerIp), 5);
        Assert.That(error.Pending, Is.EqualTo(NetStatus.Ok), "fragmentation needed is no error of the peer");

        var fresh = new UdpPeerError();
        Assert.That(fresh.OnUnreachable(HostHarness.PeerIp.Value, 9999, IcmpMessage.CodePortUnreachable), Is.False, "a socket that sent nothing");
    }

    [Test]
    public void EveryCodeMapsToAStatus()
    {
        Assert.That(UdpPeerError.StatusOf(IcmpMessage.CodeNetUnreachable), Is.EqualTo(NetStatus.HostUnreachable));
        Assert.That(UdpPeerError.StatusOf(IcmpMessage.CodeHostUnreachable), Is.EqualTo(NetStatus.HostUnreachable));
        Assert.That(UdpPeerError.StatusOf(IcmpMessage.CodeProtocolUnreachable), Is.EqualTo(NetStatus.ConnectionRefused));
        Assert.That(UdpPeerError.StatusOf(IcmpMessage.CodePortUnreachable), Is.EqualTo(NetStatus.ConnectionRefused));
        Assert.That(UdpPeerError.StatusOf(5), Is.EqualTo(NetStatus.Ok));
        Assert.That(UdpPeerError.StatusOf(13), Is.EqualTo(NetStatus.HostUnreachable), "communication administratively prohibited");
        Assert.That(UdpPeerError.StatusOf(16), Is.EqualTo(NetStatus.Ok));
        Assert.That(UdpPeerError.StatusOf(255), Is.EqualTo(NetStatus.Ok));
    }
}
