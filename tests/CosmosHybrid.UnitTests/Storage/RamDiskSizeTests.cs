using System;
using System.IO;
using System.Linq;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// The RAM disk over a root file system image the build trimmed of its empty tail: it covers the size
/// the boot sector declares, and the volume reads and writes as the whole image would.
/// </summary>
[TestFixture]
public class RamDiskSizeTests : FatTestBase
{
    private const int ImageKiB = 16 * 1024;

    // What build.cake's RootFs task does: drop trailing zero bytes, keep whole 4 KiB pages.
    private static byte[] Trim(byte[] image)
    {
        int used = Array.FindLastIndex(image, b => b != 0) + 1;
        return image.AsSpan(0, Math.Min(image.Length, (used + 4095) / 4096 * 4096)).ToArray();
    }

    private byte[] RootImage()
    {
        string image = CreateImage(16, ImageKiB);
        FatTools.MakeDirectory(image, "/bin");
        FatTools.Put(image, "/bin/program.elf", Pattern(300_000, 7));
        return File.ReadAllBytes(image);
    }

    [Test]
    public void ATrimmedImageGetsTheSizeItsBootSectorDeclares()
    {
        byte[] trimmed = Trim(RootImage());
        Assert.That(trimmed.Length, Is.LessThan(1024 * 1024), "the empty tail is gone");
        Assert.That(RamDiskSize.Bytes(trimmed.AsSpan(0, 512), (ulong)trimmed.Length), Is.EqualTo((ulong)ImageKiB * 1024));
    }

    [Test]
    public void AWholeImageKeepsItsSize()
    {
        byte[] image = RootImage();
        Assert.That(RamDiskSize.Bytes(image.AsSpan(0, 512), (ulong)image.Length), Is.EqualTo((ulong)image.Length));
    }

    [Test]
    public void AnImageThatIsNoFatVolumeKeepsItsSize()
    {
        byte[] data = Pattern(1024 * 1024, 3);
        Assert.That(RamDiskSize.Bytes(data.AsSpan(0, 512), (ulong)data.Length), Is.EqualTo((ulong)data.Length));
    }

    [Test]
    public void ADeclaredSizeAboveTheLimitIsNotBelieved()
    {
        byte[] trimmed = Trim(RootImage());
        BitConverter.GetBytes((ushort)0).CopyTo(trimmed, 19);                            // no 16-bit sector count
        BitConverter.GetBytes((uint)(RamDiskSize.MaxDeclaredBytes / 512 + 1)).CopyTo(trimmed, 32);
        Assert.That(RamDiskSize.Bytes(trimmed.AsSpan(0, 512), (ulong)trimmed.Length), Is.EqualTo((ulong)trimmed.Length));
    }

    [Test]
    public void TheTrimmedVolumeOverAZeroTailReadsAndWritesLikeTheWholeImage()
    {
        byte[] whole = RootImage();
        byte[] trimmed = Trim(whole);
        var disk = new byte[RamDiskSize.Bytes(trimmed.AsSpan(0, 512), (ulong)trimmed.Length)];
        trimmed.CopyTo(disk, 0);
        Assert.That(disk.SequenceEqual(whole), Is.True, "the tail held only zeros");

        Expect(FatVolume.Mount(new MemoryBlockDevice(disk), out FatVolume volume));
        Assert.That(ReadFile(volume, "/bin/program.elf"), Is.EqualTo(Pattern(300_000, 7)));
        WriteFile(volume, "/big.bin", Pattern(4 * 1024 * 1024, 9));   // lands in the tail
        Assert.That(ReadFile(volume, "/big.bin"), Is.EqualTo(Pattern(4 * 1024 * 1024, 9)));
    }
}
