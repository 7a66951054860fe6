using System;
using CosmosHybrid.Memory;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage;

/// <summary>
/// A disk held in RAM: the physical memory of a GRUB boot module (the root
/// filesystem image), reached through the direct map. It is 512-byte sectors over
/// the module's bytes, read-write; writes last until power-off. This lets a USB stick
/// boot the whole system, root filesystem included, without a USB driver.
/// </summary>
internal sealed unsafe class RamDisk : IBlockDevice
{
    public const int BytesPerSector = 512;

    private readonly byte* _data;
    private readonly ulong _sectors;

    /// <summary>Covers the whole sectors of [<paramref name="physicalStart"/>, +<paramref name="length"/>); a partial last sector is left out.</summary>
    public RamDisk(ulong physicalStart, ulong length)
    {
        _data = (byte*)AddressSpaceLayout.PhysicalToVirtual(physicalStart);
        _sectors = length / BytesPerSector;
    }

    public int SectorSize => BytesPerSector;

    public ulong SectorCount => _sectors;

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        StorageError error = BlockRequest.Validate(lba, buffer.Length, BytesPerSector, _sectors, out _);
        if (error != StorageError.Ok)
            return error;
        new ReadOnlySpan<byte>(_data + lba * BytesPerSector, buffer.Length).CopyTo(buffer);
        return StorageError.Ok;
    }

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        StorageError error = BlockRequest.Validate(lba, buffer.Length, BytesPerSector, _sectors, out _);
        if (error != StorageError.Ok)
            return error;
        buffer.CopyTo(new Span<byte>(_data + lba * BytesPerSector, buffer.Length));
        return StorageError.Ok;
    }

    /// <summary>Nothing to drain: the data is already where it lives.</summary>
    public StorageError Flush() => StorageError.Ok;
}
