using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Fuzz.Generation;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Fuzz;

public class SplitMix64Tests
{
    [Test]
    public void MatchesTheReferenceSequenceForSeedZero()
    {
        // The first outputs of SplitMix64 seeded with 0 (Vigna's reference splitmix64.c).
        var random = new SplitMix64(0);
        Assert.That(random.Next(), Is.EqualTo(0xE220A8397B1DCDAFUL));
        Assert.That(random.Next(), Is.EqualTo(0x6E789E6AA1B965F4UL));
        Assert.That(random.Next(), Is.EqualTo(0x06C45D188009454FUL));
    }

    [Test]
    public void MixIsTheFirstOutputOfAGeneratorSeededWithTheValue()
    {
        Assert.That(SplitMix64.Mix(0), Is.EqualTo(0xE220A8397B1DCDAFUL));
        Assert.That(SplitMix64.Mix(12345), Is.EqualTo(new SplitMix64(12345).Next()));
    }

    [Test]
    public void BelowANonPositiveBoundIsZero()
    {
        Assert.That(new SplitMix64(5).Below(0UL), Is.EqualTo(0UL));
        Assert.That(new SplitMix64(5).Below(0), Is.EqualTo(0));
    }

    [Test]
    public void TheSameSeedGivesTheSameSequence()
    {
        var a = new SplitMix64(12345);
        var b = new SplitMix64(12345);
        for (int i = 0; i < 1000; i++)
            Assert.That(a.Next(), Is.EqualTo(b.Next()));
    }

    [Test]
    public void BelowStaysInRangeAndReachesEveryValue()
    {
        var random = new SplitMix64(7);
        var seen = new bool[10];
        for (int i = 0; i < 10_000; i++)
        {
            int value = random.Below(10);
            Assert.That(value, Is.InRange(0, 9));
            seen[value] = true;
        }
        Assert.That(seen, Is.All.True);
    }

    [Test]
    public void DerivedSeedsDifferPerIndex()
    {
        Assert.That(SplitMix64.Derive(1, 1), Is.Not.EqualTo(SplitMix64.Derive(1, 2)));
        Assert.That(SplitMix64.Derive(1, 1), Is.Not.EqualTo(SplitMix64.Derive(2, 1)));
        Assert.That(SplitMix64.Derive(1, 1), Is.EqualTo(SplitMix64.Derive(1, 1)));
    }
}
