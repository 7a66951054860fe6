using System;
using System.Collections.Generic;
using CosmosHybrid.Storage;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// A block device over a byte array that logs every sector it writes, in order: replaying a
/// prefix of the log onto an earlier copy of the array gives the disk as a power cut at that
/// point would leave it (a multi-sector request may be cut between its sectors, as QEMU's IDE
/// writes them one after another).
/// </summary>
internal sealed class SectorWriteLog : IBlockDevice
{
    private readonly byte[] _data;

    public SectorWriteLog(byte[] data, int sectorSize = 512)
    {
        _data = data;
        SectorSize = sectorSize;
        SectorCount = (ulong)(data.Length / sectorSize);
    }

    public int SectorSize { get; }

    public ulong SectorCount { get; }

    /// <summary>Every sector written since the last <see cref="Clear"/>: its number and new contents.</summary>
    public List<(ulong Lba, byte[] Bytes)> Writes { get; } = new();

    /// <summary>The device's contents now.</summary>
    public byte[] Snapshot() => (byte[])_data.Clone();

    public void Clear() => Writes.Clear();

    /// <summary>The disk as it would be had the power gone after the first <paramref name="sectors"/> logged writes.</summary>
    public static byte[] CutAfter(byte[] before, List<(ulong Lba, byte[] Bytes)> writes, int sectors, int sectorSize = 512)
    {
        byte[] disk = (byte[])before.Clone();
        for (int i = 0; i < sectors; i++)
        {
            writes[i].Bytes.CopyTo(disk, (int)writes[i].Lba * sectorSize);
        }

        return disk;
    }

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        if (!InRange(lba, buffer.Length))
        {
            return StorageError.InvalidArgument;
        }

        new ReadOnlySpan<byte>(_data, (int)lba * SectorSize, buffer.Length).CopyTo(buffer);
        return StorageError.Ok;
    }

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        if (!InRange(lba, buffer.Length))
        {
            return StorageError.InvalidArgument;
        }

        for (int i = 0; i < buffer.Length / SectorSize; i++)
        {
            ReadOnlySpan<byte> sector = buffer.Slice(i * SectorSize, SectorSize);
            Writes.Add((lba + (ulong)i, sector.ToArray()));
            sector.CopyTo(new Span<byte>(_data, (int)(lba + (ulong)i) * SectorSize, SectorSize));
        }

        return StorageError.Ok;
    }

    public StorageError Flush() => StorageError.Ok;

    private bool InRange(ulong lba, int length) =>
        length > 0 && length % SectorSize == 0 && lba < SectorCount && (ulong)(length / SectorSize) <= SectorCount - lba;
}
