using CosmosHybrid.Devices;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Devices;

public class SharedIrqLineTests
{
    [Test]
    public void OnlyAssertingBoundHandlersAreNotifiedAndOnlyOnceUntilTheyAcknowledge()
    {
        var line = new SharedIrqLine();
        int nic = line.Add(masksAtDevice: true);
        int other = line.Add(masksAtDevice: true);

        Assert.That(line.Raise(1u << nic), Is.EqualTo(1u << nic));
        Assert.That(line.Raise((1u << nic) | (1u << other)), Is.EqualTo(1u << other), "the NIC is still pending");
        Assert.That(line.Raise(0x80), Is.Zero, "slot 7 is not bound");
        Assert.That(line.MustMaskLine, Is.False, "PCI devices are quieted at the device");

        Assert.That(line.Acknowledge(nic), Is.True);
        Assert.That(line.IsPending(nic), Is.False);
        Assert.That(line.IsPending(other), Is.True);
        Assert.That(line.Raise(1u << nic), Is.EqualTo(1u << nic), "acknowledged: notified again");
    }

    [Test]
    public void ALegacyHandlerMasksTheLineUntilEveryLegacyHandlerHasAcknowledged()
    {
        var line = new SharedIrqLine();
        int first = line.Add(masksAtDevice: false);
        int second = line.Add(masksAtDevice: false);
        int pci = line.Add(masksAtDevice: true);

        line.Raise(0b111);
        Assert.That(line.MustMaskLine, Is.True);
        line.Acknowledge(first);
        Assert.That(line.MustMaskLine, Is.True, "the second still owes");
        line.Acknowledge(second);
        Assert.That(line.MustMaskLine, Is.False, "the PCI device stays quiet at the device, the line opens");
        Assert.That(line.IsPending(pci), Is.True);
    }

    [Test]
    public void ADriverThatNeverAcknowledgesIsForgivenWhenRemoved()
    {
        var line = new SharedIrqLine();
        int silent = line.Add(masksAtDevice: false);
        line.Raise(1u << silent);
        Assert.That(line.MustMaskLine, Is.True);

        line.Remove(silent);

        Assert.That(line.MustMaskLine, Is.False);
        Assert.That(line.HasHandlers, Is.False);
        Assert.That(line.Acknowledge(silent), Is.False, "gone: nothing to acknowledge");
        int next = line.Add(masksAtDevice: true);
        Assert.That(next, Is.EqualTo(silent), "the slot is reused");
        Assert.That(line.IsPending(next), Is.False, "and starts clean");
    }

    [Test]
    public void SlotsRunOutAndBadSlotsAreRefused()
    {
        var line = new SharedIrqLine();
        for (int i = 0; i < SharedIrqLine.MaxHandlers; i++)
            Assert.That(line.Add(masksAtDevice: true), Is.EqualTo(i));
        Assert.That(line.Add(masksAtDevice: true), Is.EqualTo(-1));
        Assert.That(line.Acknowledge(-1), Is.False);
        Assert.That(line.Acknowledge(SharedIrqLine.MaxHandlers), Is.False);
        Assert.That(line.IsBound(99), Is.False);
    }
}
