using CosmosHybrid.Console.Input;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Console.Input;

[TestFixture]
public class ConsoleInputBufferTests
{
    [Test]
    public void TakesBytesOldestFirst()
    {
        var buffer = new ConsoleInputBuffer(8);
        foreach (byte b in "abc"u8.ToArray())
            buffer.TryPush(b);
        byte[] taken = new byte[8];
        Assert.That(buffer.Take(taken), Is.EqualTo(3));
        Assert.That(taken[..3], Is.EqualTo("abc"u8.ToArray()));
        Assert.That(buffer.Count, Is.Zero);
    }

    [Test]
    public void TakesNoMoreThanTheDestinationHolds()
    {
        var buffer = new ConsoleInputBuffer(8);
        foreach (byte b in "abcd"u8.ToArray())
            buffer.TryPush(b);
        byte[] taken = new byte[3];
        Assert.That(buffer.Take(taken), Is.EqualTo(3));
        Assert.That(buffer.Count, Is.EqualTo(1));
        Assert.That(buffer.Take(taken), Is.EqualTo(1));
        Assert.That(taken[0], Is.EqualTo((byte)'d'));
    }

    [Test]
    public void StopsBeforeTheEndOfInputByteAndLetsItBePeeked()
    {
        var buffer = new ConsoleInputBuffer(8);
        foreach (byte value in new byte[] { (byte)'a', (byte)'b', 0x04, (byte)'c' })
            buffer.TryPush(value);
        var destination = new byte[8];
        Assert.That(buffer.Take(destination, 0x04), Is.EqualTo(2));
        Assert.That(buffer.Peek(), Is.EqualTo(0x04));
        Assert.That(buffer.Take(new byte[1]), Is.EqualTo(1));
        Assert.That(buffer.Take(destination, 0x04), Is.EqualTo(1));
        Assert.That(destination[0], Is.EqualTo((byte)'c'));
        Assert.That(buffer.Peek(), Is.EqualTo(-1));
    }

    [Test]
    public void DropsAndCountsBytesThatArriveWhenFull()
    {
        var buffer = new ConsoleInputBuffer(2);
        Assert.That(buffer.TryPush(1), Is.True);
        Assert.That(buffer.TryPush(2), Is.True);
        Assert.That(buffer.TryPush(3), Is.False);
        Assert.That(buffer.Dropped, Is.EqualTo(1UL));
        byte[] taken = new byte[4];
        Assert.That(buffer.Take(taken), Is.EqualTo(2));
        Assert.That(taken[..2], Is.EqualTo(new byte[] { 1, 2 }));
    }

    [Test]
    public void WrapsAroundTheEndOfTheRing()
    {
        var buffer = new ConsoleInputBuffer(3);
        byte[] one = new byte[1];
        for (int i = 0; i < 10; i++)
        {
            buffer.TryPush((byte)i);
            buffer.TryPush((byte)(i + 100));
            Assert.That(buffer.Take(one), Is.EqualTo(1));
            Assert.That(one[0], Is.EqualTo((byte)i));
            Assert.That(buffer.Take(one), Is.EqualTo(1));
            Assert.That(one[0], Is.EqualTo((byte)(i + 100)));
        }
        Assert.That(buffer.Dropped, Is.Zero);
    }
}
