using System;
using System.IO;

namespace CosmosHybrid.BootTests;

/// <summary>
/// A raw disk image for storage boot tests, made by the test: every sector it fills
/// holds a known pattern (its LBA in the first 8 bytes, then bytes counting up from the
/// LBA), so what the kernel reports reading can be checked, and what it wrote can be
/// told apart from what was there. Large images are sparse: only chosen sectors are filled.
/// The file is deleted on dispose.
/// </summary>
internal sealed class DiskImage : IDisposable
{
    public const int SectorSize = 512;

    private DiskImage(string path, long sectors)
    {
        Path = path;
        Sectors = sectors;
    }

    public string Path { get; }

    public long Sectors { get; }

    /// <summary>An image of <paramref name="sectors"/> sectors, all filled with the pattern.</summary>
    public static DiskImage CreateFilled(string name, long sectors)
    {
        var image = new DiskImage(NewPath(name), sectors);
        using var file = new FileStream(image.Path, FileMode.Create, FileAccess.Write);
        for (long lba = 0; lba < sectors; lba++)
            file.Write(Original(lba));
        return image;
    }

    /// <summary>A sparse image of <paramref name="sectors"/> sectors with only <paramref name="filled"/> holding the pattern (the rest reads as zeros).</summary>
    public static DiskImage CreateSparse(string name, long sectors, params long[] filled)
    {
        var image = new DiskImage(NewPath(name), sectors);
        using var file = new FileStream(image.Path, FileMode.Create, FileAccess.Write);
        file.SetLength(sectors * SectorSize);
        foreach (long lba in filled)
        {
            file.Position = lba * SectorSize;
            file.Write(Original(lba));
        }
        return image;
    }

    /// <summary>The pattern an image sector starts with.</summary>
    public static byte[] Original(long lba)
    {
        var sector = new byte[SectorSize];
        BitConverter.GetBytes(lba).CopyTo(sector, 0);
        for (int i = 8; i < SectorSize; i++)
            sector[i] = (byte)(lba + i);
        return sector;
    }

    /// <summary>What the kernel's disktest writes to sector <paramref name="lba"/> (recomputed here independently).</summary>
    public static byte[] Written(long lba)
    {
        var sector = new byte[SectorSize];
        for (int i = 0; i < SectorSize; i++)
            sector[i] = (byte)(((i * 31) + (int)(lba & 0xFF) + 0x5A) ^ (i >> 8));
        return sector;
    }

    public static byte[] Concat(Func<long, byte[]> sector, long lba, int count)
    {
        var data = new byte[count * SectorSize];
        for (int i = 0; i < count; i++)
            sector(lba + i).CopyTo(data, i * SectorSize);
        return data;
    }

    /// <summary>The kernel's summary of a buffer: "sum=0x%08x bytes=xx xx ..." (FNV-1a and the first 16 bytes).</summary>
    public static string Summary(byte[] data)
    {
        uint hash = 2166136261;
        foreach (byte b in data)
        {
            hash ^= b;
            hash *= 16777619;
        }
        var bytes = new string[16];
        for (int i = 0; i < 16; i++)
            bytes[i] = data[i].ToString("x2");
        return $"sum=0x{hash:x8} bytes={string.Join(' ', bytes)}";
    }

    public byte[] Read(long lba, int count)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read);
        var data = new byte[count * SectorSize];
        file.Position = lba * SectorSize;
        file.ReadExactly(data);
        return data;
    }

    public void Dispose()
    {
        if (File.Exists(Path))
            File.Delete(Path);
    }

    private static string NewPath(string name)
    {
        string directory = System.IO.Path.Combine(BuildOutput.Directory, "test-disks");
        Directory.CreateDirectory(directory);
        return System.IO.Path.Combine(directory, $"{name}-{Guid.NewGuid():N}.img");
    }
}
