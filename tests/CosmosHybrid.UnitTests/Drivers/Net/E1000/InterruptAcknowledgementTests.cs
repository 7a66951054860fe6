using CosmosHybrid.Devices;
using CosmosHybrid.Drivers.Net.E1000;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers.Net.E1000;

/// <summary>
/// The driver's acknowledgements against the kernel's books of its line (<see cref="SharedIrqLine"/>):
/// a delivered interrupt stays pending, its device quiet, until the driver acknowledges.
/// </summary>
public class InterruptAcknowledgementTests
{
    private static (SharedIrqLine Line, int Slot) BoundPciLine()
    {
        var line = new SharedIrqLine();
        int slot = line.Add(masksAtDevice: true);
        return (line, slot);
    }

    // One wake-up of the driver: it acknowledges when that is due, and the kernel's books follow.
    private static void WakeUp(ref InterruptAcknowledgement acknowledgement, SharedIrqLine line, int slot, bool interrupt, bool sweep, bool callWorks = true)
    {
        if (!acknowledgement.IsDue(interrupt, sweep))
            return;
        if (callWorks)
            line.Acknowledge(slot);
        acknowledgement.Done(callWorks);
    }

    [Test]
    public void AnInterruptIsAcknowledgedAndTheNextOneIsDeliveredAgain()
    {
        var (line, slot) = BoundPciLine();
        var acknowledgement = new InterruptAcknowledgement();
        Assert.That(line.Raise(1u << slot), Is.EqualTo(1u << slot));
        WakeUp(ref acknowledgement, line, slot, interrupt: true, sweep: false);
        Assert.That(line.IsPending(slot), Is.False);
        Assert.That(line.Raise(1u << slot), Is.EqualTo(1u << slot));
    }

    [Test]
    public void AnInterruptWhoseNotificationWasLostIsAcknowledgedByTheNextSweep()
    {
        // The e1000 fault campaign: a register flipped in the driver lost the notification that
        // carried an interrupt. Kicks kept waking it, but nothing acknowledged the line, so the NIC
        // stayed quiet until the driver's next restart and the downloads crawled at the sweep's pace.
        var (line, slot) = BoundPciLine();
        var acknowledgement = new InterruptAcknowledgement();
        Assert.That(line.Raise(1u << slot), Is.EqualTo(1u << slot), "delivered, and never seen by the driver");
        WakeUp(ref acknowledgement, line, slot, interrupt: false, sweep: false);
        Assert.That(line.Raise(1u << slot), Is.Zero, "a kick alone does not acknowledge: the device stays quiet");
        WakeUp(ref acknowledgement, line, slot, interrupt: false, sweep: true);
        Assert.That(line.IsPending(slot), Is.False, "the sweep acknowledged");
        Assert.That(line.Raise(1u << slot), Is.EqualTo(1u << slot), "the next interrupt is delivered");
    }

    [Test]
    public void AFailedAcknowledgementIsMadeAgainAtTheNextWakeUp()
    {
        var (line, slot) = BoundPciLine();
        var acknowledgement = new InterruptAcknowledgement();
        line.Raise(1u << slot);
        WakeUp(ref acknowledgement, line, slot, interrupt: true, sweep: false, callWorks: false);
        Assert.That(line.IsPending(slot), Is.True);
        Assert.That(acknowledgement.IsDue(interrupt: false, sweep: false), Is.True, "owed to the next wake-up, a kick included");
        WakeUp(ref acknowledgement, line, slot, interrupt: false, sweep: false);
        Assert.That(line.IsPending(slot), Is.False);
        Assert.That(acknowledgement.IsDue(interrupt: false, sweep: false), Is.False, "nothing owed once it worked");
    }

    [Test]
    public void ASweepsAcknowledgementOfALineThatIsNotPendingChangesNothing()
    {
        var (line, slot) = BoundPciLine();
        var acknowledgement = new InterruptAcknowledgement();
        WakeUp(ref acknowledgement, line, slot, interrupt: false, sweep: true);
        Assert.That(line.Pending, Is.Zero);
        Assert.That(line.MustMaskLine, Is.False);
        Assert.That(line.Raise(1u << slot), Is.EqualTo(1u << slot));
    }
}
