using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace CosmosHybrid.Tools.PacketFuzz;

/// <summary>
/// A seeded stream of frames aimed at one guest: well-formed ARP, ICMP, UDP, TCP, DHCP and DNS
/// frames, most of them then damaged (lengths, checksums, options, flags, fragments, truncation,
/// random bytes). The same seed gives the same frames. About one frame in ten is left well-formed,
/// so that the damaged ones arrive among traffic the stack acts on.
/// </summary>
public sealed class FrameGenerator
{
    public const int MaximumFrame = 1514;

    private static readonly ushort[] TcpPorts = { 7000, 80, 22, 49152, 65535 };
    private static readonly ushort[] UdpPorts = { 68, 67, 53, 7, 49152 };

    private readonly FuzzRandom _random;
    private readonly FuzzTarget _target;
    private readonly Queue<(byte[] Frame, FrameDamage Damage)> _fragments = new();
    private readonly byte[] _payload = new byte[600];
    private readonly byte[] _data = new byte[65_536];
    private ushort _identification;

    public FrameGenerator(ulong seed, FuzzTarget target = null)
    {
        _random = new FuzzRandom(seed);
        _target = target ?? FuzzTarget.QemuUserNetwork;
        _identification = (ushort)seed;
    }

    public FuzzTarget Target => _target;

    /// <summary>Writes the next frame into <paramref name="frame"/> (at least <see cref="MaximumFrame"/> bytes).</summary>
    public FuzzFrame Next(Span<byte> frame)
    {
        if (frame.Length < MaximumFrame)
            throw new ArgumentException("the buffer is shorter than a frame", nameof(frame));
        if (_fragments.Count > 0)
        {
            var (queued, damage) = _fragments.Dequeue();
            queued.CopyTo(frame);
            return new FuzzFrame(queued.Length, FuzzProtocol.Fragment, damage);
        }
        _identification++;
        var protocol = (FuzzProtocol)_random.Next((int)FuzzProtocol.Garbage + 1);
        int length = Build(frame, protocol);
        if (protocol == FuzzProtocol.Fragment)
            return Next(frame);
        if (protocol == FuzzProtocol.Garbage)
        {
            _random.Fill(frame.Slice(12, length - 12));
            return new FuzzFrame(length, protocol, FrameDamage.RandomBytes);
        }
        FrameDamage chosen = _random.Chance(10) ? FrameDamage.None : ChooseDamage(protocol);
        length = Damage(frame, length, protocol, chosen);
        return new FuzzFrame(length, protocol, chosen);
    }

    private int Build(Span<byte> frame, FuzzProtocol protocol)
    {
        var t = _target;
        switch (protocol)
        {
            case FuzzProtocol.Arp:
                bool request = _random.Chance(50);
                ReadOnlySpan<byte> destination = _random.Chance(50) ? t.GuestMac : stackalloc byte[] { 255, 255, 255, 255, 255, 255 };
                return FrameWriter.Arp(frame, destination, (ushort)(request ? 1 : 2), t.PeerMac, t.PeerIp,
                    request ? stackalloc byte[6] : t.GuestMac, t.GuestIp);
            case FuzzProtocol.IcmpEcho:
                return FrameWriter.Icmp(frame, t, 8, 0, _random.NextUInt32(), RandomData(_random.Next(0, 1400)), _identification);
            case FuzzProtocol.Icmp:
                // Unreachable, redirect, time exceeded, parameter problem, timestamp: each quoting some IP header.
                byte[] types = { 3, 5, 11, 12, 13, 0, 4, 9, 10, 14 };
                return FrameWriter.Icmp(frame, t, types[_random.Next(types.Length)], (byte)_random.Next(16), _random.NextUInt32(),
                    RandomData(_random.Next(0, 64)), _identification);
            case FuzzProtocol.Udp:
                return FrameWriter.Udp(frame, t, Pick(UdpPorts), Pick(UdpPorts), RandomData(_random.Next(0, 1472)), _identification);
            case FuzzProtocol.Tcp:
                return BuildTcp(frame);
            case FuzzProtocol.Dhcp:
            {
                Span<byte> payload = _payload.AsSpan();
                int dhcpLength = PayloadWriter.Dhcp(payload, t, _random.NextUInt32(), (byte)_random.Next(1, 9), (uint)_random.Next(0, 100_000));
                return FrameWriter.Udp(frame, t, 67, 68, payload.Slice(0, dhcpLength), _identification);
            }
            case FuzzProtocol.Dns:
            {
                Span<byte> payload = _payload.AsSpan();
                int dnsLength = PayloadWriter.Dns(payload, _random.NextUInt16(), "host.example", _random.Next(0, 5), t.PeerIp);
                return FrameWriter.Udp(frame, t, 53, Pick(UdpPorts), payload.Slice(0, dnsLength), _identification);
            }
            case FuzzProtocol.Fragment:
                QueueFragments();
                return 0;
            default:
                int garbage = _random.Next(FrameWriter.EthernetHeader, MaximumFrame + 1);
                FrameWriter.Ethernet(frame, t.GuestMac, t.PeerMac, _random.Chance(50) ? FrameWriter.TypeIpv4 : _random.NextUInt16());
                return garbage;
        }
    }

    private int BuildTcp(Span<byte> frame)
    {
        Span<byte> options = stackalloc byte[20];
        int optionsLength = 0;
        if (_random.Chance(50))
        {
            // MSS, window scale, SACK permitted, timestamps: what a SYN carries.
            ReadOnlySpan<byte> syn = new byte[] { 2, 4, 0x05, 0xB4, 1, 3, 3, 7, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0 };
            syn.CopyTo(options);
            optionsLength = 20;
        }
        byte[] flagChoices = { 0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14, 0x01 }; // SYN, SYN-ACK, ACK, PSH-ACK, FIN-ACK, RST, RST-ACK, FIN
        byte flags = flagChoices[_random.Next(flagChoices.Length)];
        int dataLength = (flags & 0x02) != 0 ? 0 : _random.Next(0, 1400);
        return FrameWriter.Tcp(frame, _target, (ushort)_random.Next(1024, 65536), Pick(TcpPorts), _random.NextUInt32(), _random.NextUInt32(),
            flags, _random.NextUInt16(), options.Slice(0, optionsLength), RandomData(dataLength), _identification);
    }

    private FrameDamage ChooseDamage(FuzzProtocol protocol)
    {
        int pick = _random.Next(100);
        if (pick < 12) return FrameDamage.ByteFlips;
        if (pick < 20) return FrameDamage.Truncated;
        if (pick < 25) return FrameDamage.TrailingBytes;
        if (protocol == FuzzProtocol.Arp)
            return FrameDamage.ArpFields;
        if (pick < 30) return FrameDamage.BadIpChecksum;
        if (pick < 35) return FrameDamage.BadTransportChecksum;
        if (pick < 43) return FrameDamage.BadIpTotalLength;
        if (pick < 50) return FrameDamage.BadIpHeaderLength;
        if (pick < 53) return FrameDamage.BadIpVersion;
        if (pick < 60) return FrameDamage.IpOptions;
        return protocol switch
        {
            FuzzProtocol.Tcp => pick < 80 ? FrameDamage.TcpFlagsAndOffset : FrameDamage.TcpOptions,
            FuzzProtocol.Dhcp => pick < 70 ? FrameDamage.BadUdpLength : FrameDamage.DhcpOptions,
            FuzzProtocol.Dns => pick < 70 ? FrameDamage.BadUdpLength : FrameDamage.DnsNames,
            FuzzProtocol.Udp => FrameDamage.BadUdpLength,
            _ => FrameDamage.ByteFlips,
        };
    }

    private int Damage(Span<byte> frame, int length, FuzzProtocol protocol, FrameDamage damage)
    {
        Span<byte> ip = frame.Slice(FrameWriter.Ipv4Offset);
        int transport = FrameWriter.Ipv4Offset + (ip[0] & 0x0F) * 4;
        bool fix = true;
        switch (damage)
        {
            case FrameDamage.None:
                return length;
            case FrameDamage.Truncated:
                return _random.Next(1, length);
            case FrameDamage.TrailingBytes:
                int longer = Math.Min(MaximumFrame, length + _random.Next(1, 200));
                _random.Fill(frame.Slice(length, longer - length));
                return longer;
            case FrameDamage.BadIpChecksum:
                ip[10] ^= (byte)_random.Next(1, 256);
                return length;
            case FrameDamage.BadTransportChecksum:
                int checksumAt = protocol switch { FuzzProtocol.Tcp => 16, FuzzProtocol.Icmp or FuzzProtocol.IcmpEcho => 2, _ => 6 };
                frame[transport + checksumAt] ^= (byte)_random.Next(1, 256);
                return length;
            case FrameDamage.BadIpTotalLength:
                ushort total = _random.Next(4) switch { 0 => 0, 1 => (ushort)_random.Next(1, 20), 2 => 0xFFFF, _ => _random.NextUInt16() };
                BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(2), total);
                break;
            case FrameDamage.BadIpHeaderLength:
                ip[0] = (byte)(0x40 | _random.Next(16));
                break;
            case FrameDamage.BadIpVersion:
                ip[0] = (byte)((_random.Next(16) << 4) | (ip[0] & 0x0F));
                break;
            case FrameDamage.IpOptions:
                length = InsertIpOptions(frame, length);
                break;
            case FrameDamage.BadUdpLength:
                BinaryPrimitives.WriteUInt16BigEndian(frame.Slice(transport + 4), _random.Next(3) switch
                {
                    0 => (ushort)_random.Next(0, 8),
                    1 => 0xFFFF,
                    _ => _random.NextUInt16(),
                });
                break;
            case FrameDamage.TcpFlagsAndOffset:
                frame[transport + 13] = _random.NextByte();
                if (_random.Chance(50))
                    frame[transport + 12] = (byte)(_random.Next(16) << 4);
                break;
            case FrameDamage.TcpOptions:
                // Over the options (or the first data bytes): kinds with lengths 0, 1, too long, unterminated.
                int optionsLength = ((frame[transport + 12] >> 4) * 4) - 20;
                int span = Math.Max(4, Math.Min(40, length - transport - 20));
                for (int i = 0; i < span; i++)
                    frame[transport + 20 + i] = _random.Next(4) switch { 0 => (byte)_random.Next(0, 9), 1 => (byte)_random.Next(0, 3), 2 => 0xFF, _ => _random.NextByte() };
                if (optionsLength == 0 && span >= 4)
                    frame[transport + 12] = (byte)(((20 + (span & ~3)) / 4) << 4);
                break;
            case FrameDamage.ArpFields:
                Span<byte> arp = frame.Slice(FrameWriter.EthernetHeader);
                int field = _random.Next(5);
                if (field == 0) BinaryPrimitives.WriteUInt16BigEndian(arp, _random.NextUInt16());
                else if (field == 1) BinaryPrimitives.WriteUInt16BigEndian(arp.Slice(2), _random.NextUInt16());
                else if (field == 2) arp[4] = _random.NextByte();
                else if (field == 3) arp[5] = _random.NextByte();
                else BinaryPrimitives.WriteUInt16BigEndian(arp.Slice(6), _random.NextUInt16());
                return length;
            case FrameDamage.DhcpOptions:
            case FrameDamage.DnsNames:
                // The application payload after the fixed part: option or label bytes of every kind.
                int start = transport + 8 + (damage == FrameDamage.DhcpOptions ? PayloadWriter.DhcpFixedLength + 4 : 12);
                int count = Math.Max(1, Math.Min(32, length - start));
                for (int i = 0; i < count && start + i < length; i++)
                    frame[start + i] = _random.Next(4) switch { 0 => 0xC0, 1 => 0xFF, 2 => (byte)_random.Next(0, 64), _ => _random.NextByte() };
                if (damage == FrameDamage.DnsNames && _random.Chance(30))
                    BinaryPrimitives.WriteUInt16BigEndian(frame.Slice(transport + 8 + 4), _random.NextUInt16()); // question count
                break;
            default: // ByteFlips
                int flips = _random.Next(1, 9);
                for (int i = 0; i < flips; i++)
                    frame[_random.Next(FrameWriter.EthernetHeader, length)] ^= (byte)_random.Next(1, 256);
                fix = _random.Chance(70);
                break;
        }
        if (fix)
            FrameWriter.FixChecksums(frame.Slice(0, length));
        return length;
    }

    /// <summary>Moves the payload back and puts 4 to 40 bytes of options (well-formed or not) in the IPv4 header.</summary>
    private int InsertIpOptions(Span<byte> frame, int length)
    {
        Span<byte> ip = frame.Slice(FrameWriter.Ipv4Offset);
        int headerLength = (ip[0] & 0x0F) * 4;
        int extra = 4 * _random.Next(1, 11 - (headerLength - 20) / 4);
        int moved = Math.Min(length - FrameWriter.Ipv4Offset - headerLength, MaximumFrame - length - extra + (length - FrameWriter.Ipv4Offset - headerLength));
        moved = Math.Max(0, Math.Min(moved, MaximumFrame - FrameWriter.Ipv4Offset - headerLength - extra));
        ip.Slice(headerLength, moved).CopyTo(ip.Slice(headerLength + extra));
        Span<byte> options = ip.Slice(headerLength, extra);
        for (int i = 0; i < extra; i++)
            options[i] = _random.Next(5) switch { 0 => 1, 1 => 0, 2 => 7, 3 => 0x44, _ => _random.NextByte() }; // NOP, end, record route, timestamp
        ip[0] = (byte)(0x40 | ((headerLength + extra) / 4));
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(2), (ushort)(BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(2)) + extra));
        return FrameWriter.Ipv4Offset + headerLength + extra + moved;
    }

    /// <summary>
    /// A UDP or ICMP datagram up to 64 KiB cut into fragments that are queued for the next calls: in
    /// order, shuffled, overlapping, duplicated, with one missing, or reaching past 65 535 bytes.
    /// </summary>
    private void QueueFragments()
    {
        FrameDamage damage = _random.Next(4) switch
        {
            0 => FrameDamage.None,
            1 => FrameDamage.FragmentOverlap,
            2 => FrameDamage.FragmentBeyondMaximum,
            _ => FrameDamage.FragmentIncomplete,
        };
        int payloadLength = _random.Chance(80) ? _random.Next(16, 6000) : _random.Next(6000, 65_515);
        // The whole datagram built as one (too big) frame, then cut; its checksum covers all of it.
        var whole = new byte[FrameWriter.EthernetHeader + 20 + payloadLength];
        if (_random.Chance(50))
            FrameWriter.Udp(whole, _target, 49152, 7, RandomData(payloadLength - 8), _identification);
        else
            FrameWriter.Icmp(whole, _target, 8, 0, _random.NextUInt32(), RandomData(payloadLength - 8), _identification);
        byte protocol = whole[FrameWriter.Ipv4Offset + 9];
        ReadOnlySpan<byte> body = whole.AsSpan(FrameWriter.Ipv4Offset + 20);

        var pieces = new List<(int Offset, int Length)>();
        int maximumPiece = 1480;
        for (int offset = 0; offset < body.Length;)
        {
            int piece = Math.Min(body.Length - offset, 8 * _random.Next(1, maximumPiece / 8 + 1));
            pieces.Add((offset, piece));
            offset += piece;
        }
        if (damage == FrameDamage.FragmentOverlap && pieces.Count > 0)
        {
            for (int i = 0; i < 1 + _random.Next(3); i++)
            {
                var copy = pieces[_random.Next(pieces.Count)];
                int shift = 8 * _random.Next(-4, 5);
                int offset = Math.Clamp(copy.Offset + shift, 0, Math.Max(0, body.Length - 8) & ~7);
                pieces.Add((offset, Math.Min(copy.Length, body.Length - offset)));
            }
        }
        if (damage == FrameDamage.FragmentIncomplete && pieces.Count > 1)
            pieces.RemoveAt(_random.Next(pieces.Count));
        if (damage == FrameDamage.FragmentBeyondMaximum)
            pieces.Add((0xFFF8 - 8 * _random.Next(0, 4), Math.Min(body.Length, 8 * _random.Next(1, 180))));
        if (_random.Chance(50))
            for (int i = pieces.Count - 1; i > 0; i--)
            {
                int j = _random.Next(i + 1);
                (pieces[i], pieces[j]) = (pieces[j], pieces[i]);
            }
        foreach (var (offset, pieceLength) in pieces)
        {
            int length = offset < body.Length ? Math.Min(pieceLength, body.Length - offset) : pieceLength;
            if (length <= 0)
                continue;
            bool last = offset + length >= body.Length && offset < body.Length;
            var frame = new byte[FrameWriter.Ipv4Offset + 20 + length];
            ushort flagsAndOffset = (ushort)((last ? 0 : 0x2000) | ((offset / 8) & 0x1FFF));
            int at = FrameWriter.Ipv4(frame, _target, protocol, length, _identification, flagsAndOffset);
            ReadOnlySpan<byte> source = offset + length <= body.Length ? body.Slice(offset, length) : RandomData(length);
            source.CopyTo(frame.AsSpan(at));
            _fragments.Enqueue((frame, damage));
        }
    }

    /// <summary>A port from <paramref name="choices"/> or any other but 0 (which only damage puts in).</summary>
    private ushort Pick(ushort[] choices) => _random.Chance(70) ? choices[_random.Next(choices.Length)] : (ushort)_random.Next(1, 65536);

    private ReadOnlySpan<byte> RandomData(int length)
    {
        Span<byte> data = _data.AsSpan(0, Math.Min(length, _data.Length));
        _random.Fill(data);
        return data;
    }
}
