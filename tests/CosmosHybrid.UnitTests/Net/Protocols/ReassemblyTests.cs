using System;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

public class ReassemblyTests
{
    private static readonly Ipv4Address Source = new Ipv4Address(10, 0, 2, 2);
    private static readonly Ipv4Address Destination = new Ipv4Address(10, 0, 2, 15);

    private static Ipv4Header Fragment(int offset, int length, bool more, ushort id = 77)
        => new Ipv4Header(20, 0, 20 + length, id, (ushort)((more ? Ipv4Header.MoreFragmentsFlag : 0) | (offset / 8)), 64,
                          IpProtocol.Udp, Source, Destination);

    private static byte[] Pattern(int length)
    {
        var data = new byte[length];
        for (int i = 0; i < length; i++)
            data[i] = (byte)(i * 7 + 3);
        return data;
    }

    [Test]
    public void OutOfOrderFragmentsComeTogether()
    {
        var statistics = new NetStatistics();
        var reassembler = new Ipv4Reassembler(statistics);
        var data = Pattern(3000);
        Assert.That(reassembler.Add(Fragment(2960, 40, false), data.AsSpan(2960), 0, out _, out _), Is.EqualTo(ReassemblyStatus.Pending));
        Assert.That(reassembler.Add(Fragment(0, 1480, true), data.AsSpan(0, 1480), 1, out _, out _), Is.EqualTo(ReassemblyStatus.Pending));
        Assert.That(reassembler.Add(Fragment(0, 1480, true), data.AsSpan(0, 1480), 1, out _, out _), Is.EqualTo(ReassemblyStatus.Duplicate));
        Assert.That(reassembler.Add(Fragment(1480, 1480, true), data.AsSpan(1480, 1480), 2, out var whole, out int length),
                    Is.EqualTo(ReassemblyStatus.Complete));
        Assert.That(length, Is.EqualTo(3000));
        Assert.That(whole.AsSpan(0, length).SequenceEqual(data), Is.True);
        Assert.That(reassembler.DatagramsInProgress, Is.EqualTo(0));
        Assert.That(reassembler.BytesHeld, Is.EqualTo(0));
        Assert.That(statistics.FragmentsReassembled, Is.EqualTo(1));
    }

    [Test]
    public void OverlapsDropTheDatagram()
    {
        var statistics = new NetStatistics();
        var reassembler = new Ipv4Reassembler(statistics);
        var data = Pattern(2000);
        reassembler.Add(Fragment(0, 1000, true), data.AsSpan(0, 1000), 0, out _, out _);
        Assert.That(reassembler.Add(Fragment(992, 1008, false), data.AsSpan(992), 0, out _, out _), Is.EqualTo(ReassemblyStatus.Dropped));
        Assert.That(reassembler.DatagramsInProgress, Is.EqualTo(0));
        Assert.That(statistics.FragmentsOverlapping, Is.EqualTo(1));

        reassembler.Add(Fragment(0, 1000, true), data.AsSpan(0, 1000), 0, out _, out _);
        var changed = (byte[])data.Clone();
        changed[10] ^= 0xFF;
        Assert.That(reassembler.Add(Fragment(0, 1000, true), changed.AsSpan(0, 1000), 0, out _, out _), Is.EqualTo(ReassemblyStatus.Dropped),
                    "same place, other bytes");
        Assert.That(reassembler.BytesHeld, Is.EqualTo(0));
    }

    [Test]
    public void ContradictingEndsDropTheDatagram()
    {
        var reassembler = new Ipv4Reassembler(new NetStatistics());
        var data = Pattern(2400);
        reassembler.Add(Fragment(800, 800, false), data.AsSpan(800, 800), 0, out _, out _);
        Assert.That(reassembler.Add(Fragment(1600, 800, true), data.AsSpan(1600, 800), 0, out _, out _), Is.EqualTo(ReassemblyStatus.Dropped),
                    "past the last fragment's end");
        reassembler.Add(Fragment(800, 800, true), data.AsSpan(800, 800), 0, out _, out _);
        Assert.That(reassembler.Add(Fragment(0, 400, false), data.AsSpan(0, 400), 0, out _, out _), Is.EqualTo(ReassemblyStatus.Dropped),
                    "an end before bytes already held");
        Assert.That(reassembler.Add(Fragment(0, 100, true), data.AsSpan(0, 100), 0, out _, out _), Is.EqualTo(ReassemblyStatus.Invalid),
                    "not a multiple of eight");
    }

    [Test]
    public void NeverCompletingDatagramsTimeOut()
    {
        var statistics = new NetStatistics();
        var reassembler = new Ipv4Reassembler(statistics, timeoutMs: 30_000);
        reassembler.Add(Fragment(0, 800, true), Pattern(800), 1000, out _, out _);
        Assert.That(reassembler.Expire(30_999), Is.EqualTo(0));
        Assert.That(reassembler.Expire(31_000), Is.EqualTo(1));
        Assert.That(reassembler.BytesHeld, Is.EqualTo(0));
        Assert.That(statistics.FragmentsTimedOut, Is.EqualTo(1));
    }

    [Test]
    public void BufferAndDatagramCountAreBounded()
    {
        var statistics = new NetStatistics();
        var reassembler = new Ipv4Reassembler(statistics, maxBytes: 8192, maxDatagrams: 3);
        var data = Pattern(1480);
        for (ushort id = 0; id < 3; id++)
            Assert.That(reassembler.Add(Fragment(0, 1480, true, id), data, 0, out _, out _), Is.EqualTo(ReassemblyStatus.Pending));
        Assert.That(reassembler.Add(Fragment(0, 1480, true, 3), data, 0, out _, out _), Is.EqualTo(ReassemblyStatus.NoRoom));
        Assert.That(reassembler.Add(Fragment(60000, 1480, true, 0), data, 0, out _, out _), Is.EqualTo(ReassemblyStatus.NoRoom), "would need 60 KiB");
        Assert.That(reassembler.BytesHeld, Is.LessThanOrEqualTo(8192));
        Assert.That(statistics.FragmentsNoRoom, Is.EqualTo(2));
    }
}
