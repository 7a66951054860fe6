using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Fuzz.Generation;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Fuzz;

public class ChildExitStatusTests
{
    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(1999L)]
    [TestCase(2000L)]
    public void ACompletedChildsStatusReadsBackItsCalls(long calls)
    {
        const ulong Seed = 0x1234_5678_9ABC_DEF0;
        int status = ChildExitStatus.Completed(Seed, calls);
        Assert.That(status, Is.GreaterThan(0), "a positive exit status");
        Assert.That(ChildExitStatus.TryRead(Seed, 2000, status, out long read), Is.True);
        Assert.That(read, Is.EqualTo(calls));
    }

    [Test]
    public void AnotherChildsStatusOrMoreCallsThanAskedForAreNotACompletion()
    {
        int status = ChildExitStatus.Completed(7, 100);
        Assert.That(ChildExitStatus.TryRead(8, 2000, status, out _), Is.False, "another seed's window");
        Assert.That(ChildExitStatus.TryRead(7, 99, status, out long calls), Is.False, "more calls than the child was to make");
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public void TheStatusesARandomExitCallPicksFirstAreNotACompletion()
    {
        // What CallGenerator.Integer() gives an Exit call most often: 0, 1, -1, the extremes, small values and powers of two.
        long[] statuses = { 0, 1, -1, int.MinValue, int.MaxValue, 63, 1L << 20, 1L << 30 };
        for (ulong seed = 0; seed < 1000; seed++)
        {
            foreach (long status in statuses)
                Assert.That(ChildExitStatus.TryRead(seed, 2000, status, out _), Is.False, $"seed {seed}, status {status}");
        }
    }

    [Test]
    public void RandomStatusesAlmostNeverLookLikeACompletion()
    {
        var random = new SplitMix64(17);
        int lookAlikes = 0;
        for (int i = 0; i < 100_000; i++)
        {
            if (ChildExitStatus.TryRead(random.Next(), 2000, (int)random.Next(), out _))
                lookAlikes++;
        }
        Assert.That(lookAlikes, Is.LessThanOrEqualTo(1), "about one in two million random 32-bit statuses");
    }
}
