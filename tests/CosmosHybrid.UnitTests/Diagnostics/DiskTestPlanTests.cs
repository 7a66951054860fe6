using CosmosHybrid.Boot;
using CosmosHybrid.Diagnostics;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Diagnostics;

[NonParallelizable]
public class DiskTestPlanTests
{
    [Test]
    public void BareOptionReadsFirstAndLastSector()
    {
        DiskTestPlan plan = DiskTestPlan.Parse("");

        Assert.That(plan.Error, Is.Null);
        Assert.That(plan.ReadCount, Is.EqualTo(2));
        Assert.That(plan.GetReadLba(0), Is.EqualTo(0UL));
        Assert.That(DiskTestPlan.Resolve(plan.GetReadLba(1), 32768), Is.EqualTo(32767UL));
        Assert.That(plan.HasWrite, Is.False);
    }

    [Test]
    public void ReadsWithCountsAndAWrite()
    {
        DiskTestPlan plan = DiskTestPlan.Parse("read:0,read:268435461,read:100+300,write:2048+16");

        Assert.That(plan.Error, Is.Null);
        Assert.That(plan.ReadCount, Is.EqualTo(3));
        Assert.That(plan.GetReadLba(1), Is.EqualTo(268435461UL));
        Assert.That(plan.GetReadSectors(2), Is.EqualTo(300));
        Assert.That(plan.HasWrite, Is.True);
        Assert.That(plan.WriteLba, Is.EqualTo(2048UL));
        Assert.That(plan.WriteSectors, Is.EqualTo(16));
    }

    [Test]
    public void BenchTakesMebibytes()
    {
        Assert.That(DiskTestPlan.Parse("bench:16").BenchMiB, Is.EqualTo(16));
        Assert.That(DiskTestPlan.Parse("read:0").BenchMiB, Is.Zero);
    }

    [TestCase("bench:0")]
    [TestCase("frob:1")]
    [TestCase("read")]
    [TestCase("read:x")]
    [TestCase("read:1+0")]
    [TestCase("write:5+99999")]
    public void BadItemsAreReported(string text)
    {
        Assert.That(DiskTestPlan.Parse(text).Error, Is.Not.Null);
    }

    [Test]
    public void ChecksumIsFnv1a()
    {
        Assert.That(DiskTestPlan.Checksum(System.Array.Empty<byte>()), Is.EqualTo(2166136261u));
        Assert.That(DiskTestPlan.Checksum(new byte[] { (byte)'a' }), Is.EqualTo(0xE40C292Cu));
    }

    [Test]
    public void BootOptionCarriesItsArgument()
    {
        BootOptions.Parse("quiet disktest=write:2048");

        Assert.That(BootOptions.DiskTest, Is.True);
        Assert.That(BootOptions.DiskTestArguments, Is.EqualTo("write:2048"));
    }
}
