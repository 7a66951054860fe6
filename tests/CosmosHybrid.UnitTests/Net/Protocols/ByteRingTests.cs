using System;
using CosmosHybrid.Services.Net.Protocols;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.Protocols;

public class ByteRingTests
{
    [Test]
    public void WrapsAroundAndKeepsOrder()
    {
        var ring = new ByteRing(8);
        Assert.That(ring.Write(new byte[] { 1, 2, 3, 4, 5, 6 }), Is.EqualTo(6));
        var read = new byte[4];
        Assert.That(ring.Read(read), Is.EqualTo(4));
        Assert.That(ring.Write(new byte[] { 7, 8, 9, 10, 11, 12 }), Is.EqualTo(6));
        Assert.That(ring.Write(new byte[] { 13 }), Is.EqualTo(0), "full");
        var all = new byte[8];
        Assert.That(ring.Peek(0, all), Is.EqualTo(8));
        Assert.That(all, Is.EqualTo(new byte[] { 5, 6, 7, 8, 9, 10, 11, 12 }));
    }

    [Test]
    public void BytesPlacedPastTheEndSurviveTheBufferRunningEmpty()
    {
        var ring = new ByteRing(8);
        ring.Write(new byte[] { 1, 2, 3 });
        Assert.That(ring.WriteAt(2, new byte[] { 30, 31 }), Is.True);
        ring.Read(new byte[3]); // empty now: the held bytes must not move
        Assert.That(ring.Write(new byte[] { 10, 20 }), Is.EqualTo(2));
        ring.Commit(2);
        var all = new byte[4];
        Assert.That(ring.Read(all), Is.EqualTo(4));
        Assert.That(all, Is.EqualTo(new byte[] { 10, 20, 30, 31 }));
        Assert.That(ring.WriteAt(7, new byte[] { 1, 2 }), Is.False, "past the capacity");
    }

    [Test]
    public void ReleaseHandsTheStorageOverAndLeavesARingOfNoRoom()
    {
        var ring = new ByteRing(8);
        ring.Write(new byte[] { 1, 2 });
        byte[] storage = ring.Release();
        Assert.That(storage.Length, Is.EqualTo(8), "the buffer itself, for a pool");
        Assert.That(ring.Capacity, Is.EqualTo(0));
        Assert.That(ring.Count, Is.EqualTo(0), "whatever it held is dropped");
        Assert.That(ring.Free, Is.EqualTo(0));
        Assert.That(ring.Write(new byte[] { 3 }), Is.EqualTo(0));
        Assert.That(ring.WriteAt(0, new byte[] { 3 }), Is.False);
        Assert.That(ring.WriteAt(0, ReadOnlySpan<byte>.Empty), Is.True, "nothing to place: no division by a capacity of 0");
        Assert.That(ring.Read(new byte[4]), Is.EqualTo(0));
        ring.Discard(4);
        ring.Commit(1);
        Assert.That(ring.Count, Is.EqualTo(0));
    }
}
