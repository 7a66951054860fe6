using System.Collections.Generic;
using System.Linq;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Cache;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Cache;

/// <summary>
/// Write-back order (issue 17, power cuts): dirty blocks reach the device by the rank their
/// <see cref="IWriteOrder"/> gives them, then by block number; runs never mix ranks; evicting a
/// dirty block writes everything dirty in that order, never the one block ahead of the rest.
/// </summary>
[TestFixture]
public class BufferCacheWriteOrderTests
{
    private const int Sector = 512;
    private const int Block = 8 * Sector;

    // Sectors below 16 rank 2, below 32 rank 1, the rest 0: like a FAT volume's reserved, FAT and data regions.
    private sealed class ThreeRegions : IWriteOrder
    {
        public int RankOf(ulong lba, int sectors) => lba < 16 ? 2 : lba < 32 ? 1 : 0;
    }

    [Test]
    public void SyncWritesLowerRanksFirstThenInBlockOrder()
    {
        var device = new RecordingBlockDevice(128);
        var cache = new BufferCache(device, Block, 16) { WriteOrder = new ThreeRegions() };
        foreach (ulong lba in new ulong[] { 0, 16, 40, 8, 32, 24 })
        {
            Expect(cache.Write(lba, new byte[Block]));
        }

        Expect(cache.Sync());

        Assert.That(Writes(device), Is.EqualTo(new[] { (32UL, 16), (16UL, 16), (0UL, 16) }),
            "data blocks (32-47) first, then 16-31, then 0-15; each rank's adjacent blocks in one request");
        Assert.That(device.Requests.Last().Kind, Is.EqualTo("flush"));
    }

    [Test]
    public void WithoutAnOrderSyncIsInBlockOrder()
    {
        var device = new RecordingBlockDevice(128);
        var cache = new BufferCache(device, Block, 16);
        Expect(cache.Write(48, new byte[Block]));
        Expect(cache.Write(0, new byte[Block]));

        Expect(cache.Sync());

        Assert.That(Writes(device), Is.EqualTo(new[] { (0UL, 8), (48UL, 8) }));
    }

    [Test]
    public void EvictingADirtyBlockWritesEveryDirtyBlockInOrder()
    {
        var device = new RecordingBlockDevice(128);
        var cache = new BufferCache(device, Block, 3) { WriteOrder = new ThreeRegions() };
        Expect(cache.Write(0, new byte[Block]));    // rank 2, least recently used
        Expect(cache.Write(16, new byte[Block]));   // rank 1
        Expect(cache.Write(40, new byte[Block]));   // rank 0

        Expect(cache.Read(64, new byte[Block]));    // needs room: block 0 is the victim

        Assert.That(Writes(device), Is.EqualTo(new[] { (40UL, 8), (16UL, 8), (0UL, 8) }),
            "the victim waits for the blocks that rank before it");
        Assert.That(cache.DirtyBlocks, Is.EqualTo(0));
        Assert.That(device.Requests.Any(r => r.Kind == "flush"), Is.False, "an eviction does not flush the device");
    }

    [Test]
    public void WriteBackIsABarrierWithoutAFlush()
    {
        var device = new RecordingBlockDevice(128);
        var cache = new BufferCache(device, Block, 8) { WriteOrder = new ThreeRegions() };
        Expect(cache.Write(0, new byte[Block]));
        Expect(cache.WriteBack());
        Expect(cache.Write(40, new byte[Block]));
        Expect(cache.Sync());

        Assert.That(Writes(device), Is.EqualTo(new[] { (0UL, 8), (40UL, 8) }), "what came before the barrier went first");
        Assert.That(device.Requests.Count(r => r.Kind == "flush"), Is.EqualTo(1));
    }

    private static List<(ulong Lba, int Sectors)> Writes(RecordingBlockDevice device) =>
        device.Requests.Where(r => r.Kind == "write").Select(r => (r.Lba, r.Sectors)).ToList();

    private static void Expect(StorageError error) => Assert.That(error, Is.EqualTo(StorageError.Ok));
}
