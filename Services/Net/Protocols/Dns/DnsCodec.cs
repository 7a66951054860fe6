using System;

namespace CosmosHybrid.Services.Net.Protocols;

/// <summary>The DNS response code (RFC 1035 4.1.1).</summary>
public enum DnsResponseCode
{
    NoError = 0,
    FormatError = 1,
    ServerFailure = 2,
    NameError = 3,
    NotImplemented = 4,
    Refused = 5,
}

/// <summary>
/// DNS messages (RFC 1035) for A lookups: writes a one-question query and reads the A records of a
/// response, following CNAMEs inside it. Names are checked as they are read: compression pointers
/// may only point backwards (so they cannot loop), a name is at most 255 bytes, every length must
/// stay inside the message. Names are compared case-insensitively in wire form.
/// </summary>
public static class DnsCodec
{
    public const int HeaderLength = 12;
    public const int MaxNameLength = 255;
    public const ushort TypeA = 1;
    public const ushort TypeCname = 5;
    public const ushort ClassIn = 1;
    private const int MaxPointers = 32;

    /// <summary>
    /// Encodes a dotted name as labels into <paramref name="destination"/>; returns the length, or 0
    /// for an empty label, a label over 63 bytes, a name over 255 bytes or a non-ASCII character.
    /// </summary>
    public static int EncodeName(ReadOnlySpan<char> name, Span<byte> destination)
    {
        if (name.Length > 0 && name[name.Length - 1] == '.')
            name = name.Slice(0, name.Length - 1);
        if (name.Length == 0 || name.Length + 2 > MaxNameLength || destination.Length < name.Length + 2)
            return 0;
        int written = 0;
        int start = 0;
        for (int i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && name[i] != '.')
            {
                if (name[i] > 0x7E || name[i] <= ' ')
                    return 0;
                continue;
            }
            int label = i - start;
            if (label == 0 || label > 63)
                return 0;
            destination[written++] = (byte)label;
            for (int j = start; j < i; j++)
                destination[written++] = (byte)name[j];
            start = i + 1;
        }
        destination[written++] = 0;
        return written;
    }

    /// <summary>Writes a recursive query for the A records of <paramref name="name"/>; returns its length or 0.</summary>
    public static int WriteQuery(Span<byte> destination, ushort id, ReadOnlySpan<char> name)
    {
        if (destination.Length < HeaderLength + 4)
            return 0;
        int nameLength = EncodeName(name, destination.Slice(HeaderLength, destination.Length - HeaderLength - 4));
        if (nameLength == 0)
            return 0;
        destination.Slice(0, HeaderLength).Clear();
        destination[0] = (byte)(id >> 8);
        destination[1] = (byte)id;
        destination[2] = 0x01; // RD: recursion desired
        destination[5] = 1;    // QDCOUNT
        int at = HeaderLength + nameLength;
        destination[at] = 0;
        destination[at + 1] = (byte)TypeA;
        destination[at + 2] = 0;
        destination[at + 3] = (byte)ClassIn;
        return at + 4;
    }

    /// <summary>
    /// Reads the (possibly compressed) name at <paramref name="offset"/> into
    /// <paramref name="name"/> as uncompressed labels ending in a zero byte. <paramref name="next"/>
    /// is the offset after the name where it stands (after its first pointer, if any).
    /// </summary>
    public static ParseStatus ReadName(ReadOnlySpan<byte> message, int offset, Span<byte> name, out int nameLength, out int next)
    {
        nameLength = 0;
        next = -1;
        int pointers = 0;
        int position = offset;
        // Pointers must go strictly backwards from the label they are found in: no loop can form.
        int limit = offset;
        while (true)
        {
            if (position >= message.Length)
                return ParseStatus.Truncated;
            int length = message[position];
            if ((length & 0xC0) == 0xC0)
            {
                if (position + 1 >= message.Length)
                    return ParseStatus.Truncated;
                int target = ((length & 0x3F) << 8) | message[position + 1];
                if (next < 0)
                    next = position + 2;
                if (target >= limit || ++pointers > MaxPointers)
                    return ParseStatus.BadField;
                position = target;
                limit = target;
                continue;
            }
            if ((length & 0xC0) != 0)
                return ParseStatus.Unsupported; // the obsolete extended label types
            if (nameLength + 1 + length > MaxNameLength || nameLength + 1 + length > name.Length)
                return ParseStatus.BadLength;
            if (position + 1 + length > message.Length)
                return ParseStatus.Truncated;
            name[nameLength++] = (byte)length;
            if (length == 0)
            {
                if (next < 0)
                    next = position + 1;
                return ParseStatus.Ok;
            }
            for (int i = 0; i < length; i++)
                name[nameLength++] = message[position + 1 + i];
            position += 1 + length;
        }
    }

    /// <summary>Compares two names in label form, ASCII case ignored.</summary>
    public static bool NamesEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
            return false;
        for (int i = 0; i < left.Length; i++)
        {
            int a = left[i], b = right[i];
            if (a >= 'A' && a <= 'Z') a += 32;
            if (b >= 'A' && b <= 'Z') b += 32;
            if (a != b)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Reads a response to the query <paramref name="id"/> for <paramref name="queryName"/> (label
    /// form, as <see cref="EncodeName"/> made it). A records of the name, or of a name a CNAME in
    /// the answer leads to, go to <paramref name="addresses"/> (as many as fit) with the smallest TTL.
    /// <paramref name="scratch"/> needs two names' room (512 bytes).
    /// </summary>
    public static ParseStatus ParseResponse(ReadOnlySpan<byte> message, ushort id, ReadOnlySpan<byte> queryName, Span<byte> scratch,
                                            Span<Ipv4Address> addresses, out int count, out uint ttl, out DnsResponseCode code)
    {
        count = 0;
        ttl = uint.MaxValue;
        code = DnsResponseCode.NoError;
        if (message.Length < HeaderLength)
            return ParseStatus.Truncated;
        if (scratch.Length < 2 * MaxNameLength + 2)
            return ParseStatus.BadLength;
        if (((message[0] << 8) | message[1]) != id)
            return ParseStatus.BadField;
        byte flags = message[2];
        if ((flags & 0x80) == 0 || (flags & 0x78) != 0)
            return ParseStatus.BadField; // not a response, or not a standard query
        if ((flags & 0x02) != 0)
            return ParseStatus.Unsupported; // truncated: the answer would need TCP
        code = (DnsResponseCode)(message[3] & 0x0F);
        int questions = (message[4] << 8) | message[5];
        int answers = (message[6] << 8) | message[7];
        if (questions != 1)
            return ParseStatus.BadField;

        var current = scratch.Slice(0, 256);
        var owner = scratch.Slice(256);
        var status = ReadName(message, HeaderLength, owner, out int ownerLength, out int at);
        if (status != ParseStatus.Ok)
            return status;
        if (!NamesEqual(owner.Slice(0, ownerLength), queryName))
            return ParseStatus.BadField;
        if (at + 4 > message.Length)
            return ParseStatus.Truncated;
        if (((message[at] << 8) | message[at + 1]) != TypeA || ((message[at + 2] << 8) | message[at + 3]) != ClassIn)
            return ParseStatus.BadField;
        at += 4;
        queryName.CopyTo(current);
        int currentLength = queryName.Length;

        for (int i = 0; i < answers; i++)
        {
            status = ReadName(message, at, owner, out ownerLength, out at);
            if (status != ParseStatus.Ok)
                return status;
            if (at + 10 > message.Length)
                return ParseStatus.Truncated;
            int type = (message[at] << 8) | message[at + 1];
            int @class = (message[at + 2] << 8) | message[at + 3];
            uint recordTtl = ((uint)message[at + 4] << 24) | ((uint)message[at + 5] << 16) | ((uint)message[at + 6] << 8) | message[at + 7];
            int dataLength = (message[at + 8] << 8) | message[at + 9];
            int data = at + 10;
            if (data + dataLength > message.Length)
                return ParseStatus.Truncated;
            at = data + dataLength;
            // RFC 2181: a TTL with the top bit set is read as zero.
            if ((recordTtl & 0x8000_0000u) != 0)
                recordTtl = 0;
            if (@class != ClassIn || !NamesEqual(owner.Slice(0, ownerLength), current.Slice(0, currentLength)))
                continue;
            if (type == TypeA)
            {
                if (dataLength != 4)
                    return ParseStatus.BadLength;
                if (count < addresses.Length)
                    addresses[count++] = Ipv4Address.Read(message.Slice(data));
                ttl = Math.Min(ttl, recordTtl);
            }
            else if (type == TypeCname)
            {
                status = ReadName(message, data, current, out currentLength, out int end);
                if (status != ParseStatus.Ok)
                    return status;
                if (end > data + dataLength)
                    return ParseStatus.BadLength; // the name runs out of its record
                ttl = Math.Min(ttl, recordTtl);
            }
        }
        if (count == 0)
            ttl = 0;
        return ParseStatus.Ok;
    }
}
