using System;
using System.Buffers.Binary;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Fat;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// Damages a FAT image held in memory on purpose: rewrites FAT entries (in every copy) and
/// directory entry fields, the way a failing disk or buggy driver would.
/// </summary>
internal sealed class FatImageEditor
{
    public FatImageEditor(byte[] image)
    {
        Image = image;
        Assert.That(FatBootSector.Parse(image, (ulong)image.Length, out FatBootSector boot), Is.EqualTo(StorageError.Ok));
        Boot = boot;
    }

    public byte[] Image { get; }

    public FatBootSector Boot { get; }

    /// <summary>A fresh volume over the image in its current state.</summary>
    public FatVolume Mount()
    {
        Assert.That(FatVolume.Mount(new MemoryBlockDevice(Image), out FatVolume volume), Is.EqualTo(StorageError.Ok));
        return volume;
    }

    /// <summary>Sets a FAT entry in every copy of the FAT.</summary>
    public void SetFatEntry(uint cluster, uint value)
    {
        for (int copy = 0; copy < Boot.FatCount; copy++)
        {
            int fat = (int)((Boot.FirstFatSector + (ulong)copy * Boot.SectorsPerFat) * (uint)Boot.BytesPerSector);
            switch (Boot.Type)
            {
                case FatType.Fat12:
                    int offset = fat + (int)(cluster + cluster / 2);
                    uint pair = BinaryPrimitives.ReadUInt16LittleEndian(Image.AsSpan(offset));
                    pair = (cluster & 1) != 0
                        ? (pair & 0x000Fu) | (value << 4)
                        : (pair & 0xF000u) | (value & 0x0FFFu);
                    BinaryPrimitives.WriteUInt16LittleEndian(Image.AsSpan(offset), (ushort)pair);
                    break;
                case FatType.Fat16:
                    BinaryPrimitives.WriteUInt16LittleEndian(Image.AsSpan(fat + (int)cluster * 2), (ushort)value);
                    break;
                default:
                    BinaryPrimitives.WriteUInt32LittleEndian(Image.AsSpan(fat + (int)cluster * 4), value);
                    break;
            }
        }
    }

    /// <summary>The clusters of a file's chain, read with the engine from an intact image.</summary>
    public uint[] GetChain(string path)
    {
        FatVolume volume = Mount();
        Assert.That(volume.Stat(path, out FatEntryInfo info), Is.EqualTo(StorageError.Ok));
        Assert.That(volume.Table.MeasureChain(info.FirstCluster, out uint length, out _), Is.EqualTo(StorageError.Ok));
        var chain = new uint[length];
        uint cluster = info.FirstCluster;
        for (int i = 0; i < length; i++)
        {
            chain[i] = cluster;
            Assert.That(volume.Table.GetNext(cluster, out cluster), Is.EqualTo(StorageError.Ok));
        }

        return chain;
    }

    /// <summary>Byte offset in the image of the short directory entry of <paramref name="path"/>.</summary>
    public int GetEntryOffset(string path)
    {
        FatVolume volume = Mount();
        int slash = path.LastIndexOf('/');
        string parent = slash <= 0 ? "/" : path.Substring(0, slash);
        Assert.That(volume.Stat(parent, out FatEntryInfo directory), Is.EqualTo(StorageError.Ok));
        uint cluster = parent == "/" ? volume.Directory.RootCluster : directory.FirstCluster;
        Span<byte> entry = stackalloc byte[32];
        Assert.That(volume.Directory.Find(cluster, path.Substring(slash + 1), entry, out FatEntryLocation location), Is.EqualTo(StorageError.Ok));
        return (int)(location.Sector * (uint)Boot.BytesPerSector) + location.Offset;
    }

    /// <summary>Sets the first-cluster field of a directory entry.</summary>
    public void SetEntryCluster(string path, uint cluster)
    {
        int offset = GetEntryOffset(path);
        BinaryPrimitives.WriteUInt16LittleEndian(Image.AsSpan(offset + 26), (ushort)cluster);
        BinaryPrimitives.WriteUInt16LittleEndian(Image.AsSpan(offset + 20), (ushort)(cluster >> 16));
    }

    /// <summary>Sets the size field of a directory entry.</summary>
    public void SetEntrySize(string path, uint size) =>
        BinaryPrimitives.WriteUInt32LittleEndian(Image.AsSpan(GetEntryOffset(path) + 28), size);

    /// <summary>Byte offset in the image of a data cluster.</summary>
    public int ClusterOffset(uint cluster) => (int)(Boot.GetClusterFirstSector(cluster) * (uint)Boot.BytesPerSector);
}
