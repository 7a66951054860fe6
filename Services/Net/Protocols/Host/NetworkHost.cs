using System;
using System.Collections.Generic;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>
/// One Ethernet interface's IPv4 host: frames in (Ethernet, ARP, IPv4 with reassembly, ICMP, UDP,
/// TCP) and packets out (routing to the gateway, ARP resolution with queued packets). Every
/// malformed or unwanted frame is dropped and counted in <see cref="Statistics"/>. The net
/// service drives it with frames from the driver's ring, <see cref="Poll"/> at
/// <see cref="NextDeadline"/>, and the socket calls.
/// </summary>
public sealed class NetworkHost : ITcpOutput
{
    private const int Mtu = 1500;
    private readonly IFrameOutput _output;
    /// <summary>The longest IPv4 packet: room for a TCP segment the NIC cuts (TSO) is kept once, here.</summary>
    private const int MaxPacket = 65535;
    private readonly byte[] _frame = new byte[EthernetFrame.HeaderLength + MaxPacket];
    private readonly byte[] _reply = new byte[2048]; // ARP frames at 0, replies built from 200 on
    private readonly List<byte[]> _released = new List<byte[]>();
    private readonly List<Ipv4Address> _retry = new List<Ipv4Address>();
    private ushort _identification;
    private IpConfiguration _configuration;
    private long _now;

    public MacAddress Mac { get; }
    public NetStatistics Statistics { get; }
    public ArpEndpoint Arp { get; }
    public Ipv4Reassembler Reassembler { get; }
    public TcpEndpointTable Tcp { get; }
    public IUdpHandler Udp { get; set; }
    public IEchoHandler Echo { get; set; }
    /// <summary>Answer echo requests (ping) addressed to us.</summary>
    public bool AnswerEcho { get; set; } = true;

    public NetworkHost(MacAddress mac, IFrameOutput output, uint secret, NetStatistics statistics = null)
    {
        Mac = mac;
        _output = output;
        Statistics = statistics ?? new NetStatistics();
        Arp = new ArpEndpoint(mac, new ArpCache(Statistics), Statistics);
        Reassembler = new Ipv4Reassembler(Statistics);
        Tcp = new TcpEndpointTable(this, Statistics, secret);
        _identification = (ushort)secret;
    }

    public IpConfiguration Configuration => _configuration;

    /// <summary>
    /// The time TCP's own sends use for ARP; every entry point sets it, and the socket layer sets
    /// it before calling a connection directly.
    /// </summary>
    public long Now { get => _now; set => _now = value; }

    /// <summary>Takes a new configuration (from DHCP or static); a new address is announced by gratuitous ARP.</summary>
    public void Configure(IpConfiguration configuration)
    {
        _configuration = configuration;
        int length = Arp.SetAddress(configuration.Address, _frame);
        if (length > 0)
            _output.SendFrame(_frame.AsSpan(0, length));
    }

    // ---- receive ----

    public void ReceiveFrame(ReadOnlySpan<byte> frame, long now)
    {
        _now = now;
        Statistics.Ethernet.Received++;
        if (!Statistics.Ethernet.Count(EthernetFrame.TryParse(frame, out var ethernet)))
            return;
        if (ethernet.Destination != Mac && !ethernet.Destination.IsBroadcast)
        {
            Statistics.Ethernet.Dropped++;
            return;
        }
        Statistics.Ethernet.Delivered++;
        switch (ethernet.EtherType)
        {
            case EtherType.Arp:
                int length = Arp.Receive(ethernet.Payload, now, _reply, _released);
                if (length > 0)
                    _output.SendFrame(_reply.AsSpan(0, length));
                FlushReleased(now);
                break;
            case EtherType.Ipv4:
                ReceiveIpv4(ethernet.Payload, now);
                break;
            default:
                Statistics.Ethernet.Unsupported++;
                break;
        }
    }

    private void ReceiveIpv4(ReadOnlySpan<byte> packet, long now)
    {
        var counters = Statistics.Ipv4;
        counters.Received++;
        if (!counters.Count(Ipv4Header.TryParse(packet, out var header, out var payload)))
            return;
        bool configured = _configuration.IsConfigured;
        bool broadcast = header.Destination.IsBroadcast
                         || (configured && (header.Destination.Value | _configuration.SubnetMask.Value) == 0xFFFF_FFFFu
                             && header.Destination.SameNetwork(_configuration.Address, _configuration.SubnetMask));
        bool forUs = broadcast || (configured && header.Destination == _configuration.Address);
        // Before an address is leased, DHCP's unicast offers must still get through.
        if (!forUs && !(!configured && header.Protocol == IpProtocol.Udp))
        {
            counters.Dropped++;
            return;
        }
        if (header.Source.IsBroadcast || header.Source.IsMulticast)
        {
            counters.BadField++;
            return;
        }

        if (header.IsFragment)
        {
            var status = Reassembler.Add(header, payload, now, out byte[] whole, out int wholeLength);
            if (status != ReassemblyStatus.Complete)
            {
                if (status == ReassemblyStatus.Invalid)
                    counters.BadLength++;
                return;
            }
            payload = whole.AsSpan(0, wholeLength);
        }
        counters.Delivered++;
        switch (header.Protocol)
        {
            case IpProtocol.Icmp:
                ReceiveIcmp(header, packet, payload, broadcast, now);
                break;
            case IpProtocol.Udp:
                ReceiveUdp(header, packet, payload, broadcast, now);
                break;
            case IpProtocol.Tcp:
                if (broadcast)
                {
                    Statistics.Tcp.Dropped++;
                    break;
                }
                Tcp.Receive(header.Source, header.Destination, payload, now, _reply.AsSpan(200), out int resetLength);
                if (resetLength > 0)
                    SendIpv4(header.Source, IpProtocol.Tcp, _reply.AsSpan(200, resetLength), now);
                break;
            default:
                counters.Unsupported++;
                if (!broadcast && !header.IsFragment)
                    SendUnreachable(header, packet, IcmpMessage.CodeProtocolUnreachable, now);
                break;
        }
    }

    private void ReceiveIcmp(in Ipv4Header header, ReadOnlySpan<byte> packet, ReadOnlySpan<byte> payload, bool broadcast, long now)
    {
        var counters = Statistics.Icmp;
        counters.Received++;
        if (!counters.Count(IcmpMessage.TryParse(payload, out var message)))
            return;
        counters.Delivered++;
        switch (message.Type)
        {
            case IcmpMessage.TypeEchoRequest:
                if (!AnswerEcho || broadcast)
                    return;
                if (payload.Length > _reply.Length - 200)
                    return;
                int length = IcmpMessage.WriteEchoReply(_reply.AsSpan(200), message);
                SendIpv4(header.Source, IpProtocol.Icmp, _reply.AsSpan(200, length), now);
                return;
            case IcmpMessage.TypeEchoReply:
                Echo?.OnEchoReply(header.Source, message.Identifier, message.Sequence, message.Body, now);
                return;
            case IcmpMessage.TypeDestinationUnreachable:
                if (message.TryParseQuoted(out var source, out var destination, out byte protocol, out ushort sourcePort,
                                           out ushort destinationPort) != ParseStatus.Ok)
                {
                    counters.Truncated++;
                    return;
                }
                if (source != _configuration.Address)
                    return;
                if (protocol == IpProtocol.Udp)
                    Udp?.OnUnreachable(sourcePort, destination, destinationPort, message.Code, now);
                else if (protocol == IpProtocol.Tcp)
                    Tcp.OnIcmpUnreachable(source, sourcePort, destination, destinationPort, message.Code, message.QuotedSequence, now);
                return;
        }
    }

    private void ReceiveUdp(in Ipv4Header header, ReadOnlySpan<byte> packet, ReadOnlySpan<byte> payload, bool broadcast, long now)
    {
        var counters = Statistics.Udp;
        counters.Received++;
        if (!counters.Count(UdpDatagram.TryParse(payload, header.Source, header.Destination, out var datagram)))
            return;
        if (Udp != null && Udp.OnDatagram(header.Source, datagram.SourcePort, header.Destination, datagram.DestinationPort, datagram.Payload, now))
        {
            counters.Delivered++;
            return;
        }
        counters.Dropped++;
        // RFC 1122 3.2.2: no ICMP error for broadcasts or for fragments after the first.
        if (!broadcast && _configuration.IsConfigured && header.Destination == _configuration.Address && !header.IsFragment)
            SendUnreachable(header, packet, IcmpMessage.CodePortUnreachable, now);
    }

    private void SendUnreachable(in Ipv4Header header, ReadOnlySpan<byte> packet, byte code, long now)
    {
        int length = IcmpMessage.WriteDestinationUnreachable(_reply.AsSpan(200), code, packet.Slice(0, header.TotalLength), header.HeaderLength);
        if (length > 0)
        {
            Statistics.Icmp.Sent++;
            SendIpv4(header.Source, IpProtocol.Icmp, _reply.AsSpan(200, length), now);
        }
    }

    // ---- send ----

    /// <summary>
    /// Sends an IPv4 packet with <paramref name="payload"/> (at most 1480 bytes: no fragmentation
    /// on send, except a TCP segment the NIC cuts, <paramref name="offload"/>). False when it cannot
    /// go (no address, too big, no room to queue for ARP).
    /// </summary>
    public bool SendIpv4(Ipv4Address destination, byte protocol, ReadOnlySpan<byte> payload, long now, Ipv4Address source = default,
                         FrameOffload offload = default)
    {
        _now = now;
        if (source.IsAny)
            source = _configuration.Address;
        int limit = offload.SegmentPayload > 0 ? _frame.Length - EthernetFrame.HeaderLength - Ipv4Header.MinLength : Mtu - Ipv4Header.MinLength;
        if (payload.Length > limit || (!offload.IsNone && Offloading == null))
            return false;
        int ipOffset = EthernetFrame.HeaderLength;
        int header = Ipv4Header.Write(_frame.AsSpan(ipOffset), source, destination, protocol, payload.Length, _identification++,
                                      checksum: offload.IsNone);
        // The NIC gives each segment it cuts the next identification.
        if (offload.SegmentPayload > 0)
            _identification += (ushort)(SegmentsOf(payload, offload.SegmentPayload) - 1);
        Span<byte> place = _frame.AsSpan(ipOffset + header, payload.Length);
        if (payload != place)
            payload.CopyTo(place); // a TCP segment built in ITcpOutput.SegmentSpace is there already
        int length = ipOffset + header + payload.Length;
        Statistics.Ipv4.Sent++;

        MacAddress mac;
        if (destination.IsBroadcast || (_configuration.IsConfigured && (destination.Value | _configuration.SubnetMask.Value) == 0xFFFF_FFFFu))
        {
            mac = MacAddress.Broadcast;
        }
        else
        {
            var nextHop = destination;
            if (_configuration.IsConfigured && !destination.SameNetwork(_configuration.Address, _configuration.SubnetMask)
                && !_configuration.Gateway.IsAny)
                nextHop = _configuration.Gateway;
            switch (Arp.Cache.Resolve(nextHop, now, out mac))
            {
                case ArpResolution.Resolved:
                    break;
                case ArpResolution.SendRequest:
                    if (!FinishInSoftware(offload, length))
                        return false;
                    Arp.Cache.Enqueue(nextHop, _frame.AsSpan(0, length));
                    int request = Arp.WriteRequest(_reply, nextHop);
                    _output.SendFrame(_reply.AsSpan(0, request));
                    return true;
                case ArpResolution.Waiting:
                    if (!FinishInSoftware(offload, length))
                        return false;
                    Arp.Cache.Enqueue(nextHop, _frame.AsSpan(0, length));
                    return true;
                default:
                    Statistics.ArpPendingDropped++;
                    return false;
            }
        }
        EthernetFrame.WriteHeader(_frame, mac, Mac, EtherType.Ipv4);
        if (offload.IsNone)
            _output.SendFrame(_frame.AsSpan(0, length));
        else
            Offloading.SendFrame(_frame.AsSpan(0, length), offload);
        return true;
    }

    /// <summary>The output when it finishes frames (a NIC with offloads), else null.</summary>
    private IOffloadingFrameOutput Offloading => _output as IOffloadingFrameOutput;

    private static int SegmentsOf(ReadOnlySpan<byte> tcpSegment, int segmentPayload)
    {
        int data = tcpSegment.Length - (tcpSegment[12] >> 4) * 4;
        return Math.Max(1, (data + segmentPayload - 1) / segmentPayload);
    }

    /// <summary>
    /// A frame waiting for ARP is sent later as it is (<see cref="FlushReleased"/>): one the NIC was
    /// to finish gets its checksums here. One it was to cut is dropped (TCP sends it again, an MSS at a time).
    /// </summary>
    private bool FinishInSoftware(FrameOffload offload, int length)
    {
        if (offload.IsNone)
            return true;
        if (offload.SegmentPayload > 0)
        {
            Statistics.ArpPendingDropped++;
            return false;
        }
        OffloadedChecksums.Finish(_frame.AsSpan(EthernetFrame.HeaderLength, length - EthernetFrame.HeaderLength));
        return true;
    }

    /// <summary>Sends a UDP datagram; false when it cannot go.</summary>
    public bool SendUdp(ushort sourcePort, Ipv4Address destination, ushort destinationPort, ReadOnlySpan<byte> payload, long now,
                        Ipv4Address source = default)
    {
        if (source.IsAny)
            source = _configuration.Address;
        int length = UdpDatagram.HeaderLength + payload.Length;
        if (length > Mtu - Ipv4Header.MinLength)
            return false;
        var datagram = _reply.AsSpan(200, length);
        payload.CopyTo(datagram.Slice(UdpDatagram.HeaderLength));
        UdpDatagram.WriteHeader(datagram, source, destination, sourcePort, destinationPort, payload.Length);
        Statistics.Udp.Sent++;
        return SendIpv4(destination, IpProtocol.Udp, datagram, now, source);
    }

    public bool SendEchoRequest(Ipv4Address destination, ushort identifier, ushort sequence, ReadOnlySpan<byte> data, long now)
    {
        if (IcmpMessage.HeaderLength + data.Length > Mtu - Ipv4Header.MinLength)
            return false;
        int length = IcmpMessage.WriteEchoRequest(_reply.AsSpan(200), identifier, sequence, data);
        Statistics.Icmp.Sent++;
        return SendIpv4(destination, IpProtocol.Icmp, _reply.AsSpan(200, length), now);
    }

    void ITcpOutput.Transmit(TcpConnection connection, ReadOnlySpan<byte> segment, FrameOffload offload)
        => SendIpv4(connection.RemoteAddress, IpProtocol.Tcp, segment, _now, connection.LocalAddress, offload);

    TcpOffload ITcpOutput.Offload
    {
        get
        {
            IOffloadingFrameOutput output = Offloading;
            if (output == null || !output.FinishesChecksums)
                return default;
            int longest = Math.Min(output.MaxSegmentationFrame, _frame.Length) - EthernetFrame.HeaderLength - Ipv4Header.MinLength;
            return new TcpOffload(true, longest > Mtu - Ipv4Header.MinLength ? longest : 0);
        }
    }

    // Where SendIpv4 puts an IPv4 payload of ours (its header has no options).
    Span<byte> ITcpOutput.SegmentSpace => _frame.AsSpan(EthernetFrame.HeaderLength + Ipv4Header.MinLength);

    // ---- time ----

    /// <summary>Runs ARP retries and expiry, reassembly time-outs and TCP timers; returns the next deadline.</summary>
    public long Poll(long now)
    {
        _now = now;
        _retry.Clear();
        Arp.Cache.Poll(now, _retry);
        foreach (var address in _retry)
        {
            int length = Arp.WriteRequest(_reply, address);
            _output.SendFrame(_reply.AsSpan(0, length));
        }
        Reassembler.Expire(now);
        return Tcp.Poll(now);
    }

    private void FlushReleased(long now)
    {
        foreach (var packet in _released)
        {
            // Packets queued while resolving are whole frames still missing their Ethernet header.
            if (EthernetFrame.HeaderLength + Ipv4Header.MinLength > packet.Length)
                continue;
            var destination = Ipv4Address.Read(packet.AsSpan(EthernetFrame.HeaderLength + 16));
            var nextHop = destination;
            if (_configuration.IsConfigured && !destination.SameNetwork(_configuration.Address, _configuration.SubnetMask)
                && !_configuration.Gateway.IsAny)
                nextHop = _configuration.Gateway;
            if (Arp.Cache.Resolve(nextHop, now, out var mac) != ArpResolution.Resolved)
                continue;
            EthernetFrame.WriteHeader(packet, mac, Mac, EtherType.Ipv4);
            _output.SendFrame(packet);
        }
        _released.Clear();
    }
}
