using System;
using System.IO;
using CosmosHybrid.Storage;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>An <see cref="IBlockDevice"/> over an image file, for host tests.</summary>
internal sealed class FileBlockDevice : IBlockDevice, IDisposable
{
    private readonly FileStream _stream;

    public FileBlockDevice(string path, int sectorSize = 512)
    {
        // Unbuffered, shared: the reference tools read the image while it is mounted here.
        _stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        SectorSize = sectorSize;
        SectorCount = (ulong)(_stream.Length / sectorSize);
    }

    public int SectorSize { get; }

    public ulong SectorCount { get; }

    /// <summary>Number of Write calls, to check that read-only operations do not write.</summary>
    public int WriteCount { get; private set; }

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        if (!IsValidRange(lba, buffer.Length))
        {
            return StorageError.InvalidArgument;
        }

        _stream.Position = (long)lba * SectorSize;
        _stream.ReadExactly(buffer);
        return StorageError.Ok;
    }

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        if (!IsValidRange(lba, buffer.Length))
        {
            return StorageError.InvalidArgument;
        }

        WriteCount++;
        _stream.Position = (long)lba * SectorSize;
        _stream.Write(buffer);
        return StorageError.Ok;
    }

    public StorageError Flush()
    {
        _stream.Flush();
        return StorageError.Ok;
    }

    public void Dispose() => _stream.Dispose();

    private bool IsValidRange(ulong lba, int length) =>
        length > 0 && length % SectorSize == 0 && lba <= SectorCount && (ulong)(length / SectorSize) <= SectorCount - lba;
}
