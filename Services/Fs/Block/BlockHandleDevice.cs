using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Services.Fs.Block;

/// <summary>
/// The kernel's disk behind a block-device handle, as the <see cref="IBlockDevice"/> the FAT
/// engine and the buffer cache are written against: each transfer is one or more BlockRead/
/// BlockWrite calls of at most the kernel's largest range, straight into the caller's buffer.
/// </summary>
internal sealed unsafe class BlockHandleDevice : IBlockDevice
{
    private readonly long _handle;
    private readonly int _maxSectorsPerCall;

    private BlockHandleDevice(long handle, BlockGeometry geometry)
    {
        _handle = handle;
        SectorSize = (int)geometry.SectorSize;
        SectorCount = (ulong)geometry.SectorCount;
        _maxSectorsPerCall = (int)geometry.MaxSectorsPerCall;
        Name = NameOf(geometry);
    }

    /// <summary>The device behind <paramref name="handle"/>, or null when it names no block device.</summary>
    public static BlockHandleDevice Open(long handle)
    {
        if (BlockCalls.Geometry(handle, out BlockGeometry geometry) < 0)
            return null;
        if (geometry.SectorSize < 512 || geometry.MaxSectorsPerCall <= 0 || geometry.SectorCount <= 0)
            return null;
        return new BlockHandleDevice(handle, geometry);
    }

    /// <summary>The kernel's name of the disk ("ata1").</summary>
    public string Name { get; }

    public int SectorSize { get; }

    public ulong SectorCount { get; }

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        if (!IsWholeSectors(buffer.Length))
            return StorageError.InvalidArgument;
        fixed (byte* start = buffer)
            return Transfer(lba, start, buffer.Length / SectorSize, write: false);
    }

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        if (!IsWholeSectors(buffer.Length))
            return StorageError.InvalidArgument;
        fixed (byte* start = buffer)
            return Transfer(lba, start, buffer.Length / SectorSize, write: true);
    }

    public StorageError Flush() => BlockCalls.Flush(_handle) < 0 ? StorageError.IoError : StorageError.Ok;

    private StorageError Transfer(ulong lba, byte* buffer, int sectors, bool write)
    {
        while (sectors > 0)
        {
            int count = sectors < _maxSectorsPerCall ? sectors : _maxSectorsPerCall;
            long done = write ? BlockCalls.Write(_handle, lba, buffer, count) : BlockCalls.Read(_handle, lba, buffer, count);
            if (done != count)
                return done == -(long)SyscallError.InvalidArgument ? StorageError.InvalidArgument : StorageError.IoError;
            lba += (ulong)count;
            buffer += count * SectorSize;
            sectors -= count;
        }
        return StorageError.Ok;
    }

    private bool IsWholeSectors(int length) => length > 0 && length % SectorSize == 0;

    private static string NameOf(BlockGeometry geometry)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < BlockGeometry.NameCapacity && geometry.Name[i] != 0; i++)
            text.Append((char)geometry.Name[i]);
        return text.ToString();
    }
}
