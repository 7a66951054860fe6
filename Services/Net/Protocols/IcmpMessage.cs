using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>An ICMP message (RFC 792): type, code, the four header bytes after the checksum, and the body.</summary>
public readonly ref struct IcmpMessage
{
    public const int HeaderLength = 8;
    public const byte TypeEchoReply = 0;
    public const byte TypeDestinationUnreachable = 3;
    public const byte TypeEchoRequest = 8;
    public const byte TypeTimeExceeded = 11;
    public const byte CodeNetUnreachable = 0;
    public const byte CodeHostUnreachable = 1;
    public const byte CodeProtocolUnreachable = 2;
    public const byte CodePortUnreachable = 3;
    public const byte CodeFragmentationNeeded = 4;

    public readonly byte Type;
    public readonly byte Code;
    /// <summary>Bytes 4-7: identifier and sequence for echo, unused (or next-hop MTU) for errors.</summary>
    public readonly uint Rest;
    public readonly ReadOnlySpan<byte> Body;

    private IcmpMessage(byte type, byte code, uint rest, ReadOnlySpan<byte> body)
    {
        Type = type;
        Code = code;
        Rest = rest;
        Body = body;
    }

    public ushort Identifier => (ushort)(Rest >> 16);
    public ushort Sequence => (ushort)Rest;
    public bool IsError => Type == TypeDestinationUnreachable || Type == TypeTimeExceeded || Type == 4 || Type == 5 || Type == 12;

    public static ParseStatus TryParse(ReadOnlySpan<byte> data, out IcmpMessage message)
    {
        message = default;
        if (data.Length < HeaderLength)
            return ParseStatus.Truncated;
        if (InternetChecksum.Compute(data) != 0)
            return ParseStatus.BadChecksum;
        uint rest = ((uint)data[4] << 24) | ((uint)data[5] << 16) | ((uint)data[6] << 8) | data[7];
        message = new IcmpMessage(data[0], data[1], rest, data.Slice(HeaderLength));
        return ParseStatus.Ok;
    }

    /// <summary>
    /// For an error message: the quoted datagram's header and its first eight payload bytes (the
    /// ports of UDP and TCP). The quoted header is not checksummed again (routers may change it),
    /// but its lengths must hold.
    /// </summary>
    public ParseStatus TryParseQuoted(out Ipv4Address source, out Ipv4Address destination, out byte protocol,
                                      out ushort sourcePort, out ushort destinationPort)
    {
        source = default;
        destination = default;
        protocol = 0;
        sourcePort = 0;
        destinationPort = 0;
        var body = Body;
        if (body.Length < Ipv4Header.MinLength)
            return ParseStatus.Truncated;
        if ((body[0] >> 4) != 4)
            return ParseStatus.Unsupported;
        int headerLength = (body[0] & 0xF) * 4;
        if (headerLength < Ipv4Header.MinLength)
            return ParseStatus.BadLength;
        if (body.Length < headerLength + 8)
            return ParseStatus.Truncated;
        protocol = body[9];
        source = Ipv4Address.Read(body.Slice(12));
        destination = Ipv4Address.Read(body.Slice(16));
        sourcePort = (ushort)((body[headerLength] << 8) | body[headerLength + 1]);
        destinationPort = (ushort)((body[headerLength + 2] << 8) | body[headerLength + 3]);
        return ParseStatus.Ok;
    }

    /// <summary>Bytes 4-7 of the quoted transport header: the sequence number for TCP. Call after <see cref="TryParseQuoted"/> succeeded.</summary>
    public uint QuotedSequence
    {
        get
        {
            int headerLength = (Body[0] & 0xF) * 4;
            return ((uint)Body[headerLength + 4] << 24) | ((uint)Body[headerLength + 5] << 16) | ((uint)Body[headerLength + 6] << 8)
                   | Body[headerLength + 7];
        }
    }

    /// <summary>Writes a whole message with checksum; returns its length or 0 when it does not fit.</summary>
    public static int Write(Span<byte> destination, byte type, byte code, uint rest, ReadOnlySpan<byte> body)
    {
        int length = HeaderLength + body.Length;
        if (destination.Length < length)
            return 0;
        destination[0] = type;
        destination[1] = code;
        destination[2] = 0;
        destination[3] = 0;
        destination[4] = (byte)(rest >> 24);
        destination[5] = (byte)(rest >> 16);
        destination[6] = (byte)(rest >> 8);
        destination[7] = (byte)rest;
        body.CopyTo(destination.Slice(HeaderLength));
        ushort checksum = InternetChecksum.Compute(destination.Slice(0, length));
        destination[2] = (byte)(checksum >> 8);
        destination[3] = (byte)checksum;
        return length;
    }

    /// <summary>An echo reply to <paramref name="request"/>: same identifier, sequence and data.</summary>
    public static int WriteEchoReply(Span<byte> destination, in IcmpMessage request)
        => Write(destination, TypeEchoReply, 0, request.Rest, request.Body);

    public static int WriteEchoRequest(Span<byte> destination, ushort identifier, ushort sequence, ReadOnlySpan<byte> data)
        => Write(destination, TypeEchoRequest, 0, ((uint)identifier << 16) | sequence, data);

    /// <summary>
    /// Destination unreachable quoting the offending datagram: its header and the first eight bytes
    /// of its payload (RFC 792), as <paramref name="offendingPacket"/> holds them.
    /// </summary>
    public static int WriteDestinationUnreachable(Span<byte> destination, byte code, ReadOnlySpan<byte> offendingPacket, int offendingHeaderLength)
    {
        int quoted = Math.Min(offendingPacket.Length, offendingHeaderLength + 8);
        return Write(destination, TypeDestinationUnreachable, code, 0, offendingPacket.Slice(0, quoted));
    }
}
