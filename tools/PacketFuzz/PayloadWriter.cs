using System;
using System.Buffers.Binary;

namespace CosmosHybrid.Tools.PacketFuzz;

/// <summary>Well-formed DHCP (RFC 2131) server messages and DNS (RFC 1035) responses, for UDP payloads.</summary>
public static class PayloadWriter
{
    public const int DhcpFixedLength = 236;
    public static readonly byte[] DhcpMagicCookie = { 99, 130, 83, 99 };

    /// <summary>A BOOTREPLY to the guest's MAC (an offer, ack or nak by <paramref name="messageType"/>); returns its length.</summary>
    public static int Dhcp(Span<byte> payload, FuzzTarget target, uint transactionId, byte messageType, uint leaseSeconds)
    {
        payload.Slice(0, DhcpFixedLength).Clear();
        payload[0] = 2; // BOOTREPLY
        payload[1] = 1;
        payload[2] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(payload.Slice(4), transactionId);
        target.GuestIp.CopyTo(payload.Slice(16));   // yiaddr
        target.PeerIp.CopyTo(payload.Slice(20));    // siaddr
        target.GuestMac.CopyTo(payload.Slice(28));  // chaddr
        int at = DhcpFixedLength;
        DhcpMagicCookie.CopyTo(payload.Slice(at));
        at += 4;
        at = Option(payload, at, 53, stackalloc byte[] { messageType });
        at = Option(payload, at, 54, target.PeerIp);
        Span<byte> lease = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(lease, leaseSeconds);
        at = Option(payload, at, 51, lease);
        at = Option(payload, at, 1, stackalloc byte[] { 255, 255, 255, 0 });
        at = Option(payload, at, 3, target.PeerIp);
        payload[at++] = 255;
        return at;
    }

    private static int Option(Span<byte> payload, int at, byte code, ReadOnlySpan<byte> value)
    {
        payload[at] = code;
        payload[at + 1] = (byte)value.Length;
        value.CopyTo(payload.Slice(at + 2));
        return at + 2 + value.Length;
    }

    /// <summary>A response to an A query for <paramref name="name"/> with <paramref name="answers"/> A records (compressed names).</summary>
    public static int Dns(Span<byte> payload, ushort identifier, string name, int answers, ReadOnlySpan<byte> address)
    {
        BinaryPrimitives.WriteUInt16BigEndian(payload, identifier);
        BinaryPrimitives.WriteUInt16BigEndian(payload.Slice(2), 0x8180); // response, recursion desired and available
        BinaryPrimitives.WriteUInt16BigEndian(payload.Slice(4), 1);
        BinaryPrimitives.WriteUInt16BigEndian(payload.Slice(6), (ushort)answers);
        BinaryPrimitives.WriteUInt32BigEndian(payload.Slice(8), 0);
        int at = 12;
        foreach (string label in name.Split('.'))
        {
            payload[at++] = (byte)label.Length;
            foreach (char c in label)
                payload[at++] = (byte)c;
        }
        payload[at++] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(payload.Slice(at), 0x0001_0001); // type A, class IN
        at += 4;
        for (int i = 0; i < answers; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(payload.Slice(at), 0xC00C); // the question's name
            BinaryPrimitives.WriteUInt32BigEndian(payload.Slice(at + 2), 0x0001_0001);
            BinaryPrimitives.WriteUInt32BigEndian(payload.Slice(at + 6), 300);
            BinaryPrimitives.WriteUInt16BigEndian(payload.Slice(at + 10), 4);
            address.CopyTo(payload.Slice(at + 12));
            at += 16;
        }
        return at;
    }
}
