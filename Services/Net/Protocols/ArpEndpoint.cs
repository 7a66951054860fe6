using System;
using System.Collections.Generic;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// The interface's ARP side: answers requests for our address, learns from what arrives (RFC 826's
/// merge rule), and writes requests and gratuitous announcements as whole Ethernet frames.
/// </summary>
public sealed class ArpEndpoint
{
    public const int FrameLength = EthernetFrame.HeaderLength + ArpPacket.Length;

    private readonly NetStatistics _statistics;

    public ArpCache Cache { get; }
    public MacAddress Mac { get; }
    public Ipv4Address Address { get; private set; }

    public ArpEndpoint(MacAddress mac, ArpCache cache, NetStatistics statistics)
    {
        Mac = mac;
        Cache = cache;
        _statistics = statistics;
    }

    /// <summary>
    /// Takes a new address; returns the length of the gratuitous ARP frame written to
    /// <paramref name="frame"/> (0 when the address is "any" or did not change).
    /// </summary>
    public int SetAddress(Ipv4Address address, Span<byte> frame)
    {
        if (address == Address)
            return 0;
        Address = address;
        return address.IsAny ? 0 : WriteFrame(frame, MacAddress.Broadcast, ArpPacket.Announcement(Mac, address));
    }

    /// <summary>
    /// Handles the ARP payload of a received frame. Returns the length of a reply frame written to
    /// <paramref name="reply"/>, or 0. Packets that were waiting on the sender go to <paramref name="released"/>.
    /// </summary>
    public int Receive(ReadOnlySpan<byte> payload, long now, Span<byte> reply, List<byte[]> released)
    {
        _statistics.Arp.Received++;
        if (!_statistics.Arp.Count(ArpPacket.TryParse(payload, out var packet)))
            return 0;
        if (packet.SenderMac == Mac)
        {
            // Our own frame reflected, or someone claiming our hardware address: ignore.
            _statistics.Arp.Dropped++;
            return 0;
        }
        bool forUs = !Address.IsAny && packet.TargetIp == Address;
        if (!packet.SenderIp.IsAny)
            Cache.Update(packet.SenderIp, packet.SenderMac, now, forUs, released);
        if (forUs && packet.Operation == ArpPacket.OperationRequest)
        {
            _statistics.Arp.Sent++;
            _statistics.Arp.Delivered++;
            return WriteFrame(reply, packet.SenderMac,
                              new ArpPacket(ArpPacket.OperationReply, Mac, Address, packet.SenderMac, packet.SenderIp));
        }
        if (forUs)
            _statistics.Arp.Delivered++;
        return 0;
    }

    /// <summary>Writes a broadcast request for <paramref name="wanted"/>.</summary>
    public int WriteRequest(Span<byte> frame, Ipv4Address wanted)
    {
        _statistics.Arp.Sent++;
        return WriteFrame(frame, MacAddress.Broadcast, ArpPacket.Request(Mac, Address, wanted));
    }

    private int WriteFrame(Span<byte> frame, MacAddress to, ArpPacket packet)
    {
        if (frame.Length < FrameLength)
            return 0;
        EthernetFrame.WriteHeader(frame, to, Mac, EtherType.Arp);
        packet.Write(frame.Slice(EthernetFrame.HeaderLength));
        return FrameLength;
    }
}
