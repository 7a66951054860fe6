using System;

namespace CosmosHybrid.Storage;

/// <summary>
/// A block device that can read sectors it already holds in memory (a RAM disk, a cache's
/// blocks) without waiting for anything: the read-from-memory path of a cached file read.
/// </summary>
public interface IMemoryBlockRead
{
    /// <summary>
    /// Copies <c>buffer.Length / SectorSize</c> sectors from <paramref name="lba"/> when all of them are
    /// in memory now, without waiting and without changing anything but statistics; false otherwise (the
    /// caller then makes an ordinary <see cref="IBlockDevice.Read"/>, which writes the whole buffer: a part
    /// copied before the device found a sector missing is overwritten).
    /// </summary>
    bool TryReadFromMemory(ulong lba, Span<byte> buffer);
}
