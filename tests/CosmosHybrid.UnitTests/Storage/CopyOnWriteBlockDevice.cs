using System;
using System.Collections.Generic;
using CosmosHybrid.Storage;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// An <see cref="IBlockDevice"/> over a shared, never modified base image: changed sectors
/// live in an overlay. Lets fuzz iterations start from a large image without copying it.
/// </summary>
internal sealed class CopyOnWriteBlockDevice : IBlockDevice
{
    private readonly byte[] _base;
    private readonly Dictionary<ulong, byte[]> _overlay = new Dictionary<ulong, byte[]>();

    public CopyOnWriteBlockDevice(byte[] baseImage, int sectorSize = 512)
    {
        _base = baseImage;
        SectorSize = sectorSize;
        SectorCount = (ulong)(baseImage.Length / sectorSize);
    }

    public int SectorSize { get; }

    public ulong SectorCount { get; }

    /// <summary>Changes one byte of the image (through the overlay).</summary>
    public void SetByte(long offset, byte value) => GetWritableSector((ulong)offset / (ulong)SectorSize)[offset % SectorSize] = value;

    /// <summary>Reads one byte of the image as the device currently shows it.</summary>
    public byte GetByte(long offset)
    {
        ulong sector = (ulong)offset / (ulong)SectorSize;
        return _overlay.TryGetValue(sector, out byte[] data) ? data[offset % SectorSize] : _base[offset];
    }

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        if (!IsValidRange(lba, buffer.Length))
        {
            return StorageError.InvalidArgument;
        }

        for (int i = 0; i < buffer.Length / SectorSize; i++)
        {
            ulong sector = lba + (ulong)i;
            ReadOnlySpan<byte> source = _overlay.TryGetValue(sector, out byte[] data)
                ? data
                : new ReadOnlySpan<byte>(_base, (int)sector * SectorSize, SectorSize);
            source.CopyTo(buffer.Slice(i * SectorSize, SectorSize));
        }

        return StorageError.Ok;
    }

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        if (!IsValidRange(lba, buffer.Length))
        {
            return StorageError.InvalidArgument;
        }

        for (int i = 0; i < buffer.Length / SectorSize; i++)
        {
            buffer.Slice(i * SectorSize, SectorSize).CopyTo(GetWritableSector(lba + (ulong)i));
        }

        return StorageError.Ok;
    }

    public StorageError Flush() => StorageError.Ok;

    private byte[] GetWritableSector(ulong sector)
    {
        if (!_overlay.TryGetValue(sector, out byte[] data))
        {
            data = new byte[SectorSize];
            Array.Copy(_base, (long)sector * SectorSize, data, 0, SectorSize);
            _overlay[sector] = data;
        }

        return data;
    }

    private bool IsValidRange(ulong lba, int length) =>
        length > 0 && length % SectorSize == 0 && lba <= SectorCount && (ulong)(length / SectorSize) <= SectorCount - lba;
}
