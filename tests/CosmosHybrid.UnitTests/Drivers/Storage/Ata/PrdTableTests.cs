using System;
using System.Buffers.Binary;
using CosmosHybrid.Drivers.Storage.Ata;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Drivers.Storage.Ata;

/// <summary>The IDE bus master's PRD table: regions within 64 KiB windows, 64 KiB written as 0, the last one flagged.</summary>
public class PrdTableTests
{
    [Test]
    public void SmallBufferIsOneRegionWithEndOfTable()
    {
        byte[] table = new byte[4096];

        int entries = PrdTable.Write(table, 0x0012_3400, 4096);

        Assert.That(entries, Is.EqualTo(1));
        Assert.That(Address(table, 0), Is.EqualTo(0x0012_3400u));
        Assert.That(Count(table, 0), Is.EqualTo(4096u));
        Assert.That(IsLast(table, 0), Is.True);
    }

    [Test]
    public void BufferIsCutAtEvery64KiBBoundary()
    {
        byte[] table = new byte[4096];
        // 150 KiB starting 4 KiB before a boundary: 4 KiB, 64 KiB (written as 0), 64 KiB, 18 KiB.
        ulong start = 0x0003_F000;

        int entries = PrdTable.Write(table, start, 150 * 1024);

        Assert.That(entries, Is.EqualTo(4));
        Assert.That(Address(table, 0), Is.EqualTo(0x0003_F000u));
        Assert.That(Count(table, 0), Is.EqualTo(0x1000u));
        Assert.That(Address(table, 1), Is.EqualTo(0x0004_0000u));
        Assert.That(Count(table, 1), Is.EqualTo(0u), "a full 64 KiB region is written as 0");
        Assert.That(Address(table, 2), Is.EqualTo(0x0005_0000u));
        Assert.That(Count(table, 2), Is.EqualTo(0u));
        Assert.That(Address(table, 3), Is.EqualTo(0x0006_0000u));
        Assert.That(Count(table, 3), Is.EqualTo(150u * 1024 - 0x1000 - 2 * 0x10000));
        for (int i = 0; i < 3; i++)
            Assert.That(IsLast(table, i), Is.False);
        Assert.That(IsLast(table, 3), Is.True);
    }

    [Test]
    public void RegionsCoverTheBufferExactlyWithoutCrossingAWindow()
    {
        byte[] table = new byte[4096];
        var random = new Random(7);
        for (int round = 0; round < 200; round++)
        {
            ulong start = (ulong)random.Next(0, 1 << 30) & ~1UL;
            ulong length = ((ulong)random.Next(1, 8 << 20)) & ~1UL;
            if (length == 0)
                length = 2;

            int entries = PrdTable.Write(table, start, length);

            Assert.That(entries, Is.GreaterThan(0));
            ulong next = start;
            for (int i = 0; i < entries; i++)
            {
                ulong bytes = Count(table, i) == 0 ? 0x10000u : Count(table, i);
                Assert.That(Address(table, i), Is.EqualTo((uint)next), "regions are consecutive");
                Assert.That(next / 0x10000, Is.EqualTo((next + bytes - 1) / 0x10000), "no region crosses a 64 KiB boundary");
                Assert.That(IsLast(table, i), Is.EqualTo(i == entries - 1));
                next += bytes;
            }
            Assert.That(next - start, Is.EqualTo(length));
        }
    }

    [Test]
    public void RefusesWhatTheBusMasterCannotDo()
    {
        byte[] table = new byte[4096];
        Assert.That(PrdTable.Write(table, 0x1001, 512), Is.EqualTo(-1), "odd address");
        Assert.That(PrdTable.Write(table, 0x1000, 511), Is.EqualTo(-1), "odd count");
        Assert.That(PrdTable.Write(table, 0x1000, 0), Is.EqualTo(-1), "nothing to move");
        Assert.That(PrdTable.Write(table, 0xFFFF_F000, 0x2000), Is.EqualTo(-1), "reaches above 4 GiB");
        Assert.That(PrdTable.Write(table, 0x1_0000_0000, 512), Is.EqualTo(-1), "above 4 GiB");
        Assert.That(PrdTable.Write(new byte[16], 0x0, 0x30000), Is.EqualTo(-1), "three regions, room for two");
        Assert.That(PrdTable.Write(new byte[16], 0x0, 0x20000), Is.EqualTo(2));
        Assert.That(PrdTable.Write(table, 0xFFFF_0000, 0x10000), Is.EqualTo(1), "the last 64 KiB below 4 GiB");
    }

    private static uint Address(byte[] table, int entry) => BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(entry * PrdTable.EntrySize));

    private static uint Count(byte[] table, int entry) => BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(entry * PrdTable.EntrySize + 4)) & 0xFFFF;

    private static bool IsLast(byte[] table, int entry) =>
        (BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(entry * PrdTable.EntrySize + 4)) & 0x8000_0000) != 0;
}
