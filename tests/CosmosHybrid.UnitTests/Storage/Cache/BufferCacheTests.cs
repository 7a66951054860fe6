using System;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Cache;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Cache;

/// <summary>
/// The buffer cache against a device that records its requests: hits, LRU order,
/// write-back only on eviction or sync (coalesced), error propagation, and that dirty
/// data survives failed write-backs. A randomised run checks it against a plain array.
/// </summary>
[TestFixture]
public class BufferCacheTests
{
    private const int Sector = 512;
    private const int BlockSectors = 8;
    private const int Block = Sector * BlockSectors;

    [Test]
    public void SecondReadOfABlockIsAHit()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 4);
        byte[] first = new byte[Block];
        byte[] second = new byte[Block];

        Expect(cache.Read(8, first));
        Expect(cache.Read(8, second));

        Assert.That(device.Reads, Is.EqualTo(1));
        Assert.That(second, Is.EqualTo(device.Sectors(8, 8)));
        Assert.That(cache.Statistics.Hits, Is.EqualTo(1));
        Assert.That(cache.Statistics.Misses, Is.EqualTo(1));
    }

    [Test]
    public void ReadsFromMemoryAnswerOnlyInsideACachedBlockAndNeverAskTheDevice()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 4);
        byte[] buffer = new byte[Block];

        Assert.That(cache.TryReadFromMemory(8, buffer), Is.False, "not cached yet");
        Assert.That(device.Reads, Is.EqualTo(0));
        Assert.That(cache.Statistics.Misses, Is.EqualTo(0), "a read from memory that is not answered is no miss");

        Expect(cache.Read(8, buffer));
        byte[] part = new byte[2 * Sector];
        Assert.That(cache.TryReadFromMemory(10, part), Is.True);
        Assert.That(part, Is.EqualTo(device.Sectors(10, 2)));
        Assert.That(cache.Statistics.Hits, Is.EqualTo(1));
        Assert.That(cache.TryReadFromMemory(12, new byte[8 * Sector]), Is.False, "runs past the cached block");
        Assert.That(cache.TryReadFromMemory(8, new byte[100]), Is.False, "not whole sectors");
        Assert.That(device.Reads, Is.EqualTo(1));
    }

    [Test]
    public void SectorsInsideACachedBlockAreHits()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 4);
        byte[] sector = new byte[Sector];

        Expect(cache.Read(19, sector));   // loads block 2 (sectors 16-23)
        Expect(cache.Read(16, sector));
        Expect(cache.Read(23, sector));

        Assert.That(device.Requests, Is.EqualTo(new[] { ("read", 16UL, 8) }));
        Assert.That(sector, Is.EqualTo(device.Sectors(23, 1)));
    }

    [Test]
    public void MissingWholeBlocksAreReadInOneRequest()
    {
        var device = new RecordingBlockDevice(128);
        var cache = new BufferCache(device, Block, 32);
        byte[] buffer = new byte[6 * Block];

        Expect(cache.Read(16, buffer));

        Assert.That(device.Requests, Is.EqualTo(new[] { ("read", 16UL, 48) }));
        Assert.That(buffer, Is.EqualTo(device.Sectors(16, 48)));
        Assert.That(cache.CachedBlocks, Is.EqualTo(6));
    }

    [Test]
    public void SequentialSmallReadsAreReadAheadInOneRequest()
    {
        var device = new RecordingBlockDevice(1024);
        var cache = new BufferCache(device, Block, 128);
        int readAhead = BufferCache.ReadAheadBytes / Sector;
        byte[] piece = new byte[3 * Sector];

        // A reader taking 1.5 KiB at a time from sector 0 on: the first miss is read alone, the
        // next (block 1, right after it) reads ahead, and the pieces up to there are hits.
        for (int lba = 0; lba + 3 <= 8 + readAhead + 3; lba += 3)
        {
            Expect(cache.Read((ulong)lba, piece));
            Assert.That(piece, Is.EqualTo(device.Sectors(lba, 3)), "sector " + lba);
        }

        Assert.That(device.Requests, Is.EqualTo(new[]
        {
            ("read", 0UL, 8),
            ("read", 8UL, readAhead),
            ("read", (ulong)(8 + readAhead), readAhead),
        }));
    }

    [Test]
    public void LargeReadsAndReadsElsewhereAreNotReadAhead()
    {
        var device = new RecordingBlockDevice(2048);
        var cache = new BufferCache(device, Block, 128);
        byte[] large = new byte[BufferCache.ReadAheadBytes];

        Expect(cache.Read(0, large));
        Expect(cache.Read((ulong)(large.Length / Sector), large));   // sequential, but as large as a read-ahead
        Expect(cache.Read(1024, new byte[Sector]));                  // not where the last miss ended

        int sectors = large.Length / Sector;
        Assert.That(device.Requests, Is.EqualTo(new[] { ("read", 0UL, sectors), ("read", (ulong)sectors, sectors), ("read", 1024UL, 8) }));
    }

    [Test]
    public void FailedReadAheadLeavesOnlyTheWantedBlockToFail()
    {
        var device = new RecordingBlockDevice(1024);
        var cache = new BufferCache(device, Block, 128);
        byte[] sector = new byte[Sector];
        Expect(cache.Read(0, sector));

        device.BadSector = 5 * BlockSectors;                  // in block 5, inside the read-ahead of block 1
        Expect(cache.Read(8, sector));                        // the read-ahead fails: block 1 is read alone
        Assert.That(sector, Is.EqualTo(device.Sectors(8, 1)));
        Expect(cache.Read(16, sector));
        Assert.That(cache.Read(5 * BlockSectors, sector), Is.EqualTo(StorageError.IoError), "the bad block's own read fails");

        device.BadSector = null;
        Expect(cache.Read(5 * BlockSectors, sector));
        Assert.That(sector, Is.EqualTo(device.Sectors(5 * BlockSectors, 1)));
    }

    [Test]
    public void LeastRecentlyUsedBlockIsEvicted()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 2);
        byte[] buffer = new byte[Block];

        Expect(cache.Read(0, buffer));    // block 0
        Expect(cache.Read(8, buffer));    // block 1
        Expect(cache.Read(0, buffer));    // block 0 again: block 1 is now the oldest
        Expect(cache.Read(16, buffer));   // block 2 evicts block 1
        device.Requests.Clear();

        Expect(cache.Read(0, buffer));
        Assert.That(device.Reads, Is.EqualTo(0), "block 0 stayed");
        Expect(cache.Read(8, buffer));
        Assert.That(device.Requests, Is.EqualTo(new[] { ("read", 8UL, 8) }), "block 1 was evicted");
        Assert.That(cache.Statistics.Evictions, Is.EqualTo(2));
    }

    [Test]
    public void WritesReachTheDeviceOnlyOnSync()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 8);
        byte[] data = Pattern(2 * Block, 1);
        byte[] before = device.Sectors(8, 16);

        Expect(cache.Write(8, data));

        Assert.That(device.Writes, Is.EqualTo(0));
        Assert.That(device.Sectors(8, 16), Is.EqualTo(before));
        Assert.That(cache.DirtyBlocks, Is.EqualTo(2));
        byte[] readBack = new byte[2 * Block];
        Expect(cache.Read(8, readBack));
        Assert.That(readBack, Is.EqualTo(data), "reads see the cached writes");

        Expect(cache.Sync());

        Assert.That(device.Sectors(8, 16), Is.EqualTo(data));
        Assert.That(device.Requests, Is.EqualTo(new[] { ("write", 8UL, 16), ("flush", 0UL, 0) }), "one coalesced write, then a device flush");
        Assert.That(cache.DirtyBlocks, Is.EqualTo(0));
        device.Requests.Clear();
        Expect(cache.Sync());
        Assert.That(device.Writes, Is.EqualTo(0), "nothing left to write");
    }

    [Test]
    public void DirtyBlockIsWrittenBackWhenEvicted()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 2);
        byte[] data = Pattern(Block, 2);
        byte[] buffer = new byte[Block];

        Expect(cache.Write(0, data));
        Expect(cache.Read(8, buffer));
        Assert.That(device.Writes, Is.EqualTo(0), "still room: nothing written");

        Expect(cache.Read(16, buffer));   // evicts block 0, the least recently used

        Assert.That(device.Requests, Does.Contain(("write", 0UL, 8)));
        Assert.That(device.Sectors(0, 8), Is.EqualTo(data));
        Assert.That(cache.DirtyBlocks, Is.EqualTo(0));
        Assert.That(cache.Statistics.BlocksWrittenBack, Is.EqualTo(1));
    }

    [Test]
    public void EvictionWritesBackTheFollowingDirtyBlocksInOneRequest()
    {
        var device = new RecordingBlockDevice(256);
        var cache = new BufferCache(device, Block, 8);
        byte[] data = Pattern(8 * Block, 3);

        Expect(cache.Write(0, data));     // fills the cache with 8 dirty blocks
        Expect(cache.Write(64, Pattern(Block, 4)));   // needs room: block 0 goes, with 1-7

        Assert.That(device.Requests, Is.EqualTo(new[] { ("write", 0UL, 64) }));
        Assert.That(device.Sectors(0, 64), Is.EqualTo(data));
        Assert.That(cache.DirtyBlocks, Is.EqualTo(1));
    }

    [Test]
    public void PartialBlockWriteKeepsTheRestOfTheBlock()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 4);
        byte[] expected = device.Sectors(8, 8);
        byte[] sector = Pattern(Sector, 5);
        sector.CopyTo(expected, 3 * Sector);

        Expect(cache.Write(11, sector));
        Assert.That(device.Requests, Is.EqualTo(new[] { ("read", 8UL, 8) }), "the block is read before it is patched");
        Expect(cache.Sync());

        Assert.That(device.Sectors(8, 8), Is.EqualTo(expected));
    }

    [Test]
    public void WholeBlockWriteNeedsNoRead()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 4);

        Expect(cache.Write(8, Pattern(Block, 6)));

        Assert.That(device.Reads, Is.EqualTo(0));
    }

    [Test]
    public void ShortLastBlockOfTheDeviceWorks()
    {
        var device = new RecordingBlockDevice(10);    // blocks: 0-7 and 8-9
        var cache = new BufferCache(device, Block, 4);
        byte[] data = Pattern(2 * Sector, 7);

        Expect(cache.Write(8, data));
        byte[] all = new byte[10 * Sector];
        Expect(cache.Read(0, all));
        Expect(cache.Sync());

        Assert.That(new ReadOnlySpan<byte>(all, 8 * Sector, 2 * Sector).ToArray(), Is.EqualTo(data));
        Assert.That(device.Sectors(8, 2), Is.EqualTo(data));
        Assert.That(device.Requests, Does.Contain(("write", 8UL, 2)));
    }

    [TestCase(0UL, 0)]
    [TestCase(0UL, 100)]
    [TestCase(64UL, Sector)]
    [TestCase(63UL, 2 * Sector)]
    public void RequestsOutsideTheDeviceOrNotInSectorsAreRejected(ulong lba, int length)
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 4);

        Assert.That(cache.Read(lba, new byte[length]), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(cache.Write(lba, new byte[length]), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(device.Requests, Is.Empty);
    }

    [Test]
    public void ReadErrorIsReturnedAndNothingIsCached()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 4);
        byte[] buffer = new byte[Block];

        device.FailReads = true;
        Assert.That(cache.Read(0, buffer), Is.EqualTo(StorageError.IoError));
        Assert.That(cache.Read(3, new byte[Sector]), Is.EqualTo(StorageError.IoError));
        Assert.That(cache.Write(3, new byte[Sector]), Is.EqualTo(StorageError.IoError), "a partial write needs the block");
        Assert.That(cache.CachedBlocks, Is.EqualTo(0));

        device.FailReads = false;
        Expect(cache.Read(0, buffer));
        Assert.That(buffer, Is.EqualTo(device.Sectors(0, 8)));
    }

    [Test]
    public void FailedWriteBackKeepsTheDataDirtyAndSyncReportsIt()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 2);
        byte[] data = Pattern(2 * Block, 8);
        byte[] original = device.Sectors(0, 16);
        Expect(cache.Write(0, data));

        device.FailWrites = true;
        byte[] buffer = new byte[Block];
        Expect(cache.Read(24, buffer));   // no room can be made: served without caching
        Assert.That(buffer, Is.EqualTo(device.Sectors(24, 8)));
        Assert.That(cache.DirtyBlocks, Is.EqualTo(2));
        Assert.That(cache.Read(0, new byte[2 * Block]), Is.EqualTo(StorageError.Ok));
        Assert.That(cache.Sync(), Is.EqualTo(StorageError.IoError));
        Assert.That(device.Sectors(0, 16), Is.EqualTo(original));
        Assert.That(cache.DirtyBlocks, Is.EqualTo(2), "nothing was dropped");

        device.FailWrites = false;
        Expect(cache.Sync());
        Assert.That(device.Sectors(0, 16), Is.EqualTo(data));
        Assert.That(cache.DirtyBlocks, Is.EqualTo(0));
    }

    [Test]
    public void WriteBackErrorDuringEvictionIsReportedByTheNextSync()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 2);
        Expect(cache.Write(0, Pattern(Block, 9)));
        Expect(cache.Read(8, new byte[Block]));

        device.FailWrites = true;
        Expect(cache.Read(16, new byte[Block]));   // block 0 cannot go; clean block 1 goes instead
        device.FailWrites = false;

        Assert.That(cache.Sync(), Is.EqualTo(StorageError.IoError), "the earlier failure is not forgotten");
        Assert.That(device.Sectors(0, 8), Is.EqualTo(Pattern(Block, 9)), "and the data still made it");
        Expect(cache.Sync());
    }

    [Test]
    public void WriteWithoutRoomGoesStraightToTheDevice()
    {
        var device = new RecordingBlockDevice(64);
        var cache = new BufferCache(device, Block, 1);
        Expect(cache.Write(0, Pattern(Block, 10)));
        device.FailWrites = true;

        Assert.That(cache.Write(8, Pattern(Block, 11)), Is.EqualTo(StorageError.IoError), "written through, and the device failed");

        device.FailWrites = false;
        byte[] sector = Pattern(Sector, 12);
        byte[] expected = device.Sectors(16, 8);
        sector.CopyTo(expected, Sector);
        Expect(cache.Write(17, sector));
        Assert.That(cache.Sync(), Is.EqualTo(StorageError.IoError), "the failed write-back during the eviction is reported once");
        Expect(cache.Sync());
        Assert.That(device.Sectors(16, 8), Is.EqualTo(expected));
        Assert.That(device.Sectors(0, 8), Is.EqualTo(Pattern(Block, 10)));
    }

    [TestCase(1, 1)]
    [TestCase(3, 2)]
    [TestCase(16, 3)]
    public void RandomOperationsMatchAPlainArray(int capacity, int seed)
    {
        const int Sectors = 200;  // 25 blocks, the last one short
        var device = new RecordingBlockDevice(Sectors + 3);
        var cache = new BufferCache(device, Block, capacity);
        byte[] model = (byte[])device.Data.Clone();
        var random = new Random(seed);

        for (int step = 0; step < 3000; step++)
        {
            int lba = random.Next(Sectors + 3);
            int count = 1 + random.Next(Math.Min(40, Sectors + 3 - lba));
            int operation = random.Next(10);
            if (operation < 4)
            {
                byte[] data = Pattern(count * Sector, step);
                Expect(cache.Write((ulong)lba, data));
                data.CopyTo(model, lba * Sector);
            }
            else if (operation < 9)
            {
                byte[] buffer = new byte[count * Sector];
                Expect(cache.Read((ulong)lba, buffer));
                Assert.That(buffer, Is.EqualTo(new ReadOnlySpan<byte>(model, lba * Sector, count * Sector).ToArray()), $"step {step}");
            }
            else
            {
                Expect(cache.Sync());
                Assert.That(device.Data, Is.EqualTo(model), $"device after sync at step {step}");
            }

            Assert.That(cache.CachedBlocks, Is.LessThanOrEqualTo(capacity));
        }

        Expect(cache.Sync());
        Assert.That(device.Data, Is.EqualTo(model));
    }

    private static void Expect(StorageError error) => Assert.That(error, Is.EqualTo(StorageError.Ok));

    private static byte[] Pattern(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
