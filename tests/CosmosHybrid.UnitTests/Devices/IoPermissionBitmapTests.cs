using System;
using CosmosHybrid.Devices;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Devices;

public class IoPermissionBitmapTests
{
    private static byte[] NewBitmap(IoPermissionBitmap loader)
    {
        var bitmap = new byte[IoPermissionBitmap.Bytes + 1];
        loader.Reset(bitmap);
        return bitmap;
    }

    [Test]
    public void AResetBitmapRefusesEveryPortAndEndsWithAllOnes()
    {
        var loader = new IoPermissionBitmap();
        byte[] bitmap = NewBitmap(loader);

        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0x60, 1), Is.False);
        Assert.That(bitmap[IoPermissionBitmap.Bytes], Is.EqualTo(0xFF));
        Assert.That(Array.TrueForAll(bitmap, b => b == 0xFF), Is.True);
    }

    [Test]
    public void TheI8042PortsAreAllowedAndTheirNeighboursAreNot()
    {
        var loader = new IoPermissionBitmap();
        byte[] bitmap = NewBitmap(loader);
        var set = new IoPortSet();
        object i8042 = new object();
        set.Add(new IoPortRange(0x60, 1), i8042);
        set.Add(new IoPortRange(0x64, 1), i8042);

        loader.Load(bitmap, set);

        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0x60, 1), Is.True);
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0x64, 1), Is.True);
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0x61, 1), Is.False);
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0x63, 1), Is.False);
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0x60, 2), Is.False, "a word at 0x60 also touches 0x61");
        Assert.That(bitmap[0x60 / 8], Is.EqualTo(0xFF & ~0x01 & ~0x10));
        Assert.That(set.Allows(0x64, 1), Is.True);
        Assert.That(set.Allows(0x64, 2), Is.False);
    }

    [Test]
    public void LoadingAnotherSetRestoresThePreviousBitsAndOnlyThose()
    {
        var loader = new IoPermissionBitmap();
        byte[] bitmap = NewBitmap(loader);
        var first = new IoPortSet();
        first.Add(new IoPortRange(0xC000, 64), "e1000");
        var second = new IoPortSet();
        second.Add(new IoPortRange(0x60, 1), "i8042");

        loader.Load(bitmap, first);
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0xC03C, 4), Is.True);
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0xC040, 1), Is.False);

        loader.Load(bitmap, second);
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0xC000, 1), Is.False);
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0x60, 1), Is.True);

        loader.Load(bitmap, null);
        Assert.That(Array.TrueForAll(bitmap, b => b == 0xFF), Is.True, "no process: every bit set again");
    }

    [Test]
    public void ASetChangedSinceLoadingIsNotCurrentAndIsUndoneFromTheSnapshot()
    {
        var loader = new IoPermissionBitmap();
        byte[] bitmap = NewBitmap(loader);
        var set = new IoPortSet();
        object e1000 = new object(), i8042 = new object();
        set.Add(new IoPortRange(0xC000, 8), e1000);
        set.Add(new IoPortRange(0x60, 1), i8042);
        loader.Load(bitmap, set);
        Assert.That(loader.IsCurrent(set), Is.True);

        set.RemoveSource(e1000);

        Assert.That(loader.IsCurrent(set), Is.False);
        Assert.That(set.Count, Is.EqualTo(1));
        loader.Load(bitmap, set);
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0xC000, 1), Is.False, "the removed range was set again");
        Assert.That(IoPermissionBitmap.IsAllowed(bitmap, 0x60, 1), Is.True);
    }

    [Test]
    public void InvalidRangesAndAFullSetAreRefused()
    {
        var set = new IoPortSet();
        Assert.That(set.Add(new IoPortRange(0xFFFF, 2), null), Is.False, "past port 65535");
        Assert.That(set.Add(new IoPortRange(0x60, 0), null), Is.False, "empty");
        Assert.That(set.Add(new IoPortRange(-1, 1), null), Is.False);
        for (int i = 0; i < IoPortSet.MaxRanges; i++)
            Assert.That(set.Add(new IoPortRange(i * 8, 8), null), Is.True);
        Assert.That(set.Add(new IoPortRange(0x1000, 1), null), Is.False);
    }

    [TestCase(0x60, 1)]
    [TestCase(0xC000, 64)]
    [TestCase(0x3F9, 23)]
    [TestCase(0x0, 8)]
    [TestCase(0xFFF0, 16)]
    [TestCase(0x101, 6)]
    public void RangesOfAnyAlignmentClearExactlyTheirBits(int first, int count)
    {
        var loader = new IoPermissionBitmap();
        byte[] bitmap = NewBitmap(loader);
        var range = new IoPortRange(first, count);

        IoPermissionBitmap.Allow(bitmap, range);

        for (int port = 0; port < IoPortRange.PortCount; port++)
            Assert.That(IoPermissionBitmap.IsAllowed(bitmap, port, 1), Is.EqualTo(range.Contains(port, 1)), "port " + port);
        IoPermissionBitmap.Deny(bitmap, range);
        Assert.That(Array.TrueForAll(bitmap, b => b == 0xFF), Is.True);
    }
}
