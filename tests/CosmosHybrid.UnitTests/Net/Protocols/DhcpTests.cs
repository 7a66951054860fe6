using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

public class DhcpTests
{
    private static readonly MacAddress Mac = new MacAddress(0x52, 0x54, 0, 0x12, 0x34, 0x56);
    private static readonly Ipv4Address ServerAddress = new Ipv4Address(10, 0, 2, 2);
    private static readonly Ipv4Address Offered = new Ipv4Address(10, 0, 2, 15);

    /// <summary>A server reply laid out by hand from RFC 2131 figure 1 and the RFC 2132 options.</summary>
    private static byte[] Reply(DhcpMessageType type, uint xid, Ipv4Address yours, uint lease = 86400, uint t1 = 0, uint t2 = 0,
                                MacAddress? mac = null, params byte[] extraOptions)
    {
        var bytes = new byte[240];
        bytes[0] = 2;
        bytes[1] = 1;
        bytes[2] = 6;
        bytes[4] = (byte)(xid >> 24);
        bytes[5] = (byte)(xid >> 16);
        bytes[6] = (byte)(xid >> 8);
        bytes[7] = (byte)xid;
        yours.Write(bytes.AsSpan(16));
        (mac ?? Mac).Write(bytes.AsSpan(28));
        bytes[236] = 99;
        bytes[237] = 130;
        bytes[238] = 83;
        bytes[239] = 99;
        var options = new List<byte>(bytes);
        // Two pad options after the server identifier: the parser must step over them.
        options.AddRange(new byte[] { 53, 1, (byte)type, 54, 4, 10, 0, 2, 2, 0, 0, 1, 4, 255, 255, 255, 0, 3, 4, 10, 0, 2, 2 });
        options.AddRange(new byte[] { 6, 8, 10, 0, 2, 3, 8, 8, 8, 8 });
        options.AddRange(new byte[] { 51, 4, (byte)(lease >> 24), (byte)(lease >> 16), (byte)(lease >> 8), (byte)lease });
        if (t1 != 0)
            options.AddRange(new byte[] { 58, 4, (byte)(t1 >> 24), (byte)(t1 >> 16), (byte)(t1 >> 8), (byte)t1 });
        if (t2 != 0)
            options.AddRange(new byte[] { 59, 4, (byte)(t2 >> 24), (byte)(t2 >> 16), (byte)(t2 >> 8), (byte)t2 });
        options.AddRange(extraOptions);
        options.Add(255);
        return options.ToArray();
    }

    private static uint Xid(byte[] message) => ((uint)message[4] << 24) | ((uint)message[5] << 16) | ((uint)message[6] << 8) | message[7];

    private static int Option(byte[] message, int length, byte code)
    {
        for (int at = 240; at < length && message[at] != 255;)
        {
            if (message[at] == 0) { at++; continue; }
            if (message[at] == code)
                return at + 2;
            at += 2 + message[at + 1];
        }
        return -1;
    }

    [Test]
    public void ParsesEveryOptionTheClientUses()
    {
        Assert.That(DhcpMessage.TryParse(Reply(DhcpMessageType.Offer, 0x11223344, Offered, 3600, 1000, 2000), out var message), Is.EqualTo(ParseStatus.Ok));
        Assert.That(message.Type, Is.EqualTo(DhcpMessageType.Offer));
        Assert.That(message.TransactionId, Is.EqualTo(0x11223344u));
        Assert.That(message.YourAddress, Is.EqualTo(Offered));
        Assert.That(message.ClientMac, Is.EqualTo(Mac));
        Assert.That(message.ServerIdentifier, Is.EqualTo(ServerAddress));
        Assert.That(message.SubnetMask, Is.EqualTo(new Ipv4Address(255, 255, 255, 0)));
        Assert.That(message.Router, Is.EqualTo(ServerAddress));
        Assert.That(message.DnsCount, Is.EqualTo(2));
        Assert.That(message.Dns(1), Is.EqualTo(new Ipv4Address(8, 8, 8, 8)));
        Assert.That(message.LeaseSeconds, Is.EqualTo(3600u));
        Assert.That(message.RenewalSeconds, Is.EqualTo(1000u));
        Assert.That(message.RebindingSeconds, Is.EqualTo(2000u));
    }

    [Test]
    public void RejectsShortAndLyingMessages()
    {
        var good = Reply(DhcpMessageType.Ack, 1, Offered);
        Assert.That(DhcpMessage.TryParse(good.AsSpan(0, 239), out _), Is.EqualTo(ParseStatus.Truncated));
        Assert.That(DhcpMessage.TryParse(With(good, 0, 1), out _), Is.EqualTo(ParseStatus.BadField), "a request, not a reply");
        Assert.That(DhcpMessage.TryParse(With(good, 2, 16), out _), Is.EqualTo(ParseStatus.Unsupported), "hardware length");
        Assert.That(DhcpMessage.TryParse(With(good, 239, 0), out _), Is.EqualTo(ParseStatus.BadField), "magic cookie");
        Assert.That(DhcpMessage.TryParse(With(good, 241, 2), out _), Is.EqualTo(ParseStatus.BadLength), "message type of two bytes");
        Assert.That(DhcpMessage.TryParse(With(good, 244, 3), out _), Is.EqualTo(ParseStatus.BadLength), "server id of three bytes");
        Assert.That(DhcpMessage.TryParse(With(good, 244, 200), out _), Is.EqualTo(ParseStatus.Truncated), "option past the end");
        Assert.That(DhcpMessage.TryParse(With(good, 264, 7), out _), Is.EqualTo(ParseStatus.BadLength), "DNS list not a multiple of four");
        Assert.That(DhcpMessage.TryParse(good.AsSpan(0, 241), out _), Is.EqualTo(ParseStatus.Truncated), "option code with no length");
        Assert.That(DhcpMessage.TryParse(good.AsSpan(0, 240), out _), Is.EqualTo(ParseStatus.BadField), "BOOTP: no message type");
    }

    private static byte[] With(byte[] original, int index, byte value)
    {
        var copy = (byte[])original.Clone();
        copy[index] = value;
        return copy;
    }

    [Test]
    public void DiscoverCarriesTheRfcFields()
    {
        var buffer = new byte[600];
        int length = DhcpMessage.WriteClient(buffer, DhcpMessageType.Discover, 0xCAFEBABE, Mac, 3, default, default, default, true);
        Assert.That(length, Is.EqualTo(300));
        Assert.That(buffer.AsSpan(0, 12).ToArray(), Is.EqualTo(new byte[] { 1, 1, 6, 0, 0xCA, 0xFE, 0xBA, 0xBE, 0, 3, 0x80, 0 }));
        Assert.That(buffer.AsSpan(28, 6).ToArray(), Is.EqualTo(new byte[] { 0x52, 0x54, 0, 0x12, 0x34, 0x56 }));
        Assert.That(buffer.AsSpan(236, 4).ToArray(), Is.EqualTo(new byte[] { 99, 130, 83, 99 }));
        Assert.That(buffer[Option(buffer, length, 53)], Is.EqualTo((byte)DhcpMessageType.Discover));
        Assert.That(Option(buffer, length, 50), Is.EqualTo(-1), "no requested address");
        Assert.That(buffer[Option(buffer, length, 61) - 1], Is.EqualTo(7), "client id: type and MAC");
    }

    private sealed class Harness
    {
        public readonly DhcpClient Client;
        public readonly byte[] Buffer = new byte[600];
        public int Length;
        public Ipv4Address Destination;

        public Harness(IpConfiguration fallback = default)
            => Client = new DhcpClient(Mac, seed: 99, new NetStatistics(), fallback, fallbackAfterMs: 30_000);

        public bool Poll(long now) => Client.Poll(now, Buffer, out Length, out Destination);
        public DhcpMessageType SentType => (DhcpMessageType)Buffer[Option(Buffer, Length, 53)];
        public uint SentXid => Xid(Buffer);
    }

    private static Harness BoundClient(uint lease = 1000)
    {
        var h = new Harness();
        h.Client.Start(0);
        Assert.That(h.Poll(0), Is.True);
        Assert.That(h.SentType, Is.EqualTo(DhcpMessageType.Discover));
        Assert.That(h.Destination, Is.EqualTo(Ipv4Address.Broadcast));
        h.Client.Receive(Reply(DhcpMessageType.Offer, h.SentXid, Offered, lease), 100);
        Assert.That(h.Client.State, Is.EqualTo(DhcpClientState.Requesting));
        Assert.That(h.Poll(100), Is.True);
        Assert.That(h.SentType, Is.EqualTo(DhcpMessageType.Request));
        Assert.That(Ipv4Address.Read(h.Buffer.AsSpan(Option(h.Buffer, h.Length, 50))), Is.EqualTo(Offered));
        Assert.That(Ipv4Address.Read(h.Buffer.AsSpan(Option(h.Buffer, h.Length, 54))), Is.EqualTo(ServerAddress));
        h.Client.Receive(Reply(DhcpMessageType.Ack, h.SentXid, Offered, lease), 200);
        Assert.That(h.Client.State, Is.EqualTo(DhcpClientState.Bound));
        return h;
    }

    [Test]
    public void FullExchangeBindsTheLease()
    {
        var h = BoundClient();
        var configuration = h.Client.Configuration;
        Assert.That(configuration.Address, Is.EqualTo(Offered));
        Assert.That(configuration.Gateway, Is.EqualTo(ServerAddress));
        Assert.That(configuration.SubnetMask, Is.EqualTo(new Ipv4Address(255, 255, 255, 0)));
        Assert.That(configuration.Dns0, Is.EqualTo(new Ipv4Address(10, 0, 2, 3)));
        Assert.That(h.Client.RenewAt, Is.EqualTo(200 + 500_000), "T1 = half the lease");
        Assert.That(h.Client.RebindAt, Is.EqualTo(200 + 875_000), "T2 = 7/8 of the lease");
        Assert.That(h.Client.LeaseExpiresAt, Is.EqualTo(200 + 1_000_000));
        Assert.That(h.Client.ConfigurationVersion, Is.EqualTo(1));
    }

    [Test]
    public void DiscoverBacksOffAndIgnoresOtherTransactions()
    {
        var h = new Harness();
        h.Client.Start(0);
        h.Poll(0);
        uint xid = h.SentXid;
        Assert.That(h.Poll(3999), Is.False);
        Assert.That(h.Poll(4000), Is.True, "4 s");
        Assert.That(h.Poll(11_999), Is.False);
        Assert.That(h.Poll(12_000), Is.True, "then 8 s");
        Assert.That(h.SentXid, Is.EqualTo(xid), "same transaction while selecting");
        h.Client.Receive(Reply(DhcpMessageType.Offer, xid + 1, Offered), 12_001);
        h.Client.Receive(Reply(DhcpMessageType.Offer, xid, Offered, mac: new MacAddress(2, 0, 0, 0, 0, 1)), 12_001);
        h.Client.Receive(Reply(DhcpMessageType.Offer, xid, Ipv4Address.Broadcast), 12_001);
        Assert.That(h.Client.State, Is.EqualTo(DhcpClientState.Selecting));
    }

    [Test]
    public void RenewsAtT1UnicastAndRebindsAtT2Broadcast()
    {
        var h = BoundClient(lease: 1000);
        Assert.That(h.Poll(500_199), Is.False);
        Assert.That(h.Poll(500_200), Is.True);
        Assert.That(h.Client.State, Is.EqualTo(DhcpClientState.Renewing));
        Assert.That(h.Destination, Is.EqualTo(ServerAddress), "renewal goes to the server");
        Assert.That(Ipv4Address.Read(h.Buffer.AsSpan(12)), Is.EqualTo(Offered), "ciaddr set");
        Assert.That(Option(h.Buffer, h.Length, 50), Is.EqualTo(-1), "no requested-address option when renewing");

        Assert.That(h.Poll(875_200), Is.True);
        Assert.That(h.Client.State, Is.EqualTo(DhcpClientState.Rebinding));
        Assert.That(h.Destination, Is.EqualTo(Ipv4Address.Broadcast));
        h.Client.Receive(Reply(DhcpMessageType.Ack, h.SentXid, Offered, 2000), 900_000);
        Assert.That(h.Client.State, Is.EqualTo(DhcpClientState.Bound));
        Assert.That(h.Client.LeaseExpiresAt, Is.EqualTo(900_000 + 2_000_000));
        Assert.That(h.Client.ConfigurationVersion, Is.EqualTo(1), "same address: no change");
    }

    [Test]
    public void LeaseEndGivesTheAddressUp()
    {
        var h = BoundClient(lease: 1000);
        h.Poll(500_200);
        h.Poll(875_200);
        Assert.That(h.Poll(1_000_200), Is.True);
        Assert.That(h.Client.State, Is.EqualTo(DhcpClientState.Selecting));
        Assert.That(h.SentType, Is.EqualTo(DhcpMessageType.Discover));
        Assert.That(h.Client.Configuration.IsConfigured, Is.False);
        Assert.That(h.Client.ConfigurationVersion, Is.EqualTo(2));
    }

    [Test]
    public void NakRestartsDiscovery()
    {
        var h = BoundClient();
        h.Poll(500_200);
        h.Client.Receive(Reply(DhcpMessageType.Nak, h.SentXid, default), 500_300);
        Assert.That(h.Client.State, Is.EqualTo(DhcpClientState.Selecting));
        Assert.That(h.Client.Configuration.IsConfigured, Is.False);
    }

    [Test]
    public void ServerT1AndT2AreHonouredAndNonsenseIsReplaced()
    {
        var h = new Harness();
        h.Client.Start(0);
        h.Poll(0);
        h.Client.Receive(Reply(DhcpMessageType.Offer, h.SentXid, Offered, 100), 0);
        h.Poll(0);
        h.Client.Receive(Reply(DhcpMessageType.Ack, h.SentXid, Offered, 100, t1: 30, t2: 60), 0);
        Assert.That(h.Client.RenewAt, Is.EqualTo(30_000));
        Assert.That(h.Client.RebindAt, Is.EqualTo(60_000));

        var h2 = new Harness();
        h2.Client.Start(0);
        h2.Poll(0);
        h2.Client.Receive(Reply(DhcpMessageType.Offer, h2.SentXid, Offered, 100), 0);
        h2.Poll(0);
        h2.Client.Receive(Reply(DhcpMessageType.Ack, h2.SentXid, Offered, 100, t1: 500, t2: 400), 0);
        Assert.That(h2.Client.RenewAt, Is.LessThan(h2.Client.RebindAt));
        Assert.That(h2.Client.RebindAt, Is.LessThan(h2.Client.LeaseExpiresAt));
    }

    [Test]
    public void FallsBackToTheStaticAddressThenTakesALateOffer()
    {
        var fallback = new IpConfiguration { Address = new Ipv4Address(192, 168, 1, 50), SubnetMask = new Ipv4Address(255, 255, 255, 0) };
        var h = new Harness(fallback);
        h.Client.Start(0);
        for (long t = 0; t < 30_000; t += 1000)
            h.Poll(t);
        Assert.That(h.Client.Configuration.IsConfigured, Is.False);
        h.Poll(30_000);
        Assert.That(h.Client.State, Is.EqualTo(DhcpClientState.Static));
        Assert.That(h.Client.Configuration.Address, Is.EqualTo(fallback.Address));
        Assert.That(h.Poll(94_000), Is.True, "discovery goes on every 64 s");
        Assert.That(h.SentType, Is.EqualTo(DhcpMessageType.Discover));

        h.Client.Receive(Reply(DhcpMessageType.Offer, h.SentXid, Offered), 94_100);
        h.Poll(94_100);
        Assert.That(h.Client.Configuration.Address, Is.EqualTo(fallback.Address), "static until the ACK");
        h.Client.Receive(Reply(DhcpMessageType.Ack, h.SentXid, Offered), 94_200);
        Assert.That(h.Client.Configuration.Address, Is.EqualTo(Offered));
    }
}
