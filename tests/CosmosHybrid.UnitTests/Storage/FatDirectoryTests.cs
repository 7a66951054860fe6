using System;
using System.Collections.Generic;
using System.Text;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>Directory operations (mkdir, rmdir, rename, names, large directories) judged by the reference tools.</summary>
[TestFixture]
public class FatDirectoryTests : FatTestBase
{
    [TestCase(12, 4096)]
    [TestCase(16, 16384)]
    [TestCase(32, 65536)]
    public void CreatesAndRemovesNestedDirectories(int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB);
        FatVolume volume = Mount(image);
        Expect(volume.GetFreeSpace(out ulong freeAtStart));

        Expect(volume.CreateDirectory("/Projects"));
        Expect(volume.CreateDirectory("/Projects/Cosmos Hybrid"));
        Expect(volume.CreateDirectory("/projects/cosmos hybrid/src"));
        WriteFile(volume, "/Projects/Cosmos Hybrid/src/Kernel.cs", Encoding.ASCII.GetBytes("class Kernel {}"));
        Assert.That(volume.CreateDirectory("/PROJECTS"), Is.EqualTo(StorageError.Exists));
        Assert.That(volume.CreateDirectory("/missing/child"), Is.EqualTo(StorageError.NotFound));

        FatTools.AssertClean(image);
        Assert.That(FatTools.List(image, "/Projects"), Does.Contain("Cosmos Hybrid"));
        Assert.That(Encoding.ASCII.GetString(FatTools.Get(image, "/Projects/Cosmos Hybrid/src/Kernel.cs")), Is.EqualTo("class Kernel {}"));

        Assert.That(volume.RemoveDirectory("/Projects/Cosmos Hybrid/src"), Is.EqualTo(StorageError.NotEmpty));
        Assert.That(volume.RemoveDirectory("/Projects/Cosmos Hybrid/src/Kernel.cs"), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(volume.Delete("/Projects/Cosmos Hybrid/src"), Is.EqualTo(StorageError.IsDirectory));
        Assert.That(volume.RemoveDirectory("/"), Is.EqualTo(StorageError.InvalidArgument));

        Expect(volume.Delete("/Projects/Cosmos Hybrid/src/Kernel.cs"));
        Expect(volume.RemoveDirectory("/Projects/Cosmos Hybrid/src"));
        Expect(volume.RemoveDirectory("/Projects/Cosmos Hybrid"));
        Expect(volume.RemoveDirectory("/Projects"));
        FatTools.AssertClean(image);
        Assert.That(ListNames(volume, "/"), Is.Empty);
        Expect(volume.GetFreeSpace(out ulong freeAtEnd));
        Assert.That(freeAtEnd, Is.EqualTo(freeAtStart));
    }

    [Test]
    public void MtoolsCanUseDirectoriesWeCreate()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        Expect(volume.CreateDirectory("/ours"));
        FatTools.Put(image, "/ours/theirs.txt", Encoding.ASCII.GetBytes("from mtools"));
        FatTools.MakeDirectory(image, "/ours/Their Directory");
        FatTools.AssertClean(image);

        // The image changed under the mounted volume (whose FAT cache is now stale): remount.
        volume = Mount(image);
        Assert.That(ListNames(volume, "/ours"), Is.EquivalentTo(new[] { "theirs.txt", "Their Directory" }));
        Assert.That(Encoding.ASCII.GetString(ReadFile(volume, "/OURS/THEIRS.TXT")), Is.EqualTo("from mtools"));
    }

    [Test]
    public void RenamesWithinADirectory()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        byte[] data = Pattern(2000, 1);
        WriteFile(volume, "/old name.txt", data);
        WriteFile(volume, "/other.txt", data);

        Expect(volume.Rename("/old name.txt", "/A New And Much Longer Name.data"));
        Expect(volume.Rename("/other.txt", "/OTHER.TXT"));
        Assert.That(volume.Rename("/missing", "/x"), Is.EqualTo(StorageError.NotFound));
        Assert.That(volume.Rename("/OTHER.TXT", "/a new and much longer name.DATA"), Is.EqualTo(StorageError.Exists));
        Assert.That(volume.Rename("/OTHER.TXT", "/bad|name"), Is.EqualTo(StorageError.InvalidName));
        Assert.That(volume.Rename("/", "/x"), Is.EqualTo(StorageError.InvalidArgument));

        FatTools.AssertClean(image);
        Assert.That(ListNames(volume, "/"), Is.EquivalentTo(new[] { "A New And Much Longer Name.data", "OTHER.TXT" }));
        string listing = FatTools.List(image, "/");
        Assert.That(listing, Does.Contain("A New And Much Longer Name.data"));
        Assert.That(listing, Does.Not.Contain("old name"));
        Assert.That(FatTools.Get(image, "/A New And Much Longer Name.data"), Is.EqualTo(data));
        Assert.That(FatTools.Get(image, "/OTHER.TXT"), Is.EqualTo(data));
    }

    [TestCase(16, 16384)]
    [TestCase(32, 65536)]
    public void MovesFilesAndDirectoriesAcrossDirectories(int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB);
        FatVolume volume = Mount(image);
        Expect(volume.CreateDirectory("/a"));
        Expect(volume.CreateDirectory("/b"));
        Expect(volume.CreateDirectory("/a/Moving Directory"));
        Expect(volume.CreateDirectory("/a/Moving Directory/child"));
        WriteFile(volume, "/a/Moving Directory/child/file.bin", Pattern(3000, 2));
        WriteFile(volume, "/a/loose file.txt", Pattern(100, 3));

        Expect(volume.Rename("/a/loose file.txt", "/b/moved file.txt"));
        Expect(volume.Rename("/a/Moving Directory", "/b/Moved Directory"));
        Expect(volume.Rename("/b/Moved Directory/child", "/child at root"));

        FatTools.AssertClean(image);
        Assert.That(ListNames(volume, "/a"), Is.Empty);
        Assert.That(ListNames(volume, "/b"), Is.EquivalentTo(new[] { "moved file.txt", "Moved Directory" }));
        Assert.That(FatTools.Get(image, "/child at root/file.bin"), Is.EqualTo(Pattern(3000, 2)));
        Assert.That(FatTools.Get(image, "/b/moved file.txt"), Is.EqualTo(Pattern(100, 3)));

        // ".." of the moved directories now names their new parents.
        Expect(volume.Stat("/b", out FatEntryInfo b));
        Expect(volume.Stat("/b/Moved Directory", out FatEntryInfo moved));
        Expect(volume.Stat("/child at root", out FatEntryInfo child));
        Expect(volume.Directory.GetParent(moved.FirstCluster, out uint movedParent));
        Expect(volume.Directory.GetParent(child.FirstCluster, out uint childParent));
        Assert.That(movedParent, Is.EqualTo(b.FirstCluster));
        Assert.That(childParent, Is.EqualTo(volume.Directory.RootCluster));

        // mtools follows ".." on disk.
        FatTools.Put(image, "/b/Moved Directory/../via-dotdot.txt", new byte[] { 42 });
        volume = Mount(image);
        Assert.That(ListNames(volume, "/b"), Does.Contain("via-dotdot.txt"));
        FatTools.AssertClean(image);
    }

    [Test]
    public void RefusesToMoveADirectoryIntoItself()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        Expect(volume.CreateDirectory("/top"));
        Expect(volume.CreateDirectory("/top/middle"));
        Expect(volume.CreateDirectory("/top/middle/bottom"));
        Assert.That(volume.Rename("/top", "/top/inside"), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(volume.Rename("/top", "/top/middle/bottom/inside"), Is.EqualTo(StorageError.InvalidArgument));
        Assert.That(volume.Rename("/top/middle", "/top/middle/bottom/inside"), Is.EqualTo(StorageError.InvalidArgument));
        Expect(volume.Rename("/top/middle/bottom", "/bottom"));
        FatTools.AssertClean(image);
    }

    [Test]
    public void GrowsADirectoryOverManyClusters()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        Expect(volume.CreateDirectory("/many"));
        var names = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            string name = $"A fairly long file name number {i:D3}.txt";
            names.Add(name);
            WriteFile(volume, "/many/" + name, Encoding.ASCII.GetBytes(name));
        }

        FatTools.AssertClean(image);
        string listing = FatTools.List(image, "/many");
        foreach (string name in names)
        {
            Assert.That(listing, Does.Contain(name));
        }

        var entries = new List<FatEntryInfo>();
        Expect(volume.ReadDirectory("/many", entries));
        Assert.That(entries.Count, Is.EqualTo(300));
        var aliases = new HashSet<string>();
        foreach (FatEntryInfo entry in entries)
        {
            Assert.That(aliases.Add(entry.ShortName), Is.True, "duplicate alias " + entry.ShortName);
        }

        // Remove every other entry, then fill the holes with names of other lengths.
        for (int i = 0; i < 300; i += 2)
        {
            Expect(volume.Delete("/many/" + names[i]));
        }

        for (int i = 0; i < 100; i++)
        {
            WriteFile(volume, $"/many/n{i}", Pattern(i, i));
        }

        FatTools.AssertClean(image);
        Assert.That(ListNames(volume, "/many").Count, Is.EqualTo(250));
        Assert.That(FatTools.Get(image, "/many/n99"), Is.EqualTo(Pattern(99, 99)));
        Assert.That(Encoding.ASCII.GetString(FatTools.Get(image, "/many/" + names[151])), Is.EqualTo(names[151]));
    }

    [Test]
    public void FixedRootDirectoryFullReturnsNoSpace()
    {
        string image = CreateImage(16, 16384, "disk.img", "-r", "32");
        FatVolume volume = Mount(image);
        int created = 0;
        StorageError error = StorageError.Ok;
        while (error == StorageError.Ok && created < 1000)
        {
            error = volume.Open($"/F{created}.TXT", FatOpenFlags.Create, out FatFile file);
            if (error == StorageError.Ok)
            {
                Expect(file.Close());
                created++;
            }
        }

        Assert.That(error, Is.EqualTo(StorageError.NoSpace));
        Assert.That(created, Is.EqualTo(volume.BootSector.RootEntryCount));
        Assert.That(volume.CreateDirectory("/dir"), Is.EqualTo(StorageError.NoSpace));
        FatTools.AssertClean(image);
    }

    [Test]
    public void FixedRootEndingInsideASectorStopsAtItsLastSlot()
    {
        // 500 root slots: the last root sector has 12 slots beyond the region (fsck.fat
        // refuses such a BPB, so only the engine is checked). Fill those slots with a
        // valid-looking entry that must never be seen or overwritten.
        string image = CreateImage(16, 16384);
        byte[] bytes = System.IO.File.ReadAllBytes(image);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(17), 500);
        Expect(FatBootSector.Parse(bytes, (ulong)bytes.Length, out FatBootSector boot));
        int root = (int)(boot.RootDirectoryFirstSector * 512);
        byte[] sentinel = Encoding.ASCII.GetBytes("SENTINELTXT");
        for (int slot = 500; slot < 512; slot++)
        {
            sentinel.CopyTo(bytes, root + slot * 32);
        }

        var device = new MemoryBlockDevice(bytes);
        Expect(FatVolume.Mount(device, out FatVolume volume));
        Assert.That(volume.Stat("/SENTINEL.TXT", out _), Is.EqualTo(StorageError.NotFound));
        int created = 0;
        while (volume.Open($"/F{created}", FatOpenFlags.Create, out FatFile file) == StorageError.Ok)
        {
            Expect(file.Close());
            created++;
        }

        Assert.That(created, Is.EqualTo(500));
        Assert.That(ListNames(volume, "/").Count, Is.EqualTo(500));
        for (int slot = 500; slot < 512; slot++)
        {
            Assert.That(Encoding.ASCII.GetString(bytes, root + slot * 32, 11), Is.EqualTo("SENTINELTXT"));
        }
    }

    [Test]
    public void LookupIgnoresCaseAndNamesKeepTheirCase()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        WriteFile(volume, "/MiXeD Case Name.TxT", new byte[] { 1 });
        WriteFile(volume, "/Ünïcödé名前.txt", new byte[] { 2 });
        Expect(volume.Stat("/mixed case name.txt", out FatEntryInfo info));
        Assert.That(info.Name, Is.EqualTo("MiXeD Case Name.TxT"));
        Expect(volume.Stat("/üNÏCÖDÉ名前.TXT", out FatEntryInfo unicode));
        Assert.That(unicode.Name, Is.EqualTo("Ünïcödé名前.txt"));
        Assert.That(unicode.ShortName, Does.Contain("~"));
        Assert.That(volume.Open("/MIXED CASE NAME.TXT", FatOpenFlags.Create | FatOpenFlags.Exclusive, out _), Is.EqualTo(StorageError.Exists));
        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/Ünïcödé名前.txt"), Is.EqualTo(new byte[] { 2 }));
    }

    [TestCase("")]
    [TestCase("a:b")]
    [TestCase("a*")]
    [TestCase("trailing.")]
    [TestCase("trailing ")]
    [TestCase("tab\tname")]
    public void RejectsInvalidNames(string name)
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        StorageError error = volume.Open("/" + name, FatOpenFlags.Create, out _);
        Assert.That(error, Is.EqualTo(StorageError.InvalidName).Or.EqualTo(StorageError.IsDirectory));
        Assert.That(volume.CreateDirectory("/x" + name + "/"), name.Length == 0 ? Is.EqualTo(StorageError.Ok) : Is.EqualTo(StorageError.InvalidName));
        FatTools.AssertClean(image);
    }

    [Test]
    public void RejectsOverlongNames()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        string longest = new string('n', 255);
        WriteFile(volume, "/" + longest, new byte[] { 7 });
        Assert.That(volume.Open("/" + longest + "x", FatOpenFlags.Create, out _), Is.EqualTo(StorageError.InvalidName));
        FatTools.AssertClean(image);
        Assert.That(ListNames(volume, "/"), Is.EquivalentTo(new[] { longest }));
        Assert.That(FatTools.List(image, "/"), Does.Contain(longest));
    }
}
