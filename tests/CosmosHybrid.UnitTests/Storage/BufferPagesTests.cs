using CosmosHybrid.Storage.Kernel.Forwarding;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

[TestFixture]
public sealed class BufferPagesTests
{
    private const ulong Page = BufferPages.PageSize;

    [Test]
    public void AlignedWholePagesAreAllWhole()
    {
        var pages = new BufferPages(0x10000, 4 * Page);
        Assert.That(pages.PageCount, Is.EqualTo(4));
        Assert.That(pages.HeadOffset, Is.EqualTo(0UL));
        for (int i = 0; i < 4; i++)
        {
            Assert.That(pages.IsPartial(i), Is.False, "page " + i);
            Assert.That(pages.PageAt(i), Is.EqualTo(0x10000 + (ulong)i * Page));
            Assert.That(pages.BytesBefore(i), Is.EqualTo((ulong)i * Page));
        }
    }

    [Test]
    public void BufferStraddlingPagesHasPartialPagesAtBothEnds()
    {
        // 100 bytes into a page, 2 pages long: a partial head, one whole page, a partial tail.
        var pages = new BufferPages(0x20000 + 100, 2 * Page);
        Assert.That(pages.PageCount, Is.EqualTo(3));
        Assert.That(pages.FirstPage, Is.EqualTo(0x20000UL));
        Assert.That(pages.IsPartial(0), Is.True);
        Assert.That(pages.FirstByteIn(0), Is.EqualTo(100UL));
        Assert.That(pages.EndIn(0), Is.EqualTo(Page));
        Assert.That(pages.IsPartial(1), Is.False);
        Assert.That(pages.BytesBefore(1), Is.EqualTo(Page - 100));
        Assert.That(pages.IsPartial(2), Is.True);
        Assert.That(pages.FirstByteIn(2), Is.EqualTo(0UL));
        Assert.That(pages.EndIn(2), Is.EqualTo(100UL));
        Assert.That(pages.BytesBefore(2), Is.EqualTo(2 * Page - 100));
    }

    [Test]
    public void BufferInsideOnePageIsOnePartialPage()
    {
        var pages = new BufferPages(0x30000 + 10, 20);
        Assert.That(pages.PageCount, Is.EqualTo(1));
        Assert.That(pages.IsPartial(0), Is.True);
        Assert.That(pages.FirstByteIn(0), Is.EqualTo(10UL));
        Assert.That(pages.EndIn(0), Is.EqualTo(30UL));
    }

    [Test]
    public void AlignedStartWithShortTailHasOnlyTheTailPartial()
    {
        var pages = new BufferPages(0x40000, Page + 1);
        Assert.That(pages.PageCount, Is.EqualTo(2));
        Assert.That(pages.IsPartial(0), Is.False);
        Assert.That(pages.IsPartial(1), Is.True);
        Assert.That(pages.EndIn(1), Is.EqualTo(1UL));
    }

    [Test]
    public void BufferEndingOnAPageBoundaryHasAWholeLastPage()
    {
        var pages = new BufferPages(0x50000 + Page - 1, Page + 1);
        Assert.That(pages.PageCount, Is.EqualTo(2));
        Assert.That(pages.IsPartial(0), Is.True);
        Assert.That(pages.FirstByteIn(0), Is.EqualTo(Page - 1));
        Assert.That(pages.IsPartial(1), Is.False);
    }

    [Test]
    public void UnalignedWindowSizedBufferTakesOneMorePage()
    {
        var pages = new BufferPages(0x60000 + 16, 16 * Page);
        Assert.That(pages.PageCount, Is.EqualTo(17));
        Assert.That(pages.IsPartial(0), Is.True);
        Assert.That(pages.IsPartial(16), Is.True);
        for (int i = 1; i < 16; i++)
            Assert.That(pages.IsPartial(i), Is.False, "page " + i);
    }

    [Test]
    public void EmptyBufferHasNoPages()
    {
        Assert.That(new BufferPages(0x70000 + 5, 0).PageCount, Is.EqualTo(0));
    }

    [Test]
    public void BytesOfAllPagesAddUpToTheLength()
    {
        foreach (ulong start in new ulong[] { 0x80000, 0x80000 + 1, 0x80000 + Page - 1 })
        {
            foreach (ulong length in new ulong[] { 1, Page - 1, Page, Page + 1, 3 * Page + 7 })
            {
                var pages = new BufferPages(start, length);
                ulong total = 0;
                for (int i = 0; i < pages.PageCount; i++)
                {
                    Assert.That(pages.BytesBefore(i), Is.EqualTo(total), "start " + start + " length " + length + " page " + i);
                    total += pages.EndIn(i) - pages.FirstByteIn(i);
                }
                Assert.That(total, Is.EqualTo(length), "start " + start + " length " + length);
            }
        }
    }
}
