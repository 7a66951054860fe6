using System;
using System.Runtime.InteropServices;
using CosmosHybrid.Services.Net.FramePath;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Net.FramePath;

/// <summary>The shared rings over a pool laid out in unmanaged memory, both sides in one test.</summary>
public unsafe class FrameRingTests
{
    private static readonly FramePoolLayout Small = new FramePoolLayout(8, 24, 2048);
    private byte* _region;
    private FramePool _pool;

    [SetUp]
    public void LayOut()
    {
        _region = (byte*)NativeMemory.AllocZeroed((nuint)Small.TotalBytes);
        _pool = FramePool.Initialize(_region, Small);
    }

    [TearDown]
    public void Free() => NativeMemory.Free(_region);

    [Test]
    public void ANewPoolHasEmptyRingsAndEveryRingSlotHoldsItsOwnBuffer()
    {
        FrameRingProducer rx = _pool.ReceiveProducer();
        FrameRingConsumer rxc = _pool.ReceiveConsumer();
        Assert.That(rx.Free, Is.EqualTo(8));
        Assert.That(rxc.Available, Is.Zero);
        Assert.That(rx.NextBuffer, Is.EqualTo(0));
        Assert.That(_pool.TransmitProducer().NextBuffer, Is.EqualTo(8));
        Assert.That(_pool.HeaderMatches(), Is.True);
        Assert.That(_pool.DriverState, Is.EqualTo(FramePoolState.Detached));
        Assert.That(Small.TotalBytes, Is.EqualTo(4096 + 24 * 2048));
    }

    [Test]
    public void FramesPassInOrderAndWrapAroundManyTimes()
    {
        FrameRingProducer producer = _pool.ReceiveProducer();
        FrameRingConsumer consumer = _pool.ReceiveConsumer();
        int sent = 0, received = 0;
        for (int round = 0; round < 100; round++)
        {
            // Bursts of 1 to 8, so the indices wrap at every position.
            int burst = round % 8 + 1;
            for (int i = 0; i < burst; i++)
            {
                Assert.That(producer.Free, Is.GreaterThan(0));
                int buffer = producer.NextBuffer;
                Assert.That(Small.IsValidFrame(buffer, 60), Is.True);
                _pool.Buffer(buffer)[0] = (byte)sent;
                producer.Publish(buffer, 60 + sent % 100);
                sent++;
            }
            Assert.That(consumer.Available, Is.EqualTo(burst));
            while (consumer.Available > 0)
            {
                uint entry = consumer.Peek();
                Assert.That(FrameEntry.LengthOf(entry), Is.EqualTo(60 + received % 100));
                Assert.That(_pool.Buffer(FrameEntry.BufferOf(entry))[0], Is.EqualTo((byte)received));
                consumer.Release(FrameEntry.BufferOf(entry));
                received++;
            }
        }
        Assert.That(received, Is.EqualTo(sent));
        Assert.That(producer.Head, Is.EqualTo((uint)sent));
        Assert.That(consumer.Tail, Is.EqualTo((uint)sent));
    }

    [Test]
    public void AFullRingHasNoRoomUntilTheConsumerReleases()
    {
        FrameRingProducer producer = _pool.TransmitProducer();
        FrameRingConsumer consumer = _pool.TransmitConsumer();
        for (int i = 0; i < 8; i++)
            producer.Publish(producer.NextBuffer, 100);
        Assert.That(producer.Free, Is.Zero);
        Assert.That(consumer.Available, Is.EqualTo(8));
        Assert.That(producer.IsCorrupt, Is.False);
        consumer.Release(FrameEntry.BufferOf(consumer.Peek()));
        Assert.That(producer.Free, Is.EqualTo(1));
    }

    [Test]
    public void AConsumerKeepsABufferBySwappingInASpare()
    {
        FrameRingProducer producer = _pool.ReceiveProducer();
        FrameRingConsumer consumer = _pool.ReceiveConsumer();
        producer.Publish(producer.NextBuffer, 42);
        int kept = FrameEntry.BufferOf(consumer.Peek());
        Assert.That(kept, Is.EqualTo(0));
        consumer.Release(16); // a spare from beyond both rings
        for (int i = 0; i < 7; i++)
            producer.Publish(producer.NextBuffer, 1);
        Assert.That(producer.NextBuffer, Is.EqualTo(16), "the slot came round with the swapped-in buffer");
    }

    [Test]
    public void TheIdleFlagsAskForExactlyOneNotification()
    {
        FrameRingProducer producer = _pool.ReceiveProducer();
        FrameRingConsumer consumer = _pool.ReceiveConsumer();
        Assert.That(producer.TakeConsumerWakeup(), Is.False, "a busy consumer needs no notification");
        Assert.That(consumer.PrepareToSleep(), Is.True, "empty: sleep");
        Assert.That(consumer.IsWaiting, Is.True);
        producer.Publish(producer.NextBuffer, 60);
        Assert.That(producer.TakeConsumerWakeup(), Is.True, "it slept: notify");
        Assert.That(producer.TakeConsumerWakeup(), Is.False, "once");
        producer.Publish(producer.NextBuffer, 60);
        Assert.That(consumer.PrepareToSleep(), Is.False, "a frame is there: do not sleep");
        Assert.That(consumer.IsWaiting, Is.False, "and the flag is down again");
    }

    [Test]
    public void AProducerWaitingForRoomIsWokenByARelease()
    {
        FrameRingProducer producer = _pool.TransmitProducer();
        FrameRingConsumer consumer = _pool.TransmitConsumer();
        Assert.That(producer.PrepareToWaitForRoom(), Is.False, "room: no wait");
        Assert.That(consumer.TakeProducerWakeup(), Is.False);
        for (int i = 0; i < 8; i++)
            producer.Publish(producer.NextBuffer, 60);
        Assert.That(producer.PrepareToWaitForRoom(), Is.True);
        consumer.Release(FrameEntry.BufferOf(consumer.Peek()));
        Assert.That(consumer.TakeProducerWakeup(), Is.True);
        Assert.That(consumer.TakeProducerWakeup(), Is.False);
    }

    [Test]
    public void ImpossibleIndicesFromThePeerAreNotTrusted()
    {
        FrameRingConsumer consumer = _pool.ReceiveConsumer();
        FrameRingProducer producer = _pool.TransmitProducer();
        // A broken peer writes a head 9 ahead (more than the capacity) and a tail ahead of our head.
        *(uint*)(_region + FramePoolLayout.ReceiveRingOffset + FrameRingControl.HeadOffset) = 9;
        *(uint*)(_region + FramePoolLayout.TransmitRingOffset + FrameRingControl.TailOffset) = 3;
        Assert.That(consumer.Available, Is.EqualTo(-1));
        Assert.That(producer.Free, Is.Zero);
        Assert.That(producer.IsCorrupt, Is.True);
        *(uint*)(_region + FramePoolLayout.ReceiveRingOffset + FrameRingControl.HeadOffset) = uint.MaxValue;
        Assert.That(consumer.Available, Is.EqualTo(-1), "a head behind the tail");
    }

    [Test]
    public void IndicesWrapAtTheTopOfTheCounter()
    {
        // Both sides agree on positions near 2^32: the unsigned difference still counts right.
        var pool = new FramePool(_region, Small);
        FrameRingProducer producer = pool.ReceiveProducer();
        FrameRingConsumer consumer = pool.ReceiveConsumer();
        for (long i = 0; i < 20; i++)
        {
            producer.Publish(producer.NextBuffer, 1);
            consumer.Release(FrameEntry.BufferOf(consumer.Peek()));
        }
        Assert.That(consumer.Available, Is.Zero);
        Assert.That(producer.Free, Is.EqualTo(8));
        uint nearTop = uint.MaxValue - 2;
        uint waiting = (nearTop + 5) - nearTop;
        Assert.That(waiting, Is.EqualTo(5u), "the arithmetic the rings use");
    }

    [Test]
    public void EntriesPackABufferAndALength()
    {
        uint entry = FrameEntry.Pack(4095, 1514);
        Assert.That(FrameEntry.BufferOf(entry), Is.EqualTo(4095));
        Assert.That(FrameEntry.LengthOf(entry), Is.EqualTo(1514));
    }

    [Test]
    public void AFrameOfSeveralPartsBecomesVisibleWholeWithItsOffloadWord()
    {
        FrameRingProducer producer = _pool.TransmitProducer();
        FrameRingConsumer consumer = _pool.TransmitConsumer();
        uint word = TransmitOffload.Segmentation(1448).Word;
        int parts = Small.PartsFor(2 * 2048 + 100);
        Assert.That(parts, Is.EqualTo(3));
        for (int part = 0; part < parts; part++)
        {
            uint flags = (part < parts - 1 ? FrameEntry.Continued : 0) | FrameEntry.Offloaded;
            producer.Stage(part, producer.BufferAhead(part), part < parts - 1 ? 2048 : 100, flags, part == 0 ? word : 0);
            Assert.That(consumer.Available, Is.Zero, "nothing is visible before the commit");
        }
        producer.Commit(parts);
        Assert.That(consumer.Available, Is.EqualTo(3));
        Assert.That(producer.Free, Is.EqualTo(5));
        Assert.That(TransmitOffload.FromWord(consumer.PeekSideWord()).SegmentPayload, Is.EqualTo(1448));
        Assert.That(TransmitOffload.FromWord(consumer.PeekSideWord()).FinishesChecksums, Is.True);
        Assert.That(FrameEntry.IsContinued(consumer.PeekAhead(0)) && FrameEntry.IsContinued(consumer.PeekAhead(1)), Is.True);
        Assert.That(FrameEntry.IsContinued(consumer.PeekAhead(2)), Is.False);
        Assert.That(FrameEntry.LengthOf(consumer.PeekAhead(2)), Is.EqualTo(100));
        Assert.That(FrameEntry.BufferOf(consumer.PeekAhead(1)), Is.EqualTo(9), "the transmit ring's second slot holds buffer 9");
        for (int part = 0; part < parts; part++)
            consumer.Release(FrameEntry.BufferOf(consumer.Peek()));
        Assert.That(producer.Free, Is.EqualTo(8));
    }

    [Test]
    public void AnEntryKeepsLengthsUpToTheLargestBufferApartFromItsFlags()
    {
        uint entry = FrameEntry.Pack(4095, FramePoolLayout.MaxBufferSize, FrameEntry.Continued | FrameEntry.Offloaded);
        Assert.That(FrameEntry.BufferOf(entry), Is.EqualTo(4095));
        Assert.That(FrameEntry.LengthOf(entry), Is.EqualTo(4096));
        Assert.That(FrameEntry.IsContinued(entry) && FrameEntry.IsOffloaded(entry), Is.True);
        Assert.That(FrameEntry.IsOffloaded(FrameEntry.Pack(1, 1514)), Is.False);
        Assert.That(TransmitOffload.Checksums.SegmentPayload, Is.Zero);
        Assert.That(TransmitOffload.None.IsNone, Is.True);
    }
}
