using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// Files written by the engine, judged by the reference tools: fsck.fat must find the
/// image clean and mtype must read back exactly the bytes written.
/// </summary>
[TestFixture]
public class FatWriteTests : FatTestBase
{
    [TestCase(12, 4096)]
    [TestCase(16, 16384)]
    [TestCase(32, 65536)]
    public void CreatedFilesReadBackWithMtools(int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB);
        FatVolume volume = Mount(image);
        byte[] large = Pattern(3 * volume.ClusterSize + 123, 10);
        byte[] small = Encoding.ASCII.GetBytes("short\n");

        WriteFile(volume, "/Hello World.txt", small);
        WriteFile(volume, "/Large Random Data.bin", large);
        WriteFile(volume, "/EXACT.TXT", small);
        WriteFile(volume, "/lower.txt", small);
        WriteFile(volume, "/empty", new byte[0]);

        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/Hello World.txt"), Is.EqualTo(small));
        Assert.That(FatTools.Get(image, "/large random data.bin"), Is.EqualTo(large));
        Assert.That(FatTools.Get(image, "/EXACT.TXT"), Is.EqualTo(small));
        Assert.That(FatTools.Get(image, "/empty"), Is.Empty);

        string listing = FatTools.List(image, "/");
        Assert.That(listing, Does.Contain("Hello World.txt"));
        Assert.That(listing, Does.Contain("Large Random Data.bin"));
        // An all-lower-case 8.3 name is stored as Windows stores it: NT case flags, no long name.
        Assert.That(listing, Does.Match(@"\blower +txt\b"));
        Assert.That(ListNames(volume, "/"), Is.EquivalentTo(new[] { "Hello World.txt", "Large Random Data.bin", "EXACT.TXT", "lower.txt", "empty" }));
    }

    [Test]
    public void AppendsToAFileWrittenByMtools()
    {
        string image = CreateImage(32, 65536);
        byte[] initial = Pattern(700, 11);
        FatTools.Put(image, "/log.txt", initial);
        FatVolume volume = Mount(image);

        var expected = new MemoryStream();
        expected.Write(initial);
        Expect(volume.Open("/log.txt", FatOpenFlags.Append, out FatFile file));
        var random = new Random(12);
        for (int i = 0; i < 40; i++)
        {
            byte[] chunk = Pattern(random.Next(1, 1500), 100 + i);
            Expect(file.Write(chunk, out int written));
            Assert.That(written, Is.EqualTo(chunk.Length));
            expected.Write(chunk);

            // Append mode ignores seeks.
            Expect(file.Seek(0));
        }

        Expect(file.Close());
        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/log.txt"), Is.EqualTo(expected.ToArray()));
        Assert.That(ReadFile(volume, "/log.txt"), Is.EqualTo(expected.ToArray()));
    }

    [Test]
    public void AppendMethodWritesAtTheEnd()
    {
        string image = CreateImage(16, 16384);
        FatVolume volume = Mount(image);
        WriteFile(volume, "/a.txt", Encoding.ASCII.GetBytes("one "));
        Expect(volume.Open("/a.txt", FatOpenFlags.None, out FatFile file));
        Expect(file.Append(Encoding.ASCII.GetBytes("two "), out _));
        Expect(file.Seek(0));
        Expect(file.Append(Encoding.ASCII.GetBytes("three"), out _));
        Assert.That(file.Position, Is.EqualTo(13UL));
        Expect(file.Close());
        FatTools.AssertClean(image);
        Assert.That(Encoding.ASCII.GetString(FatTools.Get(image, "/a.txt")), Is.EqualTo("one two three"));
    }

    [Test]
    public void OverwritesInPlaceAndZeroFillsGaps()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        byte[] expected = new byte[12_010];
        Pattern(3000, 20).CopyTo(expected, 0);

        Expect(volume.Open("/sparse.bin", FatOpenFlags.Create, out FatFile file));
        Expect(file.Write(new ReadOnlySpan<byte>(expected, 0, 3000), out _));

        byte[] middle = Pattern(700, 21);
        Expect(file.Seek(1000));
        Expect(file.Write(middle, out _));
        middle.CopyTo(expected, 1000);

        // Writing past the end leaves a gap that must read as zeros.
        byte[] tail = Pattern(10, 22);
        Expect(file.Seek(12_000));
        Expect(file.Write(tail, out _));
        tail.CopyTo(expected, 12_000);
        Assert.That(file.Length, Is.EqualTo((ulong)expected.Length));
        Expect(file.Close());

        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/sparse.bin"), Is.EqualTo(expected));
        Assert.That(ReadFile(volume, "/sparse.bin"), Is.EqualTo(expected));
    }

    [Test]
    public void GapAfterShrinkReadsAsZeros()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        byte[] data = Pattern(1500, 23);
        WriteFile(volume, "/f.bin", data);

        // Shrinking keeps the old bytes in the last cluster; growing must not expose them.
        Expect(volume.Open("/f.bin", FatOpenFlags.None, out FatFile file));
        Expect(file.SetLength(100));
        Expect(file.SetLength(1400));
        Expect(file.Close());
        byte[] expected = new byte[1400];
        Array.Copy(data, expected, 100);
        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/f.bin"), Is.EqualTo(expected));
    }

    [TestCase(16)]
    [TestCase(32)]
    public void TruncatesAndExtends(int fatBits)
    {
        string image = CreateImage(fatBits, fatBits == 16 ? 16384 : 65536);
        FatVolume volume = Mount(image);
        Expect(volume.GetFreeSpace(out ulong freeAtStart));
        byte[] data = Pattern(5 * volume.ClusterSize + 77, 30);
        WriteFile(volume, "/t.bin", data);

        Expect(volume.Open("/t.bin", FatOpenFlags.None, out FatFile file));
        int[] lengths = { 2 * volume.ClusterSize + 1, volume.ClusterSize, 700, 0, 3 * volume.ClusterSize + 5, 0 };
        byte[] current = data;
        foreach (int length in lengths)
        {
            Expect(file.SetLength((ulong)length));
            byte[] next = new byte[length];
            Array.Copy(current, next, Math.Min(length, current.Length));
            current = next;

            FatTools.AssertClean(image);
            Assert.That(FatTools.Get(image, "/t.bin"), Is.EqualTo(current), $"length {length}");
        }

        Expect(file.Close());
        Expect(volume.Stat("/t.bin", out FatEntryInfo info));
        Assert.That(info.Size, Is.EqualTo(0u));
        Assert.That(info.FirstCluster, Is.EqualTo(0u));
        Expect(volume.GetFreeSpace(out ulong freeAtEnd));
        Assert.That(freeAtEnd, Is.EqualTo(freeAtStart));
    }

    [Test]
    public void OpenWithTruncateEmptiesTheFile()
    {
        string image = CreateImage(32, 65536);
        FatTools.Put(image, "/t.txt", Pattern(9000, 31));
        FatVolume volume = Mount(image);
        Expect(volume.Open("/t.txt", FatOpenFlags.Truncate, out FatFile file));
        Assert.That(file.Length, Is.EqualTo(0UL));
        Expect(file.Close());
        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/t.txt"), Is.Empty);
    }

    [TestCase(12, 4096)]
    [TestCase(32, 65536)]
    public void DeletedFilesDisappearAndReturnTheirSpace(int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB);
        FatTools.Put(image, "/keep.txt", Pattern(100, 40));
        FatTools.Put(image, "/Delete Me Please.bin", Pattern(50_000, 41));
        FatVolume volume = Mount(image);
        Expect(volume.GetFreeSpace(out ulong before));

        Expect(volume.Delete("/delete me please.bin"));
        Assert.That(volume.Delete("/delete me please.bin"), Is.EqualTo(StorageError.NotFound));
        Expect(volume.GetFreeSpace(out ulong after));
        Assert.That(after - before, Is.EqualTo((ulong)((50_000 + volume.ClusterSize - 1) / volume.ClusterSize * volume.ClusterSize)));

        FatTools.AssertClean(image);
        Assert.That(FatTools.List(image, "/"), Does.Not.Contain("Delete Me Please"));
        Assert.That(ListNames(volume, "/"), Is.EquivalentTo(new[] { "keep.txt" }));
        Assert.That(FatTools.Get(image, "/keep.txt"), Is.EqualTo(Pattern(100, 40)));
    }

    [Test]
    public void OpenFlagsBehaveLikePosix()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        Assert.That(volume.Open("/missing", FatOpenFlags.None, out _), Is.EqualTo(StorageError.NotFound));
        Assert.That(volume.Open("/no/such/dir/file", FatOpenFlags.Create, out _), Is.EqualTo(StorageError.NotFound));
        Expect(volume.Open("/new", FatOpenFlags.Create | FatOpenFlags.Exclusive, out FatFile file));
        Expect(file.Close());
        Assert.That(file.Close(), Is.EqualTo(StorageError.Closed));
        Assert.That(file.Write(new byte[1], out _), Is.EqualTo(StorageError.Closed));
        Assert.That(volume.Open("/new", FatOpenFlags.Create | FatOpenFlags.Exclusive, out _), Is.EqualTo(StorageError.Exists));
        Expect(volume.CreateDirectory("/dir"));
        Assert.That(volume.Open("/dir", FatOpenFlags.None, out _), Is.EqualTo(StorageError.IsDirectory));
        Assert.That(volume.Open("/dir", FatOpenFlags.Create, out _), Is.EqualTo(StorageError.IsDirectory));
        Assert.That(volume.Open("/bad:name", FatOpenFlags.Create, out _), Is.EqualTo(StorageError.InvalidName));
        FatTools.AssertClean(image);
    }

    [Test]
    public void HandlesOfOneFileShareItsState()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        Expect(volume.Open("/shared", FatOpenFlags.Create, out FatFile writer));
        Expect(volume.Open("/SHARED", FatOpenFlags.None, out FatFile reader));
        byte[] data = Pattern(4000, 50);
        Expect(writer.Write(data, out _));
        Assert.That(reader.Length, Is.EqualTo(4000UL));
        byte[] buffer = new byte[5000];
        Expect(reader.Read(buffer, out int read));
        Assert.That(read, Is.EqualTo(4000));

        Assert.That(volume.Delete("/shared"), Is.EqualTo(StorageError.Busy));
        Expect(writer.SetLength(10));
        Assert.That(reader.Length, Is.EqualTo(10UL));
        Expect(writer.Close());
        Expect(reader.Close());
        Expect(volume.Delete("/shared"));
        FatTools.AssertClean(image);
    }

    [Test]
    public void RenamedOpenFileKeepsWorking()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        Expect(volume.CreateDirectory("/other"));
        Expect(volume.Open("/before.txt", FatOpenFlags.Create, out FatFile file));
        Expect(file.Write(Encoding.ASCII.GetBytes("abc"), out _));
        Expect(volume.Rename("/before.txt", "/other/After Rename.txt"));
        Expect(file.Write(Encoding.ASCII.GetBytes("def"), out _));
        Expect(file.Close());
        FatTools.AssertClean(image);
        Assert.That(Encoding.ASCII.GetString(FatTools.Get(image, "/other/After Rename.txt")), Is.EqualTo("abcdef"));
    }

    [Test]
    public void FreeSpaceMatchesFsck()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        WriteFile(volume, "/a", Pattern(10_000, 60));
        Expect(volume.CreateDirectory("/d"));
        WriteFile(volume, "/d/b", Pattern(3000, 61));
        Expect(volume.GetFreeSpace(out ulong free));

        string report = FatTools.Run("fsck.fat", "-n", image).Text;
        Match match = Regex.Match(report, @"(\d+)/(\d+) clusters");
        Assert.That(match.Success, Is.True, report);
        ulong used = ulong.Parse(match.Groups[1].Value);
        ulong total = ulong.Parse(match.Groups[2].Value);
        Assert.That(free / (ulong)volume.ClusterSize, Is.EqualTo(total - used));
        Assert.That(volume.TotalBytes / (ulong)volume.ClusterSize, Is.EqualTo(total));
    }

    [Test]
    public void StaleFsInfoIsRecountedAndRewritten()
    {
        string image = CreateImage(32, 65536);
        FatTools.Put(image, "/x.bin", Pattern(20_000, 70));

        // Claim a wrong free count in FSInfo (sector 1, offset 488).
        using (var stream = new FileStream(image, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = 512 + 488;
            stream.Write(BitConverter.GetBytes(1234u));
        }

        Assert.That(FatTools.Run("fsck.fat", "-n", image).ExitCode, Is.Not.EqualTo(0));
        FatVolume volume = Mount(image);
        WriteFile(volume, "/y.bin", Pattern(5000, 71));
        Expect(volume.Flush());
        FatTools.AssertClean(image);
    }

    [Test]
    public void LargeFileSpanningManyClusters()
    {
        string image = CreateImage(32, 65536);
        FatVolume volume = Mount(image);
        byte[] data = Pattern(3_000_000, 80);
        Expect(volume.Open("/big.bin", FatOpenFlags.Create, out FatFile file));

        // Irregular chunk sizes exercise partial sectors and cluster-spanning runs.
        int offset = 0;
        var random = new Random(81);
        while (offset < data.Length)
        {
            int length = Math.Min(random.Next(1, 70_000), data.Length - offset);
            Expect(file.Write(new ReadOnlySpan<byte>(data, offset, length), out _));
            offset += length;
        }

        Expect(file.Close());
        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/big.bin"), Is.EqualTo(data));
        Assert.That(ReadFile(volume, "/big.bin"), Is.EqualTo(data));
    }

    [Test]
    public void LogicalSectorsLargerThanDeviceSectors()
    {
        // 4096-byte FAT sectors on a 512-byte-sector device.
        string image = CreateImage(16, 65536, "disk.img", "-S", "4096");
        FatTools.Put(image, "/Existing File.txt", Pattern(30_000, 95));
        FatVolume volume = Mount(image);
        Assert.That(volume.BootSector.BytesPerSector, Is.EqualTo(4096));
        Assert.That(ReadFile(volume, "/existing file.txt"), Is.EqualTo(Pattern(30_000, 95)));

        byte[] data = Pattern(100_000, 96);
        WriteFile(volume, "/Written Here.bin", data);
        Expect(volume.CreateDirectory("/New Directory"));
        WriteFile(volume, "/New Directory/inner", Pattern(5000, 97));
        Expect(volume.Open("/existing file.txt", FatOpenFlags.Append, out FatFile file));
        Expect(file.Write(Pattern(10, 98), out _));
        Expect(file.Close());

        FatTools.AssertClean(image);
        Assert.That(FatTools.Get(image, "/Written Here.bin"), Is.EqualTo(data));
        Assert.That(FatTools.Get(image, "/New Directory/inner"), Is.EqualTo(Pattern(5000, 97)));
        Assert.That(FatTools.Get(image, "/Existing File.txt").Length, Is.EqualTo(30_010));
    }

    [Test]
    public void WriteErrorsAreReportedNotThrown()
    {
        string image = CreateImage(32, 65536);
        byte[] bytes = File.ReadAllBytes(image);
        for (int allowedWrites = 0; allowedWrites < 12; allowedWrites++)
        {
            var device = new MemoryBlockDevice((byte[])bytes.Clone()) { WritesBeforeFailure = allowedWrites };
            Expect(FatVolume.Mount(device, out FatVolume volume));
            StorageError error = volume.Open("/Some Long Name.txt", FatOpenFlags.Create, out FatFile file);
            if (error == StorageError.Ok)
            {
                error = file.Write(Pattern(5000, 90), out _);
            }

            if (error == StorageError.Ok)
            {
                error = volume.CreateDirectory("/a directory");
            }

            Assert.That(error, Is.EqualTo(StorageError.IoError).Or.EqualTo(StorageError.Ok));
        }
    }
}
