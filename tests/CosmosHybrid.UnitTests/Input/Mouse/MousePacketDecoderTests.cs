using System.Collections.Generic;
using CosmosHybrid.Services.Input.Mouse;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Input.Mouse;

public class MousePacketDecoderTests
{
    private static List<MouseEvent> Decode(MousePacketDecoder decoder, params byte[] bytes)
    {
        var events = new List<MouseEvent>();
        foreach (byte value in bytes)
        {
            if (decoder.TryDecode(value, out MouseEvent mouseEvent))
                events.Add(mouseEvent);
        }
        return events;
    }

    [Test]
    public void ThreeBytePacketsCarryButtonsAndSignedMovementWithYTurnedDown()
    {
        var decoder = new MousePacketDecoder();
        // Left held, +5 right, +3 up; then right+middle, -2 (sign bit x), -1 (sign bit y: down).
        List<MouseEvent> events = Decode(decoder, 0x09, 5, 3, 0x08 | 0x02 | 0x04 | 0x10 | 0x20, 0xFE, 0xFF);
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(events[0].DeltaX, Is.EqualTo(5));
        Assert.That(events[0].DeltaY, Is.EqualTo(-3));
        Assert.That(events[0].Buttons, Is.EqualTo(MouseButtons.Left));
        Assert.That(events[0].Wheel, Is.EqualTo(0));
        Assert.That(events[1].DeltaX, Is.EqualTo(-2));
        Assert.That(events[1].DeltaY, Is.EqualTo(1));
        Assert.That(events[1].Buttons, Is.EqualTo(MouseButtons.Right | MouseButtons.Middle));
    }

    [Test]
    public void LargestMovementsUseTheNinthBit()
    {
        var decoder = new MousePacketDecoder();
        List<MouseEvent> events = Decode(decoder, 0x08 | 0x10, 0x00, 0xFF, 0x08 | 0x20, 0xFF, 0x00);
        Assert.That(events[0].DeltaX, Is.EqualTo(-256));
        Assert.That(events[0].DeltaY, Is.EqualTo(-255));
        Assert.That(events[1].DeltaX, Is.EqualTo(255));
        Assert.That(events[1].DeltaY, Is.EqualTo(256));
    }

    [Test]
    public void IntelliMousePacketsHaveAFourthByteForTheWheel()
    {
        var decoder = new MousePacketDecoder { HasWheel = true };
        Assert.That(decoder.PacketSize, Is.EqualTo(4));
        // Wheel byte -1 is a turn away from the user (QEMU's wheel-up): up, +1. Then 2 notches down.
        List<MouseEvent> events = Decode(decoder, 0x08, 0, 0, 0xFF, 0x0C, 1, 0, 2);
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(events[0].Wheel, Is.EqualTo(1));
        Assert.That(events[1].Wheel, Is.EqualTo(-2));
        Assert.That(events[1].Buttons, Is.EqualTo(MouseButtons.Middle));
        Assert.That(events[1].DeltaX, Is.EqualTo(1));
    }

    [Test]
    public void AByteWithoutBitThreeCannotStartAPacketAndIsDropped()
    {
        var decoder = new MousePacketDecoder();
        // A lost first byte: the stream starts mid-packet (5, 3), then a good packet follows.
        List<MouseEvent> events = Decode(decoder, 0x05, 0x03, 0x09, 7, 0);
        Assert.That(events, Has.Count.EqualTo(1));
        Assert.That(events[0].DeltaX, Is.EqualTo(7));
        Assert.That(events[0].Buttons, Is.EqualTo(MouseButtons.Left));
        Assert.That(decoder.Dropped, Is.EqualTo(2));
    }

    [Test]
    public void OverflowingPacketsAndImpossibleWheelValuesAreDropped()
    {
        var decoder = new MousePacketDecoder();
        Assert.That(Decode(decoder, 0x08 | 0x40, 1, 1, 0x08 | 0x80, 1, 1), Is.Empty);
        var wheel = new MousePacketDecoder { HasWheel = true };
        Assert.That(Decode(wheel, 0x08, 1, 1, 0x40), Is.Empty);
        Assert.That(Decode(wheel, 0x08, 1, 1, 0x07), Has.Count.EqualTo(1));
    }

    [Test]
    public void ResynchroniseDropsAHalfPacket()
    {
        var decoder = new MousePacketDecoder();
        Assert.That(Decode(decoder, 0x09, 40), Is.Empty);
        decoder.Resynchronise();
        List<MouseEvent> events = Decode(decoder, 0x08, 2, 0);
        Assert.That(events, Has.Count.EqualTo(1));
        Assert.That(events[0].DeltaX, Is.EqualTo(2));
        Assert.That(events[0].Buttons, Is.EqualTo(MouseButtons.None));
    }

    [Test]
    public void TheIntelliMouseKnockAndIdsAreTheProtocols()
    {
        Assert.That(PointingDeviceId.IntelliMouseKnock, Is.EqualTo(new byte[] { 200, 100, 80 }));
        Assert.That(PointingDeviceId.HasWheel(3), Is.True);
        Assert.That(PointingDeviceId.HasWheel(0), Is.False);
        Assert.That(PointingDeviceId.Describe(3), Does.Contain("IntelliMouse (ID 3"));
    }

    [Test]
    public void EventsPrintTheirFields() =>
        Assert.That(new MouseEvent(3, -4, 1, MouseButtons.Left | MouseButtons.Right).ToString(), Is.EqualTo("dx=3 dy=-4 wheel=1 buttons=left+right"));
}
