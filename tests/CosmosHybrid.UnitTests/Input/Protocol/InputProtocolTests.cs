using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Input.Mouse;
using CosmosHybrid.Services.Input.Protocol;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Input.Protocol;

public class InputProtocolTests
{
    [Test]
    public void KeymapNamesPackIntoOneWordAndBack()
    {
        Assert.That(KeymapName.TryPack("de", out ulong packed), Is.True);
        Assert.That(packed, Is.EqualTo((ulong)'d' | ((ulong)'e' << 8)));
        Assert.That(KeymapName.Unpack(packed), Is.EqualTo("de"));
        Assert.That(KeymapName.TryPack("abcdefgh", out ulong eight), Is.True);
        Assert.That(KeymapName.Unpack(eight), Is.EqualTo("abcdefgh"));
    }

    [TestCase("")]
    [TestCase("toolongname")]
    [TestCase("DE")]
    [TestCase("d e")]
    [TestCase(null)]
    public void BadKeymapNamesDoNotPack(string name) => Assert.That(KeymapName.TryPack(name, out _), Is.False);

    [TestCase(0UL)]
    [TestCase(0x4544UL)]            // "DE": not lower case
    [TestCase(0x6500_0064UL)]       // a letter after the end
    public void BadWordsDoNotUnpack(ulong word) => Assert.That(KeymapName.Unpack(word), Is.Null);

    [Test]
    public void KeyEventsRoundTripWithTheirText()
    {
        byte[] text = { 0x1B, (byte)'[', (byte)'A' };
        KeyEventMessage sent = KeyEventMessage.Create(new KeyEvent(Key.Up, pressed: true), KeyboardModifiers.Shift | KeyboardModifiers.NumLock, text);
        IpcMessage message = sent.ToMessage();
        Assert.That(message.Tag, Is.EqualTo((ulong)InputMessageTag.KeyEvent));
        Assert.That(KeyEventMessage.TryRead(message, out KeyEventMessage received), Is.True);
        Assert.That(received.Key, Is.EqualTo(Key.Up));
        Assert.That(received.Pressed, Is.True);
        Assert.That(received.Modifiers, Is.EqualTo(KeyboardModifiers.Shift | KeyboardModifiers.NumLock));
        Span<byte> copy = stackalloc byte[8];
        Assert.That(received.CopyText(copy), Is.EqualTo(3));
        Assert.That(copy.Slice(0, 3).ToArray(), Is.EqualTo(text));
    }

    [Test]
    public void MalformedKeyEventsAreRefused()
    {
        IpcMessage good = KeyEventMessage.Create(new KeyEvent(Key.A, pressed: false), KeyboardModifiers.None, new byte[] { (byte)'a' }).ToMessage();
        Assert.That(KeyEventMessage.TryRead(good, out _), Is.True);

        IpcMessage wrongTag = good;
        wrongTag.Tag = (ulong)InputMessageTag.MouseEvent;
        IpcMessage noKey = good;
        noKey.Word0 = 0;
        IpcMessage badPressed = good;
        badPressed.Word1 = 2;
        IpcMessage unknownModifier = good;
        unknownModifier.Word2 |= 0x1000;
        IpcMessage tooLong = good;
        tooLong.Word2 = 9UL << 32;
        IpcMessage bytesPastLength = good;
        bytesPastLength.Word3 = 0x6161;
        foreach (IpcMessage bad in new[] { wrongTag, noKey, badPressed, unknownModifier, tooLong, bytesPastLength })
            Assert.That(KeyEventMessage.TryRead(bad, out _), Is.False);
    }

    [Test]
    public void TextLongerThanAWordIsLeftOut()
    {
        KeyEventMessage message = KeyEventMessage.Create(new KeyEvent(Key.A, true), KeyboardModifiers.None, new byte[9]);
        Assert.That(message.TextLength, Is.EqualTo(0));
    }

    [Test]
    public void MouseEventsRoundTripAndNonsenseIsRefused()
    {
        IpcMessage message = MouseEventMessage.ToMessage(new MouseEvent(-12, 7, -1, MouseButtons.Left | MouseButtons.Middle));
        Assert.That(MouseEventMessage.TryRead(message, out MouseEvent received), Is.True);
        Assert.That((received.DeltaX, received.DeltaY, received.Wheel, received.Buttons),
            Is.EqualTo((-12, 7, -1, MouseButtons.Left | MouseButtons.Middle)));

        IpcMessage huge = message;
        huge.Word0 = 100000;
        IpcMessage badButtons = message;
        badButtons.Word3 = 8;
        IpcMessage wrongTag = message;
        wrongTag.Tag = (ulong)InputMessageTag.KeyEvent;
        foreach (IpcMessage bad in new[] { huge, badButtons, wrongTag })
            Assert.That(MouseEventMessage.TryRead(bad, out _), Is.False);
    }
}
