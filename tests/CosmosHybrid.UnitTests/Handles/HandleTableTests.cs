using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Handles;

public class HandleTableTests
{
    private sealed class Thing : KernelObject
    {
        public int Closed;

        public override void OnHandleClosed(HandleRights rights) => Closed++;
    }

    [Test]
    public void GrowsPastItsFirstSlotsUpToTheQuotaThenRefuses()
    {
        var table = new HandleTable { Limit = 3000 };
        var thing = new Thing();
        for (int i = 1; i <= 3000; i++)
            Assert.That(table.Add(thing, HandleRights.Send), Is.EqualTo(i));

        Assert.That(table.Add(thing, HandleRights.Send), Is.EqualTo(0), "over the quota");
        Assert.That(table.Count, Is.EqualTo(3000));
        Assert.That(thing.References, Is.EqualTo(3000));
        Assert.That(table.SlotCount, Is.EqualTo(3000), "never grown past the quota");
    }

    [Test]
    public void ReusesTheLowestFreeValue()
    {
        var table = new HandleTable();
        var thing = new Thing();
        for (int i = 0; i < 5; i++)
            table.Add(thing, HandleRights.Send);

        Assert.That(table.Detach(4, out _, out _), Is.True);
        Assert.That(table.Detach(2, out _, out _), Is.True);

        Assert.That(table.Add(thing, HandleRights.Send), Is.EqualTo(2));
        Assert.That(table.Add(thing, HandleRights.Send), Is.EqualTo(4));
        Assert.That(table.Add(thing, HandleRights.Send), Is.EqualTo(6));
    }

    [Test]
    public void LookupChecksTheValueAndTheRights()
    {
        var table = new HandleTable();
        long handle = table.Add(new Thing(), HandleRights.Send | HandleRights.Transfer);

        Assert.That(table.Lookup(handle, HandleRights.Send, out KernelObject found, out _), Is.EqualTo(SyscallError.None));
        Assert.That(found, Is.Not.Null);
        Assert.That(table.Lookup(handle, HandleRights.Receive, out _, out _), Is.EqualTo(SyscallError.NoRight));
        Assert.That(table.Lookup(0, HandleRights.None, out _, out _), Is.EqualTo(SyscallError.BadHandle));
        Assert.That(table.Lookup(-1, HandleRights.None, out _, out _), Is.EqualTo(SyscallError.BadHandle));
        Assert.That(table.Lookup(handle + 1, HandleRights.None, out _, out _), Is.EqualTo(SyscallError.BadHandle));
        Assert.That(table.Lookup(long.MaxValue, HandleRights.None, out _, out _), Is.EqualTo(SyscallError.BadHandle));
    }

    [Test]
    public void InstallKeepsTheSpawnersOrderWithGaps()
    {
        var table = new HandleTable();
        var thing = new Thing();
        table.Install(4, thing, HandleRights.RootAuthority);
        table.Install(40, thing, HandleRights.Send);

        Assert.That(table.Count, Is.EqualTo(2));
        Assert.That(table.Lookup(4, HandleRights.PowerOff, out _, out _), Is.EqualTo(SyscallError.None));
        Assert.That(table.Lookup(40, HandleRights.Send, out _, out _), Is.EqualTo(SyscallError.None));
        Assert.That(table.Add(thing, HandleRights.Send), Is.EqualTo(1), "the gaps are free values");
    }
}
