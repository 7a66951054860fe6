using System;
using System.Linq;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Cache;
using CosmosHybrid.Storage.Fat;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// A FAT file read from memory (<see cref="IVfsMemoryReadNode"/>, what a cached read takes without
/// the file-system lock) over a buffer cache: it answers only what is cached and inside the known run
/// of clusters, and what it answers is what an ordinary read gives, after writes, truncation and regrowth.
/// </summary>
[TestFixture]
public class FatMemoryReadTests : FatTestBase
{
    private const int Block = 4096;

    private FatVolume MountCached(string image, out BufferCache cache)
    {
        var device = new FileBlockDevice(image);
        cache = new BufferCache(device, Block, 64);
        Expect(FatVolume.Mount(cache, out FatVolume volume));
        return volume;
    }

    private static IVfsNode CreateOpen(FatVolume volume, string name)
    {
        Expect(volume.Root.CreateFile(name, out IVfsNode file));
        Expect(file.Open(VfsOpenFlags.Read | VfsOpenFlags.Write));
        return file;
    }

    private static byte[] Ordinary(IVfsNode file, ulong offset, int length)
    {
        byte[] bytes = new byte[length];
        Expect(file.Read(offset, bytes, out int read));
        return bytes.Take(read).ToArray();
    }

    private static bool FromMemory(IVfsNode file, ulong offset, int length, out byte[] bytes)
    {
        byte[] buffer = new byte[length];
        bool answered = ((IVfsMemoryReadNode)file).TryReadFromMemory(offset, buffer, out int read);
        bytes = buffer.Take(read).ToArray();
        if (!answered)
            Assert.That(read, Is.EqualTo(0), "nothing read when not answered");
        return answered;
    }

    [Test]
    public void OnlyCachedBlocksAreAnsweredAndTheyMatchAnOrdinaryRead()
    {
        string image = CreateImage(16, 32 * 1024, "memory.img", "-s", "8");
        FatVolume volume = MountCached(image, out BufferCache cache);
        IVfsNode file = CreateOpen(volume, "data.bin");
        byte[] data = Pattern(16 * Block, 3);
        Expect(file.Write(0, data, out _));
        Expect(cache.Sync());
        Expect(file.Close());

        // A fresh mount: nothing of the file is cached yet.
        FatVolume again = MountCached(image, out BufferCache fresh);
        Expect(again.Root.Lookup("data.bin", out IVfsNode reopened));
        Expect(reopened.Open(VfsOpenFlags.Read));
        ulong hits = fresh.Statistics.Hits;
        Assert.That(FromMemory(reopened, 2 * Block, Block, out _), Is.False, "a block not in the cache");
        Assert.That(fresh.Statistics.Hits, Is.EqualTo(hits));

        Assert.That(Ordinary(reopened, 2 * Block, Block), Is.EqualTo(data.Skip(2 * Block).Take(Block).ToArray()));
        Assert.That(FromMemory(reopened, 2 * Block, Block, out byte[] cached), Is.True, "the block the ordinary read cached");
        Assert.That(cached, Is.EqualTo(data.Skip(2 * Block).Take(Block).ToArray()));
        Assert.That(FromMemory(reopened, 2 * Block + 512, 1024, out cached), Is.True, "whole sectors inside it");
        Assert.That(cached, Is.EqualTo(data.Skip(2 * Block + 512).Take(1024).ToArray()));

        Assert.That(FromMemory(reopened, 2 * Block + 100, 512, out _), Is.False, "not whole sectors");
        Assert.That(FromMemory(reopened, 2 * Block, 2 * Block, out _), Is.False, "a block that is not cached");
        Assert.That(FromMemory(reopened, 16 * Block, Block, out cached), Is.True, "at the end");
        Assert.That(cached, Is.Empty);
        Expect(reopened.Close());
        Assert.That(FromMemory(reopened, 0, Block, out _), Is.False, "closed");
    }

    [Test]
    public void WritesTruncationAndRegrowthAreSeen()
    {
        string image = CreateImage(16, 32 * 1024, "memory.img", "-s", "8");
        FatVolume volume = MountCached(image, out _);
        IVfsNode file = CreateOpen(volume, "data.bin");
        IVfsNode other = CreateOpen(volume, "other.bin");
        Expect(file.Write(0, Pattern(8 * Block, 1), out _));
        Assert.That(Ordinary(file, 0, 8 * Block), Is.EqualTo(Pattern(8 * Block, 1)));   // walks the chain: the run is known
        Assert.That(FromMemory(file, Block, Block, out byte[] bytes), Is.True, "written blocks are in the cache");
        Assert.That(bytes, Is.EqualTo(Pattern(8 * Block, 1).Skip(Block).Take(Block).ToArray()));

        byte[] rewritten = Pattern(Block, 9);
        Expect(file.Write(Block, rewritten, out _));
        Assert.That(FromMemory(file, Block, Block, out bytes), Is.True);
        Assert.That(bytes, Is.EqualTo(rewritten), "the rewrite, not the old bytes");

        // Truncated, its clusters given to another file, then grown again: never the old or the other file's bytes.
        Expect(file.SetLength(Block));
        Assert.That(FromMemory(file, Block, Block, out bytes), Is.True);
        Assert.That(bytes, Is.Empty, "past the new end");
        Expect(other.Write(0, Enumerable.Repeat((byte)0xEE, 8 * Block).ToArray(), out _));
        byte[] regrown = Pattern(4 * Block, 5);
        Expect(file.Write(Block, regrown, out _));
        for (int block = 0; block < 5; block++)
        {
            byte[] expected = Ordinary(file, (ulong)(block * Block), Block);
            if (FromMemory(file, (ulong)(block * Block), Block, out bytes))
                Assert.That(bytes, Is.EqualTo(expected), "block " + block);
        }
        Assert.That(Ordinary(file, Block, 4 * Block), Is.EqualTo(regrown));
        Expect(file.Close());
        Expect(other.Close());
    }

    [Test]
    public void AHandleReadsFromMemoryAtItsPositionOrAnOffsetAndOnlyWhenItMayRead()
    {
        FatVolume volume = MountCached(CreateImage(16, 32 * 1024, "memory.img", "-s", "8"), out _);
        var vfs = new VirtualFileSystem();
        Expect(vfs.Mount("/", volume, "ram0", null));
        byte[] data = Pattern(4 * Block, 7);
        Expect(vfs.Open("/", "/data.bin", VfsOpenFlags.Write | VfsOpenFlags.Create, out OpenFile writer));
        Expect(writer.Write(data, out _));
        Expect(vfs.Open("/", "/data.bin", VfsOpenFlags.Read, out OpenFile reader));
        byte[] buffer = new byte[Block];
        Expect(reader.Read(buffer, out _));   // an ordinary read first: the chain walked, its run known

        Assert.That(reader.TryReadFromMemory(-1, buffer, out int read), Is.True);
        Assert.That(read, Is.EqualTo(Block));
        Assert.That(buffer, Is.EqualTo(data.Skip(Block).Take(Block).ToArray()), "the block at the position");
        Assert.That(reader.Position, Is.EqualTo((ulong)(2 * Block)), "moved over it");
        Assert.That(reader.TryReadFromMemory(0, buffer, out read), Is.True);
        Assert.That(buffer, Is.EqualTo(data.Take(Block).ToArray()), "the block at the offset");
        Assert.That(reader.Position, Is.EqualTo((ulong)(2 * Block)), "an offset leaves the position alone");

        Assert.That(writer.TryReadFromMemory(0, buffer, out read), Is.False, "opened for writing only");
        Assert.That(read, Is.EqualTo(0));
        Assert.That(reader.TryReadFromMemory((long)OpenFile.MaxPosition + 1, buffer, out _), Is.False, "past the largest position: the ordinary read's error");
        Expect(reader.Close());
        Assert.That(reader.TryReadFromMemory(0, buffer, out _), Is.False, "closed");
        Expect(writer.Close());
    }

    [Test]
    public void AClusterOutOfTheRunsLineIsAnsweredOnceAnOrdinaryReadFoundIt()
    {
        FatVolume volume = MountCached(CreateImage(16, 32 * 1024, "memory.img", "-s", "8"), out _);
        IVfsNode file = CreateOpen(volume, "data.bin");
        IVfsNode other = CreateOpen(volume, "other.bin");
        // The file's chain: two clusters, then (after the other file took the next one) two more elsewhere.
        Expect(file.Write(0, Pattern(2 * Block, 1), out _));
        Expect(other.Write(0, Pattern(Block, 2), out _));
        Expect(file.Write(2 * Block, Pattern(2 * Block, 3), out _));
        byte[] whole = Ordinary(file, 0, 4 * Block);
        for (int block = 0; block < 4; block++)
        {
            byte[] expected = Ordinary(file, (ulong)(block * Block), Block);   // leaves the cursor at this cluster
            Assert.That(FromMemory(file, (ulong)(block * Block), Block, out byte[] bytes), Is.True, "block " + block + " just read");
            Assert.That(bytes, Is.EqualTo(expected));
            Assert.That(bytes, Is.EqualTo(whole.Skip(block * Block).Take(Block).ToArray()));
        }
        Assert.That(FromMemory(file, Block, 2 * Block, out _), Is.False, "across the two runs");
        Expect(file.Close());
        Expect(other.Close());
    }
}
