using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>Volumes formatted by mkfs.fat and filled by mtools, read by the engine.</summary>
[TestFixture]
public class FatReadTests : FatTestBase
{
    [TestCase(12, 4096, FatType.Fat12)]
    [TestCase(16, 16384, FatType.Fat16)]
    [TestCase(32, 65536, FatType.Fat32)]
    public void ReadsFilesDirectoriesAndLongNamesWrittenByMtools(int fatBits, int sizeKiB, FatType expectedType)
    {
        string image = CreateImage(fatBits, sizeKiB);
        byte[] small = Encoding.ASCII.GetBytes("hello\n");
        byte[] large = Pattern(100_000, 1);
        FatTools.Put(image, "/hello.txt", small);
        FatTools.Put(image, "/UPPER.TXT", small);
        FatTools.MakeDirectory(image, "/Sub Dir");
        FatTools.Put(image, "/Sub Dir/A Long File Name.bin", large);
        FatTools.Put(image, "/Sub Dir/empty", new byte[0]);

        FatVolume volume = Mount(image);
        Assert.That(volume.Type, Is.EqualTo(expectedType));
        Assert.That(ListNames(volume, "/"), Is.EquivalentTo(new[] { "hello.txt", "UPPER.TXT", "Sub Dir" }));
        Assert.That(ListNames(volume, "/Sub Dir"), Is.EquivalentTo(new[] { "A Long File Name.bin", "empty" }));

        Expect(volume.Stat("/sub dir", out FatEntryInfo directory));
        Assert.That(directory.IsDirectory, Is.True);
        Assert.That(directory.Name, Is.EqualTo("Sub Dir"));

        Expect(volume.Stat("/SUB DIR/a long file name.BIN", out FatEntryInfo file));
        Assert.That(file.IsDirectory, Is.False);
        Assert.That(file.Size, Is.EqualTo((uint)large.Length));
        Assert.That(file.Name, Is.EqualTo("A Long File Name.bin"));

        // The 8.3 aliases reach the same entries.
        Expect(volume.Stat("/" + directory.ShortName + "/" + file.ShortName, out FatEntryInfo viaAlias));
        Assert.That(viaAlias.Name, Is.EqualTo(file.Name));

        Assert.That(ReadFile(volume, "/hello.txt"), Is.EqualTo(small));
        Assert.That(ReadFile(volume, "/upper.txt"), Is.EqualTo(small));
        Assert.That(ReadFile(volume, "/Sub Dir/A Long File Name.bin"), Is.EqualTo(large));
        Assert.That(ReadFile(volume, "/Sub Dir/empty"), Is.Empty);
        Assert.That(ReadFile(volume, "//Sub Dir/./../Sub Dir//A Long File Name.bin"), Is.EqualTo(large));
    }

    [Test]
    public void ReadsAtArbitraryOffsets()
    {
        string image = CreateImage(32, 65536);
        byte[] data = Pattern(20_000, 2);
        FatTools.Put(image, "/data.bin", data);
        FatVolume volume = Mount(image);

        Expect(volume.Open("/data.bin", FatOpenFlags.None, out FatFile file));
        byte[] buffer = new byte[3000];
        foreach (int offset in new[] { 0, 1, 511, 512, 513, 4095, 10_000, 17_001, 19_999 })
        {
            Expect(file.Seek((ulong)offset));
            Expect(file.Read(buffer, out int read));
            int expected = Math.Min(buffer.Length, data.Length - offset);
            Assert.That(read, Is.EqualTo(expected));
            Assert.That(new ReadOnlySpan<byte>(buffer, 0, read).SequenceEqual(new ReadOnlySpan<byte>(data, offset, read)), Is.True, $"offset {offset}");
        }

        Expect(file.Seek(20_000));
        Expect(file.Read(buffer, out int atEnd));
        Assert.That(atEnd, Is.EqualTo(0));
        Expect(file.Close());
    }

    [Test]
    public void ListsAMultiClusterDirectoryWrittenByMtools()
    {
        string image = CreateImage(32, 65536);
        FatTools.MakeDirectory(image, "/many");
        string sources = Path.Combine(WorkDirectory, "sources");
        Directory.CreateDirectory(sources);
        var arguments = new List<string> { "-i", image };
        var expected = new List<string>();
        for (int i = 0; i < 120; i++)
        {
            string name = $"Mtools long file name number {i:D3}.dat";
            File.WriteAllBytes(Path.Combine(sources, name), Encoding.ASCII.GetBytes(name));
            arguments.Add(Path.Combine(sources, name));
            expected.Add(name);
        }

        arguments.Add("::/many/");
        FatTools.RunChecked("mcopy", arguments.ToArray());

        FatVolume volume = Mount(image);
        Assert.That(ListNames(volume, "/many"), Is.EquivalentTo(expected));
        Assert.That(Encoding.ASCII.GetString(ReadFile(volume, "/many/MTOOLS LONG FILE NAME NUMBER 077.DAT")), Is.EqualTo(expected[77]));
    }

    [Test]
    public void ReportsMissingAndMistypedPaths()
    {
        string image = CreateImage(16, 16384);
        FatTools.Put(image, "/file.txt", new byte[] { 1 });
        FatVolume volume = Mount(image);

        Assert.That(volume.Stat("/nothing", out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(volume.Stat("/nothing/deeper", out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(volume.Stat("/file.txt/deeper", out _), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(volume.ReadDirectory("/file.txt", new List<FatEntryInfo>()), Is.EqualTo(StorageError.NotDirectory));
        Assert.That(volume.Open("/", FatOpenFlags.None, out _), Is.EqualTo(StorageError.IsDirectory));
        Expect(volume.Stat("/", out FatEntryInfo root));
        Assert.That(root.IsDirectory, Is.True);
    }

    [Test]
    public void ReadingDoesNotWriteTheDevice()
    {
        string image = CreateImage(32, 65536);
        FatTools.Put(image, "/a.bin", Pattern(5000, 3));
        using var device = new FileBlockDevice(image);
        Expect(FatVolume.Mount(device, out FatVolume volume));
        Assert.That(ReadFile(volume, "/a.bin").Length, Is.EqualTo(5000));
        Expect(volume.GetFreeSpace(out _));
        ListNames(volume, "/");
        Assert.That(device.WriteCount, Is.EqualTo(0));
    }
}
