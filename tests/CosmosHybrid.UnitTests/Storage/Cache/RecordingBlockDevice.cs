using System;
using System.Collections.Generic;
using CosmosHybrid.Storage;

namespace CosmosHybrid.UnitTests.Storage.Cache;

/// <summary>
/// A block device over a byte array that records every request it receives and can be
/// told to fail reads or writes with <see cref="StorageError.IoError"/>: the cache's view of
/// the device, to check what reaches it and when.
/// </summary>
internal sealed class RecordingBlockDevice : IBlockDevice
{
    public RecordingBlockDevice(int sectors, int sectorSize = 512)
    {
        SectorSize = sectorSize;
        SectorCount = (ulong)sectors;
        Data = new byte[sectors * sectorSize];
        for (int i = 0; i < Data.Length; i++)
        {
            Data[i] = (byte)((i / sectorSize) * 7 + i);
        }
    }

    public int SectorSize { get; }

    public ulong SectorCount { get; }

    /// <summary>The device's contents.</summary>
    public byte[] Data { get; }

    /// <summary>Every request in order: ("read" | "write" | "flush", first sector, sector count).</summary>
    public List<(string Kind, ulong Lba, int Sectors)> Requests { get; } = new();

    public bool FailReads { get; set; }

    /// <summary>A sector whose reads fail (a bad sector): any read that covers it fails; null for none.</summary>
    public ulong? BadSector { get; set; }

    public bool FailWrites { get; set; }

    public int Reads => Count("read");

    public int Writes => Count("write");

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        Requests.Add(("read", lba, buffer.Length / SectorSize));
        StorageError error = CheckRange(lba, buffer.Length);
        bool bad = BadSector is ulong sector && sector >= lba && sector < lba + (ulong)(buffer.Length / SectorSize);
        if (error != StorageError.Ok || FailReads || bad)
        {
            return FailReads || bad ? StorageError.IoError : error;
        }

        new ReadOnlySpan<byte>(Data, (int)lba * SectorSize, buffer.Length).CopyTo(buffer);
        return StorageError.Ok;
    }

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        Requests.Add(("write", lba, buffer.Length / SectorSize));
        StorageError error = CheckRange(lba, buffer.Length);
        if (error != StorageError.Ok || FailWrites)
        {
            return FailWrites ? StorageError.IoError : error;
        }

        buffer.CopyTo(new Span<byte>(Data, (int)lba * SectorSize, buffer.Length));
        return StorageError.Ok;
    }

    public StorageError Flush()
    {
        Requests.Add(("flush", 0, 0));
        return FailWrites ? StorageError.IoError : StorageError.Ok;
    }

    /// <summary>A copy of sectors [lba, lba + count).</summary>
    public byte[] Sectors(int lba, int count) => new ReadOnlySpan<byte>(Data, lba * SectorSize, count * SectorSize).ToArray();

    private int Count(string kind)
    {
        int count = 0;
        foreach (var request in Requests)
        {
            if (request.Kind == kind)
            {
                count++;
            }
        }

        return count;
    }

    private StorageError CheckRange(ulong lba, int length) =>
        length > 0 && length % SectorSize == 0 && lba < SectorCount && (ulong)(length / SectorSize) <= SectorCount - lba
            ? StorageError.Ok
            : StorageError.InvalidArgument;
}
