using CosmosHybrid.Drivers.Storage;
using CosmosHybrid.Storage;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers.Storage;

public class BlockRequestTests
{
    [TestCase(0UL, 512, 1UL, StorageError.Ok)]
    [TestCase(99UL, 512, 1UL, StorageError.Ok)]
    [TestCase(90UL, 5120, 10UL, StorageError.Ok)]
    [TestCase(91UL, 5120, 0UL, StorageError.InvalidArgument)]   // one sector past the end
    [TestCase(100UL, 512, 0UL, StorageError.InvalidArgument)]
    [TestCase(0UL, 0, 0UL, StorageError.InvalidArgument)]
    [TestCase(0UL, 513, 0UL, StorageError.InvalidArgument)]
    [TestCase(ulong.MaxValue, 512, 0UL, StorageError.InvalidArgument)]
    public void ValidatesAgainstA100SectorDevice(ulong lba, int bytes, ulong sectors, StorageError expected)
    {
        StorageError error = BlockRequest.Validate(lba, bytes, 512, 100, out ulong count);

        Assert.That(error, Is.EqualTo(expected));
        Assert.That(count, Is.EqualTo(sectors));
    }
}
