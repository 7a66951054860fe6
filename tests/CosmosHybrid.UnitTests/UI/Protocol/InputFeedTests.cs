using System.Text;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UI.Protocol;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Protocol;

public class InputFeedTests
{
    [Test]
    public void PointerStartsInTheMiddleAndAddsMovements()
    {
        var feed = new InputFeed(800, 600);
        IpcMessage message = feed.Pointer(10, -20, 0, UiPointerButtons.Left);
        Assert.That(message.Tag, Is.EqualTo((ulong)UiRequest.PointerInput));
        Assert.That(message.Word0, Is.EqualTo(410UL));
        Assert.That(message.Word1, Is.EqualTo(280UL));
        Assert.That(message.Word2, Is.EqualTo((ulong)UiPointerButtons.Left));
        message = feed.Pointer(-5, 5, -2, UiPointerButtons.None);
        Assert.That((feed.X, feed.Y), Is.EqualTo((405, 285)));
        Assert.That((long)message.Word3, Is.EqualTo(-2));
    }

    [Test]
    public void PointerStaysOnTheScreenWhateverTheMovement()
    {
        var feed = new InputFeed(800, 600);
        feed.Pointer(int.MinValue, int.MinValue, 0, UiPointerButtons.None);
        Assert.That((feed.X, feed.Y), Is.EqualTo((0, 0)));
        IpcMessage message = feed.Pointer(int.MaxValue, int.MaxValue, 0, (UiPointerButtons)0xFF);
        Assert.That((feed.X, feed.Y), Is.EqualTo((799, 599)));
        Assert.That(message.Word2, Is.EqualTo(7UL), "unknown buttons are not passed on");
    }

    [Test]
    public void KeysCarryCodeStateModifiersAndTheFirstCharacter()
    {
        IpcMessage message = InputFeed.Key(UiKeyCodes.T, true, UiModifiers.Control | UiModifiers.Alt, Encoding.UTF8.GetBytes("t"));
        Assert.That(message.Tag, Is.EqualTo((ulong)UiRequest.KeyInput));
        Assert.That(message.Word0, Is.EqualTo((ulong)UiKeyCodes.T));
        Assert.That(message.Word1, Is.EqualTo(1UL));
        Assert.That(message.Word2, Is.EqualTo((ulong)(UiModifiers.Control | UiModifiers.Alt)));
        Assert.That(message.Word3, Is.EqualTo((ulong)'t'));
        Assert.That(InputFeed.Key(0x1E, false, UiModifiers.None, default).Word1, Is.EqualTo(0UL));
    }

    [TestCase("é", 0xE9u)]
    [TestCase("€x", 0x20ACu)]
    [TestCase("😀", 0x1F600u)]
    [TestCase("", 0u)]
    public void FirstScalarDecodesUtf8(string text, uint expected)
    {
        Assert.That(InputFeed.FirstScalar(Encoding.UTF8.GetBytes(text)), Is.EqualTo(expected));
    }

    [Test]
    public void BrokenUtf8GivesNoCharacter()
    {
        Assert.That(InputFeed.FirstScalar(new byte[] { 0xC3 }), Is.EqualTo(0u));
        Assert.That(InputFeed.FirstScalar(new byte[] { 0xFF, 0x41 }), Is.EqualTo(0u));
    }
}
