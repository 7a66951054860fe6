using System;
using System.IO;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>A full volume must answer NoSpace and stay fsck-clean, with earlier data intact.</summary>
[TestFixture]
public class FatFullDiskTests : FatTestBase
{
    // The smallest FAT32 that mtools reads as FAT32 (65525 clusters and more), and a 2 MiB FAT12.
    [TestCase(32, 34000)]
    [TestCase(12, 2048)]
    public void FillingTheDiskReturnsNoSpaceAndStaysConsistent(int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB, "disk.img", "-s", "1");
        FatVolume volume = Mount(image);
        Expect(volume.GetFreeSpace(out ulong freeAtStart));
        Expect(volume.CreateDirectory("/dir"));

        // Fill with a file written in chunks until a chunk no longer fits.
        var written = new MemoryStream();
        Expect(volume.Open("/dir/Filler File.bin", FatOpenFlags.Create, out FatFile filler));
        int chunkSize = 100_000;
        StorageError error = StorageError.Ok;
        int seed = 0;
        while (error == StorageError.Ok)
        {
            byte[] chunk = Pattern(chunkSize, seed++);
            error = filler.Write(chunk, out int count);
            if (error == StorageError.Ok)
            {
                written.Write(chunk);
            }
            else
            {
                Assert.That(count, Is.EqualTo(0));
            }
        }

        Assert.That(error, Is.EqualTo(StorageError.NoSpace));
        Assert.That(filler.Length, Is.EqualTo((ulong)written.Length));
        FatTools.AssertClean(image);

        // Top up to the last byte: a write that exactly fits still succeeds.
        Expect(volume.GetFreeSpace(out ulong freeBytes));
        ulong slack = (ulong)(volume.ClusterSize - (int)(written.Length % volume.ClusterSize)) % (ulong)volume.ClusterSize;
        byte[] last = Pattern((int)(freeBytes + slack), 999);
        Expect(filler.Write(last, out _));
        written.Write(last);
        Expect(volume.GetFreeSpace(out freeBytes));
        Assert.That(freeBytes, Is.EqualTo(0UL));
        Assert.That(filler.Write(new byte[1], out _), Is.EqualTo(StorageError.NoSpace));
        Expect(filler.Close());

        // Everything that needs a cluster now fails cleanly.
        Assert.That(volume.CreateDirectory("/another"), Is.EqualTo(StorageError.NoSpace));
        Expect(volume.Open("/empty file", FatOpenFlags.Create, out FatFile empty));
        Assert.That(empty.Write(new byte[1], out _), Is.EqualTo(StorageError.NoSpace));
        Assert.That(empty.SetLength(5), Is.EqualTo(StorageError.NoSpace));
        Expect(empty.Close());
        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/dir/Filler File.bin"), Is.EqualTo(written.ToArray()));

        // Freeing the space makes it usable again.
        Expect(volume.Delete("/dir/Filler File.bin"));
        Expect(volume.Delete("/empty file"));
        Expect(volume.RemoveDirectory("/dir"));
        Expect(volume.GetFreeSpace(out ulong freeAtEnd));
        Assert.That(freeAtEnd, Is.EqualTo(freeAtStart));
        FatTools.AssertClean(image);
        WriteFile(volume, "/after.bin", Pattern(50_000, 5));
        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/after.bin"), Is.EqualTo(Pattern(50_000, 5)));
    }

    // A FAT32 with few clusters (mkfs.fat and fsck.fat accept it, mtools would call it FAT16).
    [Test]
    public void DirectoryThatCannotGrowReturnsNoSpace()
    {
        string image = CreateImage(32, 2048);
        FatVolume volume = Mount(image);
        Expect(volume.CreateDirectory("/d"));

        // Leave no free cluster at all.
        Expect(volume.GetFreeSpace(out ulong free));
        WriteFile(volume, "/fill", new byte[free]);

        // The directory's single cluster takes a few entries, then it would have to grow.
        int created = 0;
        StorageError error = StorageError.Ok;
        while (error == StorageError.Ok)
        {
            error = volume.Open($"/d/Long Entry Name {created}", FatOpenFlags.Create, out FatFile file);
            if (error == StorageError.Ok)
            {
                Expect(file.Close());
                created++;
            }
        }

        Assert.That(error, Is.EqualTo(StorageError.NoSpace));
        Assert.That(created, Is.GreaterThan(0));
        Assert.That(volume.Rename("/fill", "/d/A Name Too Long For The Remaining Slots"), Is.EqualTo(StorageError.NoSpace));
        FatTools.AssertClean(image);
        Assert.That(ListNames(volume, "/d").Count, Is.EqualTo(created));
        Assert.That(ListNames(volume, "/"), Is.EquivalentTo(new[] { "d", "fill" }));
    }
}
