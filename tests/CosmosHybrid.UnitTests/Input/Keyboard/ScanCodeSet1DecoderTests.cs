using System.Collections.Generic;
using CosmosHybrid.Services.Input.Keyboard;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Input.Keyboard;

public class ScanCodeSet1DecoderTests
{
    private static List<string> Decode(params byte[] bytes)
    {
        var decoder = new ScanCodeSet1Decoder();
        var events = new List<string>();
        foreach (byte value in bytes)
        {
            if (decoder.TryDecode(value, out KeyEvent keyEvent))
                events.Add(keyEvent.ToString());
        }
        return events;
    }

    [Test]
    public void PlainKeysPressAndRelease() =>
        Assert.That(Decode(0x1E, 0x9E, 0x2A, 0x10, 0x90, 0xAA), Is.EqualTo(new[] { "A down", "A up", "LeftShift down", "Q down", "Q up", "LeftShift up" }));

    [Test]
    public void ExtendedKeysComeAfterE0() =>
        Assert.That(Decode(0xE0, 0x48, 0xE0, 0xC8, 0xE0, 0x38, 0xE0, 0x1C, 0x1C), Is.EqualTo(new[] { "Up down", "Up up", "RightAlt down", "KeypadEnter down", "Enter down" }));

    [Test]
    public void FakeShiftsAroundExtendedKeysAreDropped() =>
        // PrintScreen: E0 2A E0 37, released as E0 B7 E0 AA.
        Assert.That(Decode(0xE0, 0x2A, 0xE0, 0x37, 0xE0, 0xB7, 0xE0, 0xAA), Is.EqualTo(new[] { "PrintScreen down", "PrintScreen up" }));

    [Test]
    public void PauseIsOnePressFromSixBytes() =>
        Assert.That(Decode(0xE1, 0x1D, 0x45, 0xE1, 0x9D, 0xC5, 0x1E), Is.EqualTo(new[] { "Pause down", "A down" }));

    [Test]
    public void UnknownCodesAndKeyboardRepliesAreSkippedAndTheStreamResynchronises() =>
        Assert.That(Decode(0xFA, 0x5F, 0xE0, 0x11, 0xFE, 0x00, 0xFF, 0x1E), Is.EqualTo(new[] { "A down" }));

    [Test]
    public void TypematicRepeatIsAnotherPress() =>
        Assert.That(Decode(0x1E, 0x1E, 0x1E, 0x9E), Is.EqualTo(new[] { "A down", "A down", "A down", "A up" }));
}
