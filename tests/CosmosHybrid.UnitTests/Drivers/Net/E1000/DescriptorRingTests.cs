using CosmosHybrid.Drivers.Net.E1000;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers.Net.E1000;

public class DescriptorRingTests
{
    [TestCase(8, true)]
    [TestCase(64, true)]
    [TestCase(4096, true)]
    [TestCase(0, false)]
    [TestCase(7, false)]
    [TestCase(12, false)]
    [TestCase(4104, false)]
    [TestCase(-8, false)]
    public void CountsAreMultiplesOfEight(int count, bool valid) =>
        Assert.That(DescriptorRing.IsValidCount(count), Is.EqualTo(valid));

    [Test]
    public void OneSlotStaysEmpty()
    {
        var ring = new DescriptorRing(8);
        Assert.That(ring.LengthInBytes, Is.EqualTo(128));
        Assert.That(ring.Free, Is.EqualTo(7));
        for (int i = 0; i < 7; i++)
            Assert.That(ring.Give(), Is.True);
        Assert.That(ring.Give(), Is.False, "full: tail would reach the head");
        Assert.That(ring.Tail, Is.EqualTo(7));
        Assert.That(ring.InFlight, Is.EqualTo(7));
        Assert.That(ring.Free, Is.Zero);
    }

    [Test]
    public void GivingAndTakingBackWrapsAround()
    {
        var ring = new DescriptorRing(8);
        for (int round = 0; round < 20; round++)
        {
            Assert.That(ring.Give(), Is.True);
            Assert.That(ring.Give(), Is.True);
            Assert.That(ring.Give(), Is.True);
            Assert.That(ring.IsInFlight(ring.Clean), Is.True);
            Assert.That(ring.IsInFlight(ring.Tail), Is.False, "the tail slot is the driver's");
            Assert.That(ring.TakeBack(), Is.True);
            Assert.That(ring.TakeBack(), Is.True);
            Assert.That(ring.TakeBack(), Is.True);
            Assert.That(ring.TakeBack(), Is.False, "nothing in flight");
            Assert.That(ring.Clean, Is.EqualTo(ring.Tail));
        }
        Assert.That(ring.Tail, Is.EqualTo(60 % 8));
        Assert.That(ring.Next(7), Is.EqualTo(0));
        Assert.That(ring.IsInFlight(-1), Is.False);
        Assert.That(ring.IsInFlight(8), Is.False);
    }

    [Test]
    public void InFlightCountsAcrossTheEnd()
    {
        var ring = new DescriptorRing(8);
        for (int i = 0; i < 6; i++)
            ring.Give();
        for (int i = 0; i < 6; i++)
            ring.TakeBack();
        for (int i = 0; i < 5; i++)
            ring.Give(); // tail 11 mod 8 = 3, clean 6
        Assert.That(ring.Tail, Is.EqualTo(3));
        Assert.That(ring.Clean, Is.EqualTo(6));
        Assert.That(ring.InFlight, Is.EqualTo(5));
        Assert.That(ring.Free, Is.EqualTo(2));
        Assert.That(ring.IsInFlight(7), Is.True);
        Assert.That(ring.IsInFlight(2), Is.True);
        Assert.That(ring.IsInFlight(3), Is.False);
        Assert.That(ring.IsInFlight(5), Is.False);
    }
}
