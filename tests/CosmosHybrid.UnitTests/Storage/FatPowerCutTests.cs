using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Cache;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// Issue 17 (power cuts): the FAT engine on the buffer cache writes a sync's changes data
/// first, then directories, then the FATs, then FSInfo; and a power cut after any sector of a
/// write-back (replayed from a <see cref="SectorWriteLog"/>) leaves every file that was synced
/// and not changed since byte-exact, and a renamed file under its old or its new name.
/// </summary>
[TestFixture]
public class FatPowerCutTests : FatTestBase
{
    private const int Files = 40;

    [TestCase(32)]
    [TestCase(16)]
    [TestCase(12)]
    public void SyncWritesDataThenDirectoriesThenFatThenFsInfo(int fatBits)
    {
        (SectorWriteLog log, FatVolume volume, _) = MountLogged(fatBits);
        WriteFile(volume, "/new file.bin", Pattern(5000, 1));
        WriteFile(volume, "/" + Name(3), Pattern(9000, 2));   // replaces a synced file: frees and allocates
        Expect(volume.Delete("/" + Name(5)));
        Expect(volume.Flush());

        // Each sector ranks as the cache block (8 sectors) it belongs to: a block that straddles two regions is written whole.
        var order = new FatWriteOrder(volume.BootSector, 512);
        List<int> ranks = log.Writes.Select(w => order.RankOf(w.Lba & ~7UL, 8)).ToList();
        Assert.That(ranks, Is.Ordered, "ranks of the sectors as written: " + string.Join(",", ranks));
        Assert.That(ranks, Does.Contain(FatWriteOrder.DataRank).And.Contain(FatWriteOrder.FatRank));
        if (fatBits == 32)
        {
            Assert.That(ranks.Last(), Is.EqualTo(FatWriteOrder.ReservedRank), "FSInfo last");
        }
    }

    [TestCase(32)]
    [TestCase(16)]
    public void ACutAnywhereInARenameKeepsTheFileUnderOneOfItsNames(int fatBits)
    {
        (SectorWriteLog log, FatVolume volume, byte[] synced) = MountLogged(fatBits);
        // Dirty the directory sector of file 0 first, so that a write-back in block order
        // would write the old entry's removal before the new entry.
        WriteFile(volume, "/" + Name(1), Pattern(700, 99));
        Expect(volume.Rename("/" + Name(0), "/a much longer name for file zero.txt"));
        WriteFile(volume, "/later.bin", Pattern(3000, 7));
        Expect(volume.Flush());

        CheckEveryCut(synced, log.Writes, fatBits, disk =>
        {
            byte[] old = TryRead(disk, "/" + Name(0));
            byte[] renamed = TryRead(disk, "/a much longer name for file zero.txt");
            Assert.That(Same(old, Content(0)) || Same(renamed, Content(0)), Is.True, "file 0 is under neither name");
            for (int i = 2; i < Files; i++)
            {
                Assert.That(TryRead(disk, "/" + Name(i)), Is.EqualTo(Content(i)), Name(i));
            }
        });
    }

    [TestCase(32)]
    [TestCase(16)]
    public void ACutAnywhereInASyncOfCreatesAndDeletesKeepsTheUntouchedFiles(int fatBits)
    {
        (SectorWriteLog log, FatVolume volume, byte[] synced) = MountLogged(fatBits);
        var random = new Random(fatBits);
        var touched = new HashSet<int>();
        for (int step = 0; step < 12; step++)
        {
            int i = random.Next(Files);
            touched.Add(i);
            if (step % 3 == 0)
            {
                Expect(volume.Delete("/" + Name(i)) is var e && e == StorageError.NotFound ? StorageError.Ok : e);
            }
            else
            {
                WriteFile(volume, "/" + Name(i), Pattern(random.Next(1, 6000), step + 100));
            }

            WriteFile(volume, $"/extra {step}.bin", Pattern(random.Next(1, 4000), step + 200));
        }

        Expect(volume.Flush());

        CheckEveryCut(synced, log.Writes, fatBits, disk =>
        {
            for (int i = 0; i < Files; i++)
            {
                if (!touched.Contains(i))
                {
                    Assert.That(TryRead(disk, "/" + Name(i)), Is.EqualTo(Content(i)), Name(i));
                }
            }
        });
    }

    // A volume on a buffer cache over a logged device, holding Files synced files; returns the
    // disk as synced and a log cleared from there on.
    private (SectorWriteLog Log, FatVolume Volume, byte[] Synced) MountLogged(int fatBits)
    {
        string image = fatBits == 32
            ? CreateImage(32, 34000, "disk.img", "-s", "1")
            : CreateImage(fatBits, fatBits == 16 ? 8192 : 2048, "disk.img", "-s", "1");
        var log = new SectorWriteLog(File.ReadAllBytes(image));
        var cache = new BufferCache(log, BufferCache.DefaultBlockSize, 256);
        Expect(FatVolume.Mount(cache, out FatVolume volume));
        for (int i = 0; i < Files; i++)
        {
            WriteFile(volume, "/" + Name(i), Content(i));
        }

        Expect(volume.Flush());
        log.Clear();
        return (log, volume, log.Snapshot());
    }

    // Replays every prefix of the log onto the synced disk and runs the check on each.
    private static void CheckEveryCut(byte[] synced, List<(ulong Lba, byte[] Bytes)> writes, int fatBits, Action<FatVolume> check)
    {
        Assert.That(writes, Is.Not.Empty);
        for (int cut = 0; cut <= writes.Count; cut++)
        {
            var disk = new MemoryBlockDevice(SectorWriteLog.CutAfter(synced, writes, cut));
            Expect(FatVolume.Mount(disk, out FatVolume volume));
            try
            {
                check(volume);
            }
            catch (AssertionException)
            {
                TestContext.Out.WriteLine($"FAT{fatBits}: power cut after {cut} of {writes.Count} sectors written");
                throw;
            }
        }
    }

    private static byte[] TryRead(FatVolume volume, string path)
    {
        if (volume.Open(path, FatOpenFlags.None, out FatFile file) != StorageError.Ok)
        {
            return null;
        }

        var result = new MemoryStream();
        byte[] buffer = new byte[4096];
        while (file.Read(buffer, out int read) == StorageError.Ok && read > 0)
        {
            result.Write(buffer, 0, read);
        }

        file.Close();
        return result.ToArray();
    }

    private static bool Same(byte[] a, byte[] b) => a != null && b != null && a.AsSpan().SequenceEqual(b);

    private static string Name(int i) => $"file {i:D2}.dat";

    private static byte[] Content(int i) => Pattern(300 + i * 97, 1000 + i);
}
