using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>Deliberately damaged volumes: every operation must answer with an error code, quickly.</summary>
[TestFixture]
public class FatCorruptionTests : FatTestBase
{
    private FatImageEditor MakeImage(int fatBits, int sizeKiB)
    {
        string image = CreateImage(fatBits, sizeKiB, "disk.img", "-s", "1");
        FatTools.Put(image, "/five clusters.bin", Pattern(5 * 512 - 100, 1));
        FatTools.Put(image, "/intact.bin", Pattern(3000, 2));
        FatTools.MakeDirectory(image, "/sub");
        FatTools.Put(image, "/sub/inner.txt", Pattern(10, 3));
        return new FatImageEditor(File.ReadAllBytes(image));
    }

    private static FatVolume MountBytes(byte[] image) => MountBytes(image, out _);

    private static FatVolume MountBytes(byte[] image, out StorageError error)
    {
        error = FatVolume.Mount(new MemoryBlockDevice(image), out FatVolume volume);
        return volume;
    }

    [TestCase(16, 2400)]
    [TestCase(32, 34000)]
    public void ClusterLoopInAFileIsCorrupt(int fatBits, int sizeKiB)
    {
        FatImageEditor editor = MakeImage(fatBits, sizeKiB);
        Assume.That(editor.Boot.SectorsPerCluster, Is.EqualTo(1));
        uint[] chain = editor.GetChain("/five clusters.bin");
        Assert.That(chain.Length, Is.EqualTo(5));
        editor.SetFatEntry(chain[3], chain[1]);

        FatVolume volume = editor.Mount();
        Assert.That(volume.Open("/five clusters.bin", FatOpenFlags.None, out _), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.Delete("/five clusters.bin"), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.Open("/five clusters.bin", FatOpenFlags.Truncate, out _), Is.EqualTo(StorageError.Corrupt));

        // The damage stays local: the rest of the volume still works.
        Assert.That(ReadFile(volume, "/intact.bin"), Is.EqualTo(Pattern(3000, 2)));
        WriteFile(volume, "/new.bin", Pattern(4000, 4));
        Assert.That(ReadFile(volume, "/new.bin"), Is.EqualTo(Pattern(4000, 4)));
    }

    [Test]
    public void SelfLinkedClusterIsCorrupt()
    {
        FatImageEditor editor = MakeImage(32, 34000);
        uint[] chain = editor.GetChain("/five clusters.bin");
        editor.SetFatEntry(chain[0], chain[0]);
        FatVolume volume = editor.Mount();
        Assert.That(volume.Open("/five clusters.bin", FatOpenFlags.None, out _), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.Delete("/five clusters.bin"), Is.EqualTo(StorageError.Corrupt));
    }

    [TestCase(0x0FFFFF00u)]
    [TestCase(0u)]
    [TestCase(1u)]
    [TestCase(0x0FFFFFF7u)]
    [TestCase(100_000u)]
    public void BadLinkInAChainIsCorrupt(uint badValue)
    {
        FatImageEditor editor = MakeImage(32, 34000);
        uint[] chain = editor.GetChain("/five clusters.bin");
        editor.SetFatEntry(chain[2], badValue);
        FatVolume volume = editor.Mount();
        Assert.That(volume.Open("/five clusters.bin", FatOpenFlags.None, out _), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.Delete("/five clusters.bin"), Is.EqualTo(StorageError.Corrupt));
    }

    [TestCase(12, 2048)]
    [TestCase(16, 2400)]
    public void BadLinkOnSmallFatsIsCorrupt(int fatBits, int sizeKiB)
    {
        FatImageEditor editor = MakeImage(fatBits, sizeKiB);
        uint[] chain = editor.GetChain("/intact.bin");
        editor.SetFatEntry(chain[0], editor.Boot.MaxCluster + 1);
        FatVolume volume = editor.Mount();
        Assert.That(volume.Open("/intact.bin", FatOpenFlags.None, out _), Is.EqualTo(StorageError.Corrupt));
    }

    [Test]
    public void ChainShorterThanTheSizeIsCorrupt()
    {
        FatImageEditor editor = MakeImage(32, 34000);
        editor.SetEntrySize("/intact.bin", 100_000);
        FatVolume volume = editor.Mount();
        Assert.That(volume.Open("/intact.bin", FatOpenFlags.None, out _), Is.EqualTo(StorageError.Corrupt));
        Expect(volume.Stat("/intact.bin", out FatEntryInfo info));
        Assert.That(info.Size, Is.EqualTo(100_000u));
    }

    [Test]
    public void EntryPointingOutsideTheVolumeIsCorrupt()
    {
        FatImageEditor editor = MakeImage(32, 34000);
        editor.SetEntryCluster("/intact.bin", 0x0ABCDEF0);
        editor.SetEntryCluster("/sub", 0x0ABCDEF0);
        FatVolume volume = editor.Mount();
        Assert.That(volume.Open("/intact.bin", FatOpenFlags.None, out _), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.Delete("/intact.bin"), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.ReadDirectory("/sub", new List<FatEntryInfo>()), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.Stat("/sub/inner.txt", out _), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.Open("/sub/new", FatOpenFlags.Create, out _), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.RemoveDirectory("/sub"), Is.EqualTo(StorageError.Corrupt));
    }

    [Test]
    public void DirectoryChainLoopWithoutEndMarkerIsCorrupt()
    {
        FatImageEditor editor = MakeImage(32, 34000);
        FatVolume setup = editor.Mount();
        for (int i = 0; i < 20; i++)
        {
            WriteFile(setup, $"/sub/entry with a long name {i}", new byte[] { (byte)i });
        }

        // Turn every free slot into a deleted one, so no end marker stops the scan, and
        // link the directory's last cluster back to its first.
        uint[] chain = editor.GetChain("/sub");
        Assert.That(chain.Length, Is.GreaterThan(1));
        foreach (uint cluster in chain)
        {
            int offset = editor.ClusterOffset(cluster);
            for (int slot = 0; slot < editor.Boot.BytesPerCluster; slot += 32)
            {
                if (editor.Image[offset + slot] == 0)
                {
                    editor.Image[offset + slot] = 0xE5;
                }
            }
        }

        editor.SetFatEntry(chain[chain.Length - 1], chain[0]);
        FatVolume volume = editor.Mount();
        var watch = Stopwatch.StartNew();
        Assert.That(volume.ReadDirectory("/sub", new List<FatEntryInfo>()), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.Stat("/sub/not there", out _), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.Open("/sub/not there", FatOpenFlags.Create, out _), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.CreateDirectory("/sub/not there"), Is.EqualTo(StorageError.Corrupt));
        Assert.That(volume.RemoveDirectory("/sub"), Is.EqualTo(StorageError.NotEmpty));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void FixedRootWithoutEndMarkerEndsAtItsRegion()
    {
        FatImageEditor editor = MakeImage(16, 2400);
        int root = (int)(editor.Boot.RootDirectoryFirstSector * (uint)editor.Boot.BytesPerSector);
        for (int slot = 0; slot < editor.Boot.RootEntryCount; slot++)
        {
            if (editor.Image[root + slot * 32] == 0)
            {
                editor.Image[root + slot * 32] = 0xE5;
            }
        }

        FatVolume volume = editor.Mount();
        Assert.That(ListNames(volume, "/"), Is.EquivalentTo(new[] { "five clusters.bin", "intact.bin", "sub" }));
        WriteFile(volume, "/added", new byte[] { 1 });
        Assert.That(ListNames(volume, "/").Count, Is.EqualTo(4));
    }

    [Test]
    public void DotDotLoopDoesNotHangRename()
    {
        FatImageEditor editor = MakeImage(32, 34000);
        FatVolume setup = editor.Mount();
        Expect(setup.CreateDirectory("/sub/deeper"));
        Expect(setup.CreateDirectory("/mover"));
        Expect(setup.Stat("/sub/deeper", out FatEntryInfo deeper));

        // ".." of /sub/deeper names itself.
        int dotDot = editor.ClusterOffset(deeper.FirstCluster) + 32;
        BinaryPrimitives.WriteUInt16LittleEndian(editor.Image.AsSpan(dotDot + 26), (ushort)deeper.FirstCluster);
        BinaryPrimitives.WriteUInt16LittleEndian(editor.Image.AsSpan(dotDot + 20), (ushort)(deeper.FirstCluster >> 16));

        FatVolume volume = editor.Mount();
        var watch = Stopwatch.StartNew();
        Assert.That(volume.Rename("/mover", "/sub/deeper/mover"), Is.EqualTo(StorageError.Corrupt));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void TruncatedDeviceIsRejected()
    {
        FatImageEditor editor = MakeImage(32, 34000);
        byte[] truncated = new byte[editor.Image.Length / 2];
        Array.Copy(editor.Image, truncated, truncated.Length);
        MountBytes(truncated, out StorageError error);
        Assert.That(error, Is.EqualTo(StorageError.Corrupt));
    }

    // Each case damages one field of a valid FAT32 boot sector.
    private static IEnumerable<TestCaseData> BadBootSectors()
    {
        yield return new TestCaseData(new Action<byte[]>(b => b[510] = 0)).SetName("{m}(no signature)");
        yield return new TestCaseData(new Action<byte[]>(b => b[0] = 0)).SetName("{m}(no jump)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt16(b, 11, 0))).SetName("{m}(zero bytes per sector)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt16(b, 11, 300))).SetName("{m}(odd bytes per sector)");
        yield return new TestCaseData(new Action<byte[]>(b => b[13] = 0)).SetName("{m}(zero sectors per cluster)");
        yield return new TestCaseData(new Action<byte[]>(b => b[13] = 3)).SetName("{m}(non power of two cluster)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt16(b, 14, 0))).SetName("{m}(no reserved sectors)");
        yield return new TestCaseData(new Action<byte[]>(b => b[16] = 0)).SetName("{m}(no FAT)");
        yield return new TestCaseData(new Action<byte[]>(b => b[21] = 0x12)).SetName("{m}(bad media)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt32(b, 32, 0))).SetName("{m}(zero total sectors)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt32(b, 32, 0x7FFFFFFF))).SetName("{m}(larger than device)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt32(b, 36, 0))).SetName("{m}(zero FAT size)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt32(b, 36, 1))).SetName("{m}(FAT too small)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt32(b, 36, 0x10000000))).SetName("{m}(FAT larger than volume)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt32(b, 44, 0))).SetName("{m}(root cluster 0)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt32(b, 44, 0x0FFFFFF0))).SetName("{m}(root cluster out of range)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt16(b, 17, 512))).SetName("{m}(root entries on FAT32)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt16(b, 42, 1))).SetName("{m}(unknown version)");
        yield return new TestCaseData(new Action<byte[]>(b => WriteUInt16(b, 48, 0x100))).SetName("{m}(FSInfo outside reserved area)");
        yield return new TestCaseData(new Action<byte[]>(b => Array.Clear(b, 0, 512))).SetName("{m}(all zeros)");
        yield return new TestCaseData(new Action<byte[]>(b => new Random(5).NextBytes(new Span<byte>(b, 0, 512)))).SetName("{m}(random bytes)");
    }

    [TestCaseSource(nameof(BadBootSectors))]
    public void MountRejectsBadBootSector(Action<byte[]> damage)
    {
        string image = CreateImage(32, 34000, "disk.img", "-s", "1");
        byte[] bytes = File.ReadAllBytes(image);
        damage(bytes);
        MountBytes(bytes, out StorageError error);
        Assert.That(error, Is.EqualTo(StorageError.Corrupt));
    }

    [Test]
    public void MountRejectsFat16WithoutRootDirectory()
    {
        string image = CreateImage(16, 2400, "disk.img", "-s", "1");
        byte[] bytes = File.ReadAllBytes(image);
        WriteUInt16(bytes, 17, 0);
        MountBytes(bytes, out StorageError error);
        Assert.That(error, Is.EqualTo(StorageError.Corrupt));
    }

    [Test]
    public void RootClusterMarkedFreeIsRejected()
    {
        FatImageEditor editor = MakeImage(32, 34000);
        editor.SetFatEntry(editor.Boot.RootCluster, 0);
        MountBytes(editor.Image, out StorageError error);
        Assert.That(error, Is.EqualTo(StorageError.Corrupt));
    }

    private static void WriteUInt16(byte[] bytes, int offset, ushort value) =>
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), value);

    private static void WriteUInt32(byte[] bytes, int offset, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);
}
