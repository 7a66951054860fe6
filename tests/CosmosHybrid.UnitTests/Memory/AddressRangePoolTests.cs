using CosmosHybrid.Memory;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Memory;

/// <summary>
/// A process's given-back address ranges (ended grants, thread stacks, unmapped heap) are handed out
/// again, so a server granted pages on every call does not take fresh addresses (and page tables) each time.
/// </summary>
public class AddressRangePoolTests
{
    private const ulong Page = 4096;
    private const ulong Base = 0x1000_0000_0000;

    [Test]
    public void AnEmptyPoolHasNothingToGive()
    {
        var pool = new AddressRangePool(4);
        Assert.That(pool.Take(2 * Page), Is.EqualTo(0UL));
    }

    [Test]
    public void ARangeGivenBackIsTakenAgain()
    {
        var pool = new AddressRangePool(4);
        pool.Give(Base, 2 * Page);
        Assert.That(pool.Take(2 * Page), Is.EqualTo(Base));
        Assert.That(pool.Take(2 * Page), Is.EqualTo(0UL), "taken once only");
        Assert.That(pool.FreeBytes, Is.EqualTo(0UL));
    }

    [Test]
    public void AGrantPerCallKeepsReusingOneRange()
    {
        var pool = new AddressRangePool(4);
        ulong next = Base;
        ulong Reserve(ulong bytes)
        {
            ulong start = pool.Take(bytes);
            if (start != 0)
                return start;
            start = next;
            next += bytes;
            return start;
        }
        ulong first = Reserve(2 * Page);
        pool.Give(first, 2 * Page);
        for (int call = 0; call < 1000; call++)
        {
            ulong address = Reserve(2 * Page);
            Assert.That(address, Is.EqualTo(first));
            pool.Give(address, 2 * Page);
        }
        Assert.That(next, Is.EqualTo(Base + 2 * Page), "no fresh addresses after the first");
    }

    [Test]
    public void ASmallerRangeIsCutFromTheStartOfALargerOne()
    {
        var pool = new AddressRangePool(4);
        pool.Give(Base, 17 * Page);
        Assert.That(pool.Take(2 * Page), Is.EqualTo(Base));
        Assert.That(pool.Take(2 * Page), Is.EqualTo(Base + 2 * Page));
        Assert.That(pool.FreeBytes, Is.EqualTo(13 * Page));
        Assert.That(pool.Take(14 * Page), Is.EqualTo(0UL), "too big for what is left");
    }

    [Test]
    public void AdjacentRangesMergeIntoOneThatFitsMore()
    {
        var pool = new AddressRangePool(4);
        pool.Give(Base, 2 * Page);
        pool.Give(Base + 2 * Page, 2 * Page);
        Assert.That(pool.Take(4 * Page), Is.EqualTo(Base));
    }

    [Test]
    public void AFullPoolForgetsWhatItCannotHold()
    {
        var pool = new AddressRangePool(2);
        Assert.That(pool.Give(Base, Page), Is.True);
        Assert.That(pool.Give(Base + 4 * Page, Page), Is.True);
        Assert.That(pool.Give(Base + 8 * Page, Page), Is.False);
        Assert.That(pool.FreeBytes, Is.EqualTo(2 * Page));
    }
}
