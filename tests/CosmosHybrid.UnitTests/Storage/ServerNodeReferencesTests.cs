using CosmosHybrid.Storage.Kernel.Forwarding;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// The kernel's count of the ring-3 server's node ids (issue 14): an id is released only when no
/// kernel node refers to it and it is the oldest of more idle ids than the kernel keeps.
/// </summary>
[TestFixture]
public class ServerNodeReferencesTests
{
    [Test]
    public void AnIdIsReleasedOnlyAfterItsLastNodeIsLetGoAndItFallsOutOfTheIdleOnes()
    {
        var references = new ServerNodeReferences(idleCapacity: 2);
        references.Take(5);
        references.Take(5);
        Assert.That(references.Drop(5, out _), Is.False, "another node still refers to 5");
        Assert.That(references.Drop(5, out _), Is.False, "idle now, kept");
        Assert.That(references.Referenced, Is.EqualTo(0));
        Assert.That(references.Held, Is.EqualTo(1));

        references.Take(6);
        references.Take(7);
        Assert.That(references.Drop(6, out _), Is.False);
        Assert.That(references.Drop(7, out ulong released), Is.True, "three idle ids, two kept");
        Assert.That(released, Is.EqualTo(5UL), "the one let go longest ago");
        Assert.That(references.Held, Is.EqualTo(2));
    }

    [Test]
    public void AnIdleIdTakenAgainIsNotReleased()
    {
        var references = new ServerNodeReferences(idleCapacity: 1);
        references.Take(5);
        references.Drop(5, out _);
        references.Take(5); // the same name looked up again: the server answered with the same id
        references.Take(6);
        Assert.That(references.Drop(6, out _), Is.False, "5 is referenced again, so 6 is the only idle id");
        Assert.That(references.Drop(5, out ulong released), Is.True);
        Assert.That(released, Is.EqualTo(6UL));
    }

    [Test]
    public void DropsOfIdsNotTakenAndIdsOfAnEarlierServerAreIgnored()
    {
        var references = new ServerNodeReferences(idleCapacity: 0);
        Assert.That(references.Drop(9, out _), Is.False);
        references.Take(9);
        references.Clear(); // a new server attached
        Assert.That(references.Drop(9, out _), Is.False);
        Assert.That(references.Held, Is.EqualTo(0));
        references.Take(3);
        Assert.That(references.Drop(3, out ulong released), Is.True, "no idle ids kept");
        Assert.That(released, Is.EqualTo(3UL));
    }
}
