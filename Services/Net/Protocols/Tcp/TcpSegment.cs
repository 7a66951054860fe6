using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>A TCP segment (RFC 9293 3.1) inside an IPv4 payload.</summary>
public readonly ref struct TcpSegment
{
    public const int MinHeaderLength = 20;
    public const int MaxHeaderLength = 60;

    public readonly ushort SourcePort;
    public readonly ushort DestinationPort;
    public readonly uint Sequence;
    public readonly uint Acknowledgment;
    public readonly byte Flags;
    public readonly ushort Window;
    public readonly TcpOptions Options;
    public readonly ReadOnlySpan<byte> Payload;

    public TcpSegment(ushort sourcePort, ushort destinationPort, uint sequence, uint acknowledgment, byte flags, ushort window,
                      TcpOptions options, ReadOnlySpan<byte> payload)
    {
        SourcePort = sourcePort;
        DestinationPort = destinationPort;
        Sequence = sequence;
        Acknowledgment = acknowledgment;
        Flags = flags;
        Window = window;
        Options = options;
        Payload = payload;
    }

    public bool Has(byte flag) => (Flags & flag) != 0;

    /// <summary>Sequence space the segment occupies: its data plus one each for SYN and FIN.</summary>
    public int SequenceLength => Payload.Length + (Has(TcpFlags.Syn) ? 1 : 0) + (Has(TcpFlags.Fin) ? 1 : 0);

    public static ParseStatus TryParse(ReadOnlySpan<byte> segment, Ipv4Address source, Ipv4Address destination, out TcpSegment result)
    {
        result = default;
        if (segment.Length < MinHeaderLength)
            return ParseStatus.Truncated;
        int headerLength = (segment[12] >> 4) * 4;
        if (headerLength < MinHeaderLength)
            return ParseStatus.BadLength;
        if (headerLength > segment.Length)
            return ParseStatus.Truncated;
        if (InternetChecksum.ComputeWithPseudoHeader(source, destination, IpProtocol.Tcp, segment) != 0)
            return ParseStatus.BadChecksum;
        ushort sourcePort = (ushort)((segment[0] << 8) | segment[1]);
        ushort destinationPort = (ushort)((segment[2] << 8) | segment[3]);
        if (sourcePort == 0 || destinationPort == 0)
            return ParseStatus.BadField;
        byte flags = segment[13];
        // SYN with FIN or RST is never valid; neither is a segment without ACK, SYN or RST.
        if ((flags & TcpFlags.Syn) != 0 && (flags & (TcpFlags.Fin | TcpFlags.Rst)) != 0)
            return ParseStatus.BadField;
        var status = TcpOptions.TryParse(segment.Slice(MinHeaderLength, headerLength - MinHeaderLength), out var options);
        if (status != ParseStatus.Ok)
            return status;
        result = new TcpSegment(sourcePort, destinationPort, TcpOptions.ReadUInt32(segment.Slice(4)), TcpOptions.ReadUInt32(segment.Slice(8)),
                                flags, (ushort)((segment[14] << 8) | segment[15]), options, segment.Slice(headerLength));
        return ParseStatus.Ok;
    }

    /// <summary>
    /// Writes a whole segment (header, options, payload, checksum over the pseudo-header).
    /// Returns its length, or 0 when it does not fit or the options are too long.
    /// </summary>
    public static int Write(Span<byte> destination, Ipv4Address source, Ipv4Address destinationAddress, ushort sourcePort,
                            ushort destinationPort, uint sequence, uint acknowledgment, byte flags, ushort window,
                            in TcpOptions options, ReadOnlySpan<byte> payload)
    {
        int headerLength = HeaderLengthFor(options);
        if (headerLength < 0 || destination.Length < headerLength + payload.Length)
            return 0;
        payload.CopyTo(destination.Slice(headerLength));
        return WriteAroundPayload(destination, source, destinationAddress, sourcePort, destinationPort, sequence, acknowledgment,
                                  flags, window, options, payload.Length);
    }

    /// <summary>The header length <paramref name="options"/> give, or -1 when they do not fit in 40 bytes.</summary>
    public static int HeaderLengthFor(in TcpOptions options)
    {
        int optionsLength = options.WrittenLength;
        return optionsLength > 40 ? -1 : MinHeaderLength + optionsLength;
    }

    /// <summary>
    /// Like <see cref="Write"/> for a payload already in place at destination[HeaderLengthFor(options)..]:
    /// the send path copies data from its buffer straight there.
    /// </summary>
    public static int WriteAroundPayload(Span<byte> destination, Ipv4Address source, Ipv4Address destinationAddress, ushort sourcePort,
                                         ushort destinationPort, uint sequence, uint acknowledgment, byte flags, ushort window,
                                         in TcpOptions options, int payloadLength, TcpChecksumMode checksumMode = TcpChecksumMode.Full)
    {
        int headerLength = HeaderLengthFor(options);
        int length = headerLength + payloadLength;
        if (headerLength < 0 || payloadLength < 0 || destination.Length < length)
            return 0;
        destination[0] = (byte)(sourcePort >> 8);
        destination[1] = (byte)sourcePort;
        destination[2] = (byte)(destinationPort >> 8);
        destination[3] = (byte)destinationPort;
        TcpOptions.WriteUInt32(destination.Slice(4), sequence);
        TcpOptions.WriteUInt32(destination.Slice(8), acknowledgment);
        destination[12] = (byte)((headerLength / 4) << 4);
        destination[13] = flags;
        destination[14] = (byte)(window >> 8);
        destination[15] = (byte)window;
        destination[16] = 0;
        destination[17] = 0;
        destination[18] = 0;
        destination[19] = 0;
        options.Write(destination.Slice(MinHeaderLength));
        ushort checksum = checksumMode switch
        {
            TcpChecksumMode.PseudoHeader => InternetChecksum.PseudoHeaderSeed(source, destinationAddress, IpProtocol.Tcp, length),
            TcpChecksumMode.PseudoHeaderWithoutLength => InternetChecksum.PseudoHeaderSeed(source, destinationAddress, IpProtocol.Tcp, 0),
            _ => InternetChecksum.ComputeWithPseudoHeader(source, destinationAddress, IpProtocol.Tcp, destination.Slice(0, length)),
        };
        destination[16] = (byte)(checksum >> 8);
        destination[17] = (byte)checksum;
        return length;
    }

    /// <summary>
    /// The reset RFC 9293 3.10.7.1 answers a segment for no connection with: SEQ=SEG.ACK when it
    /// carried an ACK, else SEQ=0 with ACK=SEG.SEQ+SEG.LEN. Returns 0 for a RST (never answered).
    /// </summary>
    public static int WriteResetFor(Span<byte> destination, in TcpSegment segment, Ipv4Address local, Ipv4Address remote)
    {
        if (segment.Has(TcpFlags.Rst))
            return 0;
        var none = TcpOptions.None;
        if (segment.Has(TcpFlags.Ack))
            return Write(destination, local, remote, segment.DestinationPort, segment.SourcePort, segment.Acknowledgment, 0,
                         TcpFlags.Rst, 0, none, default);
        return Write(destination, local, remote, segment.DestinationPort, segment.SourcePort, 0,
                     segment.Sequence + (uint)segment.SequenceLength, TcpFlags.Rst | TcpFlags.Ack, 0, none, default);
    }
}
