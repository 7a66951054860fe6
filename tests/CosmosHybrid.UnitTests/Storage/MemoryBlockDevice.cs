using System;
using CosmosHybrid.Storage;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// An <see cref="IBlockDevice"/> over a byte array, for corruption and fuzz tests that
/// need many fresh copies of an image. Can be told to fail writes after a number of them.
/// </summary>
internal sealed class MemoryBlockDevice : IBlockDevice
{
    private readonly byte[] _data;

    public MemoryBlockDevice(byte[] data, int sectorSize = 512)
    {
        _data = data;
        SectorSize = sectorSize;
        SectorCount = (ulong)(data.Length / sectorSize);
    }

    public int SectorSize { get; }

    public ulong SectorCount { get; }

    public byte[] Data => _data;

    /// <summary>Writes left before every write fails with IoError; negative: never fail.</summary>
    public int WritesBeforeFailure { get; set; } = -1;

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        if (!IsValidRange(lba, buffer.Length))
        {
            return StorageError.InvalidArgument;
        }

        new ReadOnlySpan<byte>(_data, (int)lba * SectorSize, buffer.Length).CopyTo(buffer);
        return StorageError.Ok;
    }

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        if (!IsValidRange(lba, buffer.Length))
        {
            return StorageError.InvalidArgument;
        }

        if (WritesBeforeFailure == 0)
        {
            return StorageError.IoError;
        }

        if (WritesBeforeFailure > 0)
        {
            WritesBeforeFailure--;
        }

        buffer.CopyTo(new Span<byte>(_data, (int)lba * SectorSize, buffer.Length));
        return StorageError.Ok;
    }

    public StorageError Flush() => StorageError.Ok;

    private bool IsValidRange(ulong lba, int length) =>
        length > 0 && length % SectorSize == 0 && lba <= SectorCount && (ulong)(length / SectorSize) <= SectorCount - lba;
}
