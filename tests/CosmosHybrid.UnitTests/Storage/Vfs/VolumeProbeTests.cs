using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Cache;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Partitions;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Vfs;

/// <summary>
/// Finding the FAT volume of a disk: a whole-disk ("superfloppy") image, a FAT partition
/// behind an MBR made here byte by byte, and disks without one; and the MBR parser's checks.
/// </summary>
[TestFixture]
public class VolumeProbeTests : FatTestBase
{
    private const int Sector = 512;
    private const int PartitionStart = 2048;

    [Test]
    public void WholeDiskVolumeIsMountedAsIs()
    {
        string image = CreateImage(12, 1024);
        FatTools.Put(image, "/a.txt", Encoding.ASCII.GetBytes("whole"));
        var disk = new MemoryBlockDevice(File.ReadAllBytes(image));

        Expect(VolumeProbe.Mount(disk, out FatVolume volume, out int partition));

        Assert.That(partition, Is.EqualTo(-1));
        Assert.That(ListNames(volume, "/"), Is.EqualTo(new[] { "a.txt" }));
    }

    [TestCase((byte)0x0C, 16, 16384)]
    [TestCase((byte)0x06, 16, 16384)]
    [TestCase((byte)0x01, 12, 1024)]
    public void FatPartitionBehindAnMbrIsFound(byte type, int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB);
        byte[] data = Pattern(3000, 1);
        FatTools.Put(image, "/inside.bin", data);
        byte[] disk = DiskWithPartitions(File.ReadAllBytes(image), (0x83, 1, 100), (type, PartitionStart, 0));

        Expect(VolumeProbe.Mount(new MemoryBlockDevice(disk), out FatVolume volume, out int partition));

        Assert.That(partition, Is.EqualTo(1), "the Linux partition in slot 0 is skipped");
        Assert.That(ReadFile(volume, "/inside.bin"), Is.EqualTo(data));
    }

    [Test]
    public void WritesToAPartitionStayInsideIt()
    {
        string image = CreateImage(12, 1024);
        byte[] disk = DiskWithPartitions(File.ReadAllBytes(image), (0x01, PartitionStart, 0));
        byte[] after = new byte[Sector];
        new Random(5).NextBytes(after);
        after.CopyTo(disk, disk.Length - Sector);   // one sector past the partition
        var device = new MemoryBlockDevice(disk);

        Expect(VolumeProbe.Mount(device, out FatVolume volume, out _));
        WriteFile(volume, "/f.bin", Pattern(50_000, 2));

        byte[] partitionBytes = new byte[disk.Length - PartitionStart * Sector - Sector];
        Array.Copy(disk, PartitionStart * Sector, partitionBytes, 0, partitionBytes.Length);
        string copy = Path.Combine(WorkDirectory, "partition.img");
        File.WriteAllBytes(copy, partitionBytes);
        FatTools.AssertClean(copy);
        Assert.That(FatTools.Get(copy, "/f.bin"), Is.EqualTo(Pattern(50_000, 2)));
        Assert.That(new ReadOnlySpan<byte>(disk, disk.Length - Sector, Sector).ToArray(), Is.EqualTo(after));
    }

    [Test]
    public void DiskWithoutFatIsRefused()
    {
        byte[] random = Pattern(1024 * Sector, 3);
        Assert.That(VolumeProbe.Mount(new MemoryBlockDevice(random), out FatVolume volume, out _), Is.Not.EqualTo(StorageError.Ok));
        Assert.That(volume, Is.Null);

        byte[] zeros = new byte[1024 * Sector];
        Assert.That(VolumeProbe.Mount(new MemoryBlockDevice(zeros), out _, out _), Is.Not.EqualTo(StorageError.Ok));

        byte[] linuxOnly = DiskWithPartitions(new byte[64 * Sector], (0x83, PartitionStart, 0));
        Assert.That(VolumeProbe.Mount(new MemoryBlockDevice(linuxOnly), out _, out _), Is.Not.EqualTo(StorageError.Ok));
    }

    [Test]
    public void MbrEntriesMustLieOnTheDisk()
    {
        byte[] sector = new byte[Sector];
        sector[510] = 0x55;
        sector[511] = 0xAA;
        var partitions = new List<MbrPartition>();
        Assert.That(MbrPartitionTable.TryParse(sector, 1000, partitions), Is.True, "an empty table");
        Assert.That(partitions, Is.Empty);

        SetEntry(sector, 0, 0x0C, 100, 900);
        Assert.That(MbrPartitionTable.TryParse(sector, 1000, partitions), Is.True);
        Assert.That(partitions.Count, Is.EqualTo(1));
        Assert.That(partitions[0].FirstSector, Is.EqualTo(100u));
        Assert.That(partitions[0].IsFat, Is.True);

        partitions.Clear();
        SetEntry(sector, 1, 0x0C, 900, 101);
        Assert.That(MbrPartitionTable.TryParse(sector, 1000, partitions), Is.False, "past the end of the disk");
        Assert.That(partitions, Is.Empty);

        SetEntry(sector, 1, 0x0C, 0, 10);
        Assert.That(MbrPartitionTable.TryParse(sector, 1000, partitions), Is.False, "overlapping the MBR");
        SetEntry(sector, 1, 0, 0, 0);
        sector[446] = 0x12;
        Assert.That(MbrPartitionTable.TryParse(sector, 1000, partitions), Is.False, "bad status byte");
        sector[446] = 0x80;
        sector[511] = 0;
        Assert.That(MbrPartitionTable.TryParse(sector, 1000, partitions), Is.False, "no signature");
    }

    [Test]
    public void PartitionDeviceRefusesRequestsOutsideIt()
    {
        var disk = new MemoryBlockDevice(new byte[100 * Sector]);
        var partition = new PartitionDevice(disk, 10, 50);
        Assert.That(partition.SectorCount, Is.EqualTo(50UL));
        Assert.That(partition.Read(49, new byte[Sector]), Is.EqualTo(StorageError.Ok));
        Assert.That(partition.Read(50, new byte[Sector]), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(partition.Write(49, new byte[2 * Sector]), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(partition.Read(0, new byte[100]), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(new PartitionDevice(disk, 90, 50).SectorCount, Is.EqualTo(10UL), "clipped to the disk");
    }

    [Test]
    public void FatThroughTheBufferCacheIsOnTheImageAfterSync()
    {
        string image = CreateImage(32, 34000, "disk.img", "-s", "1");
        var device = new FileBlockDevice(image);
        var cache = new BufferCache(device, BufferCache.DefaultBlockSize, 64);
        Expect(VolumeProbe.Mount(cache, out FatVolume volume, out _));
        byte[] large = Pattern(700_000, 4);

        Expect(volume.CreateDirectory("/Some Directory"));
        WriteFile(volume, "/Some Directory/large file.bin", large);
        WriteFile(volume, "/hello.txt", Encoding.ASCII.GetBytes("hello"));
        Expect(volume.Rename("/hello.txt", "/Some Directory/hello again.txt"));
        Assert.That(cache.DirtyBlocks, Is.GreaterThan(0), "some writes are still only in the cache");

        Expect(volume.Flush());
        Assert.That(cache.DirtyBlocks, Is.EqualTo(0));
        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/Some Directory/large file.bin"), Is.EqualTo(large));
        Assert.That(FatTools.Get(image, "/Some Directory/hello again.txt"), Is.EqualTo(Encoding.ASCII.GetBytes("hello")));
        Assert.That(cache.Statistics.Evictions, Is.GreaterThan(0), "the cache was too small to hold it all");
        device.Dispose();
    }

    [Test]
    public void FullVolumeThroughTheBufferCacheSaysNoSpaceAndStaysClean()
    {
        string image = CreateImage(12, 2048, "disk.img", "-s", "1");
        var device = new FileBlockDevice(image);
        var cache = new BufferCache(device, BufferCache.DefaultBlockSize, 16);
        Expect(VolumeProbe.Mount(cache, out FatVolume volume, out _));

        Expect(volume.Open("/fill.bin", FatOpenFlags.Create, out FatFile file));
        StorageError error = StorageError.Ok;
        long total = 0;
        while (error == StorageError.Ok)
        {
            error = file.Write(Pattern(65536, (int)(total / 65536)), out int written);
            total += written;
        }

        Assert.That(error, Is.EqualTo(StorageError.NoSpace));
        Expect(file.Close());
        Expect(volume.Flush());
        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/fill.bin").Length, Is.EqualTo(total));
        device.Dispose();
    }

    // A disk: an MBR with the given entries (a zero count means "the image's size"), and the
    // image at PartitionStart, followed by one spare sector.
    private static byte[] DiskWithPartitions(byte[] image, params (byte Type, uint Start, uint Count)[] entries)
    {
        byte[] disk = new byte[PartitionStart * Sector + image.Length + Sector];
        image.CopyTo(disk, PartitionStart * Sector);
        for (int i = 0; i < entries.Length; i++)
        {
            uint count = entries[i].Count == 0 ? (uint)(image.Length / Sector) : entries[i].Count;
            SetEntry(disk, i, entries[i].Type, entries[i].Start, count);
        }

        disk[510] = 0x55;
        disk[511] = 0xAA;
        return disk;
    }

    private static void SetEntry(byte[] sector, int index, byte type, uint start, uint count)
    {
        int offset = 446 + 16 * index;
        sector[offset] = 0;
        sector[offset + 4] = type;
        BitConverter.GetBytes(start).CopyTo(sector, offset + 8);
        BitConverter.GetBytes(count).CopyTo(sector, offset + 12);
    }
}
