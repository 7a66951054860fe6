using System;

namespace CosmosHybrid.Storage.Partitions;

/// <summary>A window of consecutive sectors of another block device: a partition seen as a disk.</summary>
public sealed class PartitionDevice : IBlockDevice, IMemoryBlockRead
{
    private readonly IBlockDevice _disk;
    private readonly ulong _first;

    /// <summary>Sectors [<paramref name="firstSector"/>, +<paramref name="sectorCount"/>) of <paramref name="disk"/> (clipped to the disk).</summary>
    public PartitionDevice(IBlockDevice disk, ulong firstSector, ulong sectorCount)
    {
        _disk = disk;
        _first = firstSector;
        ulong available = firstSector < disk.SectorCount ? disk.SectorCount - firstSector : 0;
        SectorCount = Math.Min(sectorCount, available);
    }

    /// <inheritdoc/>
    public int SectorSize => _disk.SectorSize;

    /// <inheritdoc/>
    public ulong SectorCount { get; }

    /// <inheritdoc/>
    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        StorageError error = Check(lba, buffer.Length);
        return error != StorageError.Ok ? error : _disk.Read(_first + lba, buffer);
    }

    /// <inheritdoc/>
    public bool TryReadFromMemory(ulong lba, Span<byte> buffer) =>
        Check(lba, buffer.Length) == StorageError.Ok && _disk is IMemoryBlockRead memory && memory.TryReadFromMemory(_first + lba, buffer);

    /// <inheritdoc/>
    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        StorageError error = Check(lba, buffer.Length);
        return error != StorageError.Ok ? error : _disk.Write(_first + lba, buffer);
    }

    /// <inheritdoc/>
    public StorageError Flush() => _disk.Flush();

    private StorageError Check(ulong lba, int length)
    {
        int sectorSize = _disk.SectorSize;
        if (length <= 0 || length % sectorSize != 0)
        {
            return StorageError.InvalidArgument;
        }

        ulong count = (ulong)(length / sectorSize);
        return lba >= SectorCount || count > SectorCount - lba ? StorageError.InvalidArgument : StorageError.Ok;
    }
}
