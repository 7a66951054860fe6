using System;
using System.Linq;
using CosmosHybrid.Streams;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Streams;

/// <summary>The pipe's ring: order, wrap-around, full and empty, and both ends closing.</summary>
[TestFixture]
public class PipeBufferTests
{
    private static byte[] Bytes(int start, int count) => Enumerable.Range(start, count).Select(i => (byte)i).ToArray();

    [Test]
    public void ReadsWhatWasWrittenInOrder()
    {
        var pipe = new PipeBuffer(16);
        Assert.That(pipe.Write(Bytes(1, 5), out int written), Is.EqualTo(PipeStatus.Moved));
        Assert.That(written, Is.EqualTo(5));
        var destination = new byte[8];
        Assert.That(pipe.Read(destination, out int read), Is.EqualTo(PipeStatus.Moved));
        Assert.That(destination.Take(read), Is.EqualTo(Bytes(1, 5)));
        Assert.That(pipe.Count, Is.Zero);
    }

    [Test]
    public void AnEmptyPipeBlocksItsReader()
    {
        var pipe = new PipeBuffer(16);
        Assert.That(pipe.Read(new byte[4], out int read), Is.EqualTo(PipeStatus.WouldBlock));
        Assert.That(read, Is.Zero);
    }

    [Test]
    public void AFullPipeTakesWhatFitsThenBlocksItsWriter()
    {
        var pipe = new PipeBuffer(8);
        Assert.That(pipe.Write(Bytes(0, 12), out int written), Is.EqualTo(PipeStatus.Moved));
        Assert.That(written, Is.EqualTo(8));
        Assert.That(pipe.Write(Bytes(0, 1), out written), Is.EqualTo(PipeStatus.WouldBlock));
        Assert.That(written, Is.Zero);
        var destination = new byte[3];
        pipe.Read(destination, out int read);
        Assert.That(read, Is.EqualTo(3));
        Assert.That(pipe.Write(Bytes(100, 5), out written), Is.EqualTo(PipeStatus.Moved));
        Assert.That(written, Is.EqualTo(3), "as much as was freed");
    }

    [Test]
    public void WrapsAroundTheEndOfItsArray()
    {
        var pipe = new PipeBuffer(8);
        var sink = new byte[8];
        var expected = new System.Collections.Generic.List<byte>();
        var actual = new System.Collections.Generic.List<byte>();
        int next = 0;
        // Writes and reads of sizes that do not divide the capacity move the head all around the ring.
        for (int round = 0; round < 50; round++)
        {
            byte[] chunk = Bytes(next, 1 + round % 7);
            pipe.Write(chunk, out int written);
            expected.AddRange(chunk.Take(written));
            next += written;
            var destination = new byte[1 + round % 5];
            if (pipe.Read(destination, out int read) == PipeStatus.Moved)
                actual.AddRange(destination.Take(read));
            Assert.That(pipe.Count, Is.InRange(0, 8));
        }
        while (pipe.Read(sink, out int rest) == PipeStatus.Moved)
            actual.AddRange(sink.Take(rest));
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(next, Is.GreaterThan(100));
    }

    [Test]
    public void ReadsTheRestThenTheEndOnceTheWriterIsGone()
    {
        var pipe = new PipeBuffer(8);
        pipe.Write(Bytes(7, 3), out _);
        pipe.CloseWriteEnd();
        var destination = new byte[8];
        Assert.That(pipe.Read(destination, out int read), Is.EqualTo(PipeStatus.Moved));
        Assert.That(read, Is.EqualTo(3));
        Assert.That(pipe.Read(destination, out read), Is.EqualTo(PipeStatus.EndOfFile));
        Assert.That(read, Is.Zero);
        Assert.That(pipe.Read(destination, out _), Is.EqualTo(PipeStatus.EndOfFile), "and again");
    }

    [Test]
    public void WritingWithNoReaderFailsAndDropsWhatWasQueued()
    {
        var pipe = new PipeBuffer(8);
        pipe.Write(Bytes(0, 8), out _);
        pipe.CloseReadEnd();
        Assert.That(pipe.Count, Is.Zero);
        Assert.That(pipe.Write(Bytes(0, 1), out int written), Is.EqualTo(PipeStatus.NoReader));
        Assert.That(written, Is.Zero);
    }

    [Test]
    public void EmptyReadsAndWritesMoveNothing()
    {
        var pipe = new PipeBuffer(4);
        Assert.That(pipe.Write(ReadOnlySpan<byte>.Empty, out int written), Is.EqualTo(PipeStatus.Moved));
        Assert.That(written, Is.Zero);
        pipe.Write(Bytes(1, 1), out _);
        Assert.That(pipe.Read(Span<byte>.Empty, out int read), Is.EqualTo(PipeStatus.Moved));
        Assert.That(read, Is.Zero);
        Assert.That(pipe.Count, Is.EqualTo(1));
    }
}
