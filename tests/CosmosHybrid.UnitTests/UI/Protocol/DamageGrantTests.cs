using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Protocol;

/// <summary>Which pages of a window buffer a damage lends, and the server's check that they hold the damage.</summary>
public class DamageGrantTests
{
    [Test]
    public void OneGlyphOfAnEightyColumnTerminalLendsTheRowsItSpans()
    {
        // 640 pixels a row: 2560 bytes. A cell at column 10 of text row 3 (16 pixels high).
        var cell = new Rect(80, 48, 8, 16);
        DamageGrant grant = DamageGrant.For(640, 400, new[] { cell });
        long first = (48L * 640 + 80) * 4, end = (63L * 640 + 88) * 4;
        Assert.That(grant.FirstPage, Is.EqualTo(first / 4096));
        Assert.That(grant.FirstPage + grant.PageCount, Is.EqualTo((end + 4095) / 4096));
        Assert.That(grant.PageCount, Is.LessThan(ClientPages(640, 400) / 10));
        Assert.That(DamageGrant.Covers(grant.ByteOffset, (ulong)grant.ByteLength, 640, cell), Is.True);
    }

    [Test]
    public void NoRectanglesOrOnlyOnesOutsideLendTheWholeBuffer()
    {
        foreach (Rect[] rects in new[] { new Rect[0], new[] { new Rect(-50, -50, 10, 10), new Rect(700, 0, 5, 5) } })
        {
            DamageGrant grant = DamageGrant.For(640, 400, rects);
            Assert.That(grant.FirstPage, Is.Zero);
            Assert.That(grant.PageCount, Is.EqualTo(ClientPages(640, 400)));
        }
    }

    [Test]
    public void SeveralRectanglesLendFromTheFirstPixelToTheLast()
    {
        var rects = new[] { new Rect(600, 300, 40, 100), new Rect(0, 10, 1, 1), new Rect(-5, 200, 20, 3) };
        DamageGrant grant = DamageGrant.For(640, 400, rects);
        Assert.That(grant.FirstPage, Is.EqualTo(10L * 640 * 4 / 4096));
        Assert.That(grant.FirstPage + grant.PageCount, Is.EqualTo(ClientPages(640, 400)), "the last pixel of the buffer");
        foreach (Rect r in rects)
            Assert.That(DamageGrant.Covers(grant.ByteOffset, (ulong)grant.ByteLength, 640, r.Intersect(new Rect(0, 0, 640, 400))), Is.True, r.ToString());
    }

    [Test]
    public void AGrantThatMissesAPixelDoesNotCover([Values(1, 7, 333, 1024)] int width)
    {
        var random = new Random(width);
        for (int trial = 0; trial < 200; trial++)
        {
            int height = random.Next(1, 300);
            var r = Rect.FromEdges(random.Next(0, width), random.Next(0, height), 0, 0);
            r = Rect.FromEdges(r.X, r.Y, random.Next(r.X + 1, width + 1), random.Next(r.Y + 1, height + 1));
            DamageGrant grant = DamageGrant.For(width, height, new[] { r });
            Assert.That(DamageGrant.Covers(grant.ByteOffset, (ulong)grant.ByteLength, width, r), Is.True);
            // Brute force: the first and last pixel of the rectangle are in the pages, and they are the extremes.
            long first = ((long)r.Y * width + r.X) * 4, last = ((long)(r.Bottom - 1) * width + r.Right - 1) * 4;
            Assert.That(first / 4096, Is.EqualTo(grant.FirstPage));
            Assert.That(last / 4096, Is.EqualTo(grant.FirstPage + grant.PageCount - 1));
            // One page less at either end misses a pixel.
            if (grant.PageCount > 1)
            {
                Assert.That(DamageGrant.Covers(grant.ByteOffset + 4096, (ulong)grant.ByteLength - 4096, width, r), Is.False);
                Assert.That(DamageGrant.Covers(grant.ByteOffset, (ulong)grant.ByteLength - 4096, width, r), Is.False);
            }
        }
    }

    [Test]
    public void TheWindowIdAndFirstPageShareWordTwo()
    {
        ulong word = DamageGrant.PackWindow(12345, 987);
        Assert.That(DamageGrant.WindowOf(word), Is.EqualTo(12345));
        Assert.That(DamageGrant.FirstPageOf(word), Is.EqualTo(987));
        Assert.That(DamageGrant.FirstPageOf(DamageGrant.PackWindow(7, 0)), Is.Zero);
    }

    [Test]
    public void TheServerRefusesAGrantThatDoesNotHoldTheDamage()
    {
        var damage = new[] { new Rect(0, 100, 640, 16) };
        var request = default(IpcMessage);
        Assert.That(UiRequestValidator.CheckDamageGrant(request, 0, 640, damage), Is.EqualTo(UiError.NotAGrant));
        request.GrantedAddress = 0x10_0000;
        request.GrantLength = 4096;
        Assert.That(UiRequestValidator.CheckDamageGrant(request, 0, 640, damage), Is.EqualTo(UiError.GrantTooSmall), "the first page only");
        Assert.That(UiRequestValidator.CheckDamageGrant(request, -4096, 640, damage), Is.EqualTo(UiError.GrantTooSmall), "before the buffer");
        DamageGrant grant = DamageGrant.For(640, 400, damage);
        request.GrantLength = (ulong)grant.ByteLength;
        Assert.That(UiRequestValidator.CheckDamageGrant(request, grant.ByteOffset, 640, damage), Is.EqualTo(UiError.None));
        Assert.That(UiRequestValidator.CheckDamageGrant(request, grant.ByteOffset + 4096, 640, damage), Is.EqualTo(UiError.GrantTooSmall), "placed a page later");
        request.GrantLength = ulong.MaxValue;
        Assert.That(UiRequestValidator.CheckDamageGrant(request, 0, 640, damage), Is.EqualTo(UiError.GrantTooSmall), "absurd lengths are refused");
    }

    private static long ClientPages(int width, int height) => ((long)width * height * 4 + 4095) / 4096;
}
