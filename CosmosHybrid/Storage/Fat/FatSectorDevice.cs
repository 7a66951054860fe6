using System;
using CosmosHybrid.Storage.Cache;

namespace CosmosHybrid.Storage.Fat;

/// <summary>
/// The volume's logical sectors on the underlying block device. A FAT logical sector may
/// span several device sectors (e.g. 4096-byte FAT sectors on a 512-byte disk).
/// </summary>
internal sealed class FatSectorDevice
{
    private readonly IBlockDevice _device;
    private readonly uint _deviceSectorsPerSector;
    private readonly IMemoryBlockRead _memory;   // null when the device has no read from memory

    public FatSectorDevice(IBlockDevice device, int bytesPerSector)
    {
        _device = device;
        BytesPerSector = bytesPerSector;
        _deviceSectorsPerSector = (uint)(bytesPerSector / device.SectorSize);
        _memory = device as IMemoryBlockRead;
    }

    /// <summary>Bytes per logical sector.</summary>
    public int BytesPerSector { get; }

    /// <summary>Reads <c>buffer.Length / BytesPerSector</c> logical sectors starting at <paramref name="sector"/>.</summary>
    public StorageError Read(ulong sector, Span<byte> buffer) =>
        _device.Read(sector * _deviceSectorsPerSector, buffer);

    /// <summary>As <see cref="Read"/>, only when the device holds the sectors in memory now (<see cref="IMemoryBlockRead"/>).</summary>
    public bool TryReadFromMemory(ulong sector, Span<byte> buffer) =>
        _memory != null && _memory.TryReadFromMemory(sector * _deviceSectorsPerSector, buffer);

    /// <summary>
    /// Writes asked of the device so far, failed ones included: every change to the volume
    /// (file data, directory entries, the allocation table) is one or more of them.
    /// </summary>
    public ulong Writes { get; private set; }

    /// <summary>Writes <c>buffer.Length / BytesPerSector</c> logical sectors starting at <paramref name="sector"/>.</summary>
    public StorageError Write(ulong sector, ReadOnlySpan<byte> buffer)
    {
        Writes++;
        return _device.Write(sector * _deviceSectorsPerSector, buffer);
    }

    /// <summary>
    /// A write barrier: what was written so far reaches the device before anything written
    /// after it (a cached device writes its dirty blocks back; others write in order anyway).
    /// </summary>
    public StorageError WriteBack() => _device is BufferCache cache ? cache.WriteBack() : StorageError.Ok;

    /// <summary>Flushes the device's write-back caches.</summary>
    public StorageError Flush() => _device.Flush();
}
