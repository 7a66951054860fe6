using System.Collections.Generic;
using CosmosHybrid.Memory.Paging;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Memory.Paging;

public class AddressSpaceIdsTests
{
    [Test]
    public void HandsOutEveryIdOnceThenZero()
    {
        var ids = new AddressSpaceIds(AddressSpaceIds.MaxCapacity);
        var seen = new HashSet<int>();
        for (int i = 0; i < AddressSpaceIds.MaxCapacity; i++)
        {
            int id = ids.Allocate();
            Assert.That(id, Is.InRange(1, AddressSpaceIds.MaxCapacity), "PCIDs are 12 bits and 0 is the kernel's");
            Assert.That(seen.Add(id), Is.True, $"id {id} handed out twice");
        }
        Assert.That(ids.Allocate(), Is.EqualTo(0));
        Assert.That(ids.InUse, Is.EqualTo(AddressSpaceIds.MaxCapacity));
    }

    [Test]
    public void FreedIdsComeBackOldestFirstAfterTheUnused()
    {
        var ids = new AddressSpaceIds(4);
        int first = ids.Allocate();
        int second = ids.Allocate();
        Assert.That(ids.Free(second), Is.True);
        Assert.That(ids.Free(first), Is.True);
        // The two never used come first, then the freed ones in the order they were freed.
        Assert.That(new[] { ids.Allocate(), ids.Allocate(), ids.Allocate(), ids.Allocate() }, Is.EqualTo(new[] { 3, 4, second, first }));
        Assert.That(ids.Allocate(), Is.EqualTo(0));
    }

    [Test]
    public void RefusesIdsThatAreFreeOrOutOfRange()
    {
        var ids = new AddressSpaceIds(8);
        int id = ids.Allocate();
        Assert.That(ids.Free(id), Is.True);
        Assert.That(ids.Free(id), Is.False, "double free");
        Assert.That(ids.Free(0), Is.False, "the kernel's");
        Assert.That(ids.Free(9), Is.False, "beyond the capacity");
        Assert.That(ids.Free(5), Is.False, "never handed out");
        Assert.That(ids.InUse, Is.EqualTo(0));
    }

    [Test]
    public void CapacityMustFitInAPcid()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new AddressSpaceIds(0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new AddressSpaceIds(AddressSpaceIds.MaxCapacity + 1));
    }
}
