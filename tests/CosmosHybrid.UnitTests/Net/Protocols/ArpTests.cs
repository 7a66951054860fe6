using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

public class ArpTests
{
    private static readonly MacAddress OurMac = new MacAddress(0x52, 0x54, 0, 0x12, 0x34, 0x56);
    private static readonly MacAddress PeerMac = new MacAddress(0x52, 0x55, 0x0A, 0, 2, 2);
    private static readonly Ipv4Address Ours = new Ipv4Address(10, 0, 2, 15);
    private static readonly Ipv4Address Peer = new Ipv4Address(10, 0, 2, 2);

    [Test]
    public void UnresolvedAddressQueuesPacketsUntilTheReply()
    {
        var statistics = new NetStatistics();
        var cache = new ArpCache(statistics, pendingPerAddress: 2);
        Assert.That(cache.Resolve(Peer, 0, out _), Is.EqualTo(ArpResolution.SendRequest));
        Assert.That(cache.Enqueue(Peer, new byte[] { 1 }), Is.True);
        Assert.That(cache.Resolve(Peer, 10, out _), Is.EqualTo(ArpResolution.Waiting));
        cache.Enqueue(Peer, new byte[] { 2 });
        cache.Enqueue(Peer, new byte[] { 3 });
        Assert.That(statistics.ArpPendingDropped, Is.EqualTo(1), "the oldest went");

        var released = new List<byte[]>();
        cache.Update(Peer, PeerMac, 20, create: true, released);
        Assert.That(released.Count, Is.EqualTo(2));
        Assert.That(released[0][0], Is.EqualTo(2));
        Assert.That(released[1][0], Is.EqualTo(3));
        Assert.That(cache.Resolve(Peer, 30, out var mac), Is.EqualTo(ArpResolution.Resolved));
        Assert.That(mac, Is.EqualTo(PeerMac));
    }

    [Test]
    public void RequestsRepeatThenGiveUp()
    {
        var statistics = new NetStatistics();
        var cache = new ArpCache(statistics, requestIntervalMs: 1000, maxRequests: 3);
        cache.Resolve(Peer, 0, out _);
        cache.Enqueue(Peer, new byte[10]);
        var retry = new List<Ipv4Address>();
        cache.Poll(999, retry);
        Assert.That(retry, Is.Empty);
        cache.Poll(1000, retry);
        Assert.That(retry, Is.EqualTo(new[] { Peer }));
        retry.Clear();
        cache.Poll(2000, retry);
        Assert.That(retry.Count, Is.EqualTo(1), "third request");
        retry.Clear();
        cache.Poll(3000, retry);
        Assert.That(retry, Is.Empty);
        Assert.That(cache.Count, Is.EqualTo(0));
        Assert.That(statistics.ArpRequestsFailed, Is.EqualTo(1));
        Assert.That(statistics.ArpPendingDropped, Is.EqualTo(1));
    }

    [Test]
    public void EntriesExpireAndAreAskedForAgain()
    {
        var cache = new ArpCache(new NetStatistics(), lifetimeMs: 5000);
        cache.Update(Peer, PeerMac, 0, create: true, null);
        Assert.That(cache.Resolve(Peer, 4999, out _), Is.EqualTo(ArpResolution.Resolved));
        Assert.That(cache.Resolve(Peer, 5000, out _), Is.EqualTo(ArpResolution.SendRequest));
        var cache2 = new ArpCache(new NetStatistics(), lifetimeMs: 5000);
        cache2.Update(Peer, PeerMac, 0, create: true, null);
        cache2.Poll(5000, new List<Ipv4Address>());
        Assert.That(cache2.Count, Is.EqualTo(0));
    }

    [Test]
    public void TableIsBoundedAndKeepsUnresolvedEntries()
    {
        var cache = new ArpCache(new NetStatistics(), capacity: 2);
        cache.Update(new Ipv4Address(10, 0, 0, 1), PeerMac, 0, true, null);
        cache.Resolve(new Ipv4Address(10, 0, 0, 2), 0, out _);
        Assert.That(cache.Resolve(new Ipv4Address(10, 0, 0, 3), 0, out _), Is.EqualTo(ArpResolution.SendRequest), "the resolved one is evicted");
        Assert.That(cache.Resolve(new Ipv4Address(10, 0, 0, 4), 0, out _), Is.EqualTo(ArpResolution.NoRoom));
        Assert.That(cache.Count, Is.EqualTo(2));
    }

    [Test]
    public void EndpointAnswersRequestsForUsAndLearnsTheAsker()
    {
        var statistics = new NetStatistics();
        var endpoint = new ArpEndpoint(OurMac, new ArpCache(statistics), statistics);
        endpoint.SetAddress(Ours, new byte[64]);
        var request = new byte[28];
        ArpPacket.Request(PeerMac, Peer, Ours).Write(request);
        var reply = new byte[64];
        int length = endpoint.Receive(request, 0, reply, null);
        Assert.That(length, Is.EqualTo(42));
        Assert.That(EthernetFrame.TryParse(reply.AsSpan(0, length), out var frame), Is.EqualTo(ParseStatus.Ok));
        Assert.That(frame.Destination, Is.EqualTo(PeerMac));
        Assert.That(frame.EtherType, Is.EqualTo(EtherType.Arp));
        ArpPacket.TryParse(frame.Payload, out var answer);
        Assert.That(answer.Operation, Is.EqualTo(ArpPacket.OperationReply));
        Assert.That(answer.SenderMac, Is.EqualTo(OurMac));
        Assert.That(answer.SenderIp, Is.EqualTo(Ours));
        Assert.That(answer.TargetIp, Is.EqualTo(Peer));
        Assert.That(endpoint.Cache.Resolve(Peer, 1, out var learnt), Is.EqualTo(ArpResolution.Resolved));
        Assert.That(learnt, Is.EqualTo(PeerMac));
    }

    [Test]
    public void EndpointIgnoresRequestsForOthersButRefreshesKnownSenders()
    {
        var statistics = new NetStatistics();
        var endpoint = new ArpEndpoint(OurMac, new ArpCache(statistics), statistics);
        endpoint.SetAddress(Ours, new byte[64]);
        var request = new byte[28];
        ArpPacket.Request(PeerMac, Peer, new Ipv4Address(10, 0, 2, 99)).Write(request);
        Assert.That(endpoint.Receive(request, 0, new byte[64], null), Is.EqualTo(0));
        Assert.That(endpoint.Cache.Count, Is.EqualTo(0), "not aimed at us: not created");

        endpoint.Cache.Resolve(Peer, 0, out _);
        var movedMac = new MacAddress(2, 0, 0, 0, 0, 9);
        ArpPacket.Request(movedMac, Peer, new Ipv4Address(10, 0, 2, 99)).Write(request);
        endpoint.Receive(request, 0, new byte[64], null);
        Assert.That(endpoint.Cache.Resolve(Peer, 1, out var mac), Is.EqualTo(ArpResolution.Resolved));
        Assert.That(mac, Is.EqualTo(movedMac), "an existing entry is updated");

        ArpPacket.Request(OurMac, Peer, Ours).Write(request);
        Assert.That(endpoint.Receive(request, 0, new byte[64], null), Is.EqualTo(0), "our own MAC from outside");
    }

    [Test]
    public void AddressChangeSendsGratuitousArpOnce()
    {
        var statistics = new NetStatistics();
        var endpoint = new ArpEndpoint(OurMac, new ArpCache(statistics), statistics);
        var frame = new byte[64];
        int length = endpoint.SetAddress(Ours, frame);
        Assert.That(length, Is.EqualTo(42));
        EthernetFrame.TryParse(frame.AsSpan(0, length), out var ethernet);
        Assert.That(ethernet.Destination.IsBroadcast, Is.True);
        ArpPacket.TryParse(ethernet.Payload, out var announcement);
        Assert.That(announcement.IsGratuitous, Is.True);
        Assert.That(announcement.SenderIp, Is.EqualTo(Ours));
        Assert.That(announcement.SenderMac, Is.EqualTo(OurMac));
        Assert.That(endpoint.SetAddress(Ours, frame), Is.EqualTo(0), "same address: nothing");
        Assert.That(endpoint.SetAddress(Ipv4Address.Any, frame), Is.EqualTo(0));
    }
}
