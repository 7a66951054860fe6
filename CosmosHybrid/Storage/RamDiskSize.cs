using System;
using CosmosHybrid.Storage.Fat;

namespace CosmosHybrid.Storage;

/// <summary>
/// How big the RAM disk over a root file system module is. The build trims the image's trailing
/// empty sectors, so GRUB reads only the used part; the volume's boot sector still declares the full
/// size, and the RAM disk covers that, the missing tail reading as zeros.
/// </summary>
public static class RamDiskSize
{
    /// <summary>The largest volume a trimmed image may declare (its tail is memory taken on first write).</summary>
    public const ulong MaxDeclaredBytes = 1UL << 30;

    /// <summary>
    /// Bytes of the disk over an image of <paramref name="imageBytes"/> bytes that begins with
    /// <paramref name="firstSector"/>: the size a FAT boot sector declares when that is larger (up to
    /// <see cref="MaxDeclaredBytes"/>), else the image's own size.
    /// </summary>
    public static ulong Bytes(ReadOnlySpan<byte> firstSector, ulong imageBytes)
    {
        if (FatBootSector.Parse(firstSector, ulong.MaxValue, out FatBootSector bootSector) != StorageError.Ok)
            return imageBytes;
        ulong declared = (ulong)bootSector.TotalSectors * (uint)bootSector.BytesPerSector;
        return declared > imageBytes && declared <= MaxDeclaredBytes ? declared : imageBytes;
    }
}
