using System;

namespace CosmosHybrid.Storage;

/// <summary>
/// A device addressed in fixed-size sectors: a disk, a partition of one, or a RAM disk.
/// </summary>
/// <remarks>
/// Transfers are whole sectors: a buffer's length must be a non-zero multiple of
/// <see cref="SectorSize"/>, and it covers that many consecutive sectors starting at
/// <c>lba</c>. Failures are returned as error codes, never thrown.
/// </remarks>
public interface IBlockDevice
{
    /// <summary>Bytes per sector: a power of two, at least 512.</summary>
    int SectorSize { get; }

    /// <summary>Number of addressable sectors.</summary>
    ulong SectorCount { get; }

    /// <summary>Reads <c>buffer.Length / SectorSize</c> sectors starting at <paramref name="lba"/>.</summary>
    StorageError Read(ulong lba, Span<byte> buffer);

    /// <summary>Writes <c>buffer.Length / SectorSize</c> sectors starting at <paramref name="lba"/>.</summary>
    StorageError Write(ulong lba, ReadOnlySpan<byte> buffer);

    /// <summary>Makes every completed write durable (drains write-back caches).</summary>
    StorageError Flush();
}
