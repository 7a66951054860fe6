using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;

namespace CosmosHybrid.UnitTests.Net.Protocols;

/// <summary>A NetworkHost with its sent frames collected, and a builder for frames from the far side.</summary>
public sealed class HostHarness : IFrameOutput, IUdpHandler, IEchoHandler
{
    public static readonly MacAddress HostMac = new MacAddress(0x52, 0x54, 0, 0x12, 0x34, 0x56);
    public static readonly MacAddress PeerMac = new MacAddress(0x52, 0x55, 0x0A, 0, 2, 2);
    public static readonly MacAddress GatewayMac = new MacAddress(0x52, 0x55, 0x0A, 0, 2, 1);
    public static readonly Ipv4Address HostIp = new Ipv4Address(10, 0, 2, 15);
    public static readonly Ipv4Address PeerIp = new Ipv4Address(10, 0, 2, 2);
    public static readonly Ipv4Address GatewayIp = new Ipv4Address(10, 0, 2, 1);

    public readonly NetworkHost Host;
    public readonly List<byte[]> Frames = new List<byte[]>();
    public readonly List<string> UdpReceived = new List<string>();
    public readonly List<string> Unreachable = new List<string>();
    public readonly List<string> EchoReplies = new List<string>();
    public readonly HashSet<ushort> BoundUdpPorts = new HashSet<ushort>();
    public Action<ReadOnlySpan<byte>> UdpPayloadSink;

    public HostHarness()
    {
        Host = new NetworkHost(HostMac, this, secret: 7) { Udp = this, Echo = this };
        Host.Configure(new IpConfiguration
        {
            Address = HostIp, SubnetMask = new Ipv4Address(255, 255, 255, 0), Gateway = GatewayIp,
        });
    }

    public void SendFrame(ReadOnlySpan<byte> frame) => Frames.Add(frame.ToArray());

    public bool OnDatagram(Ipv4Address source, ushort sourcePort, Ipv4Address destination, ushort destinationPort, ReadOnlySpan<byte> payload, long now)
    {
        UdpPayloadSink?.Invoke(payload);
        if (!BoundUdpPorts.Contains(destinationPort))
            return false;
        UdpReceived.Add(source + ":" + sourcePort + " -> " + destinationPort + " " + payload.Length);
        return true;
    }

    public void OnUnreachable(ushort localPort, Ipv4Address remote, ushort remotePort, byte code, long now)
        => Unreachable.Add(localPort + " " + remote + ":" + remotePort + " code " + code);

    public void OnEchoReply(Ipv4Address source, ushort identifier, ushort sequence, ReadOnlySpan<byte> data, long now)
        => EchoReplies.Add(source + " " + identifier + "/" + sequence + " " + data.Length);

    public List<byte[]> Take()
    {
        var taken = new List<byte[]>(Frames);
        Frames.Clear();
        return taken;
    }

    /// <summary>An IPv4 frame from <paramref name="source"/> to the host, header checksummed.</summary>
    public static byte[] Ipv4Frame(Ipv4Address source, Ipv4Address destination, byte protocol, ReadOnlySpan<byte> payload,
                                   ushort id = 1, ushort flagsAndOffset = Ipv4Header.DontFragmentFlag, MacAddress? from = null)
    {
        var frame = new byte[14 + 20 + payload.Length];
        EthernetFrame.WriteHeader(frame, HostMac, from ?? PeerMac, EtherType.Ipv4);
        Ipv4Header.Write(frame.AsSpan(14), source, destination, protocol, payload.Length, id, 64, flagsAndOffset);
        payload.CopyTo(frame.AsSpan(34));
        return frame;
    }

    public static byte[] EchoRequest(ushort id, ushort sequence, int dataLength, Ipv4Address? source = null)
    {
        var icmp = new byte[8 + dataLength];
        IcmpMessage.WriteEchoRequest(icmp, id, sequence, TcpPeer.Bytes(dataLength));
        return Ipv4Frame(source ?? PeerIp, HostIp, IpProtocol.Icmp, icmp);
    }

    public static byte[] UdpFrame(ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload, Ipv4Address? destination = null)
    {
        var udp = new byte[8 + payload.Length];
        payload.CopyTo(udp.AsSpan(8));
        UdpDatagram.WriteHeader(udp, PeerIp, destination ?? HostIp, sourcePort, destinationPort, payload.Length);
        return Ipv4Frame(PeerIp, destination ?? HostIp, IpProtocol.Udp, udp);
    }

    public static byte[] ArpFrame(ArpPacket packet, MacAddress to)
    {
        var frame = new byte[42];
        EthernetFrame.WriteHeader(frame, to, packet.SenderMac, EtherType.Arp);
        packet.Write(frame.AsSpan(14));
        return frame;
    }
}
