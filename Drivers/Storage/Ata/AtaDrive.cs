using System;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage.Ata;

/// <summary>
/// An ATA disk on an IDE channel, driven by programmed I/O with polling. Requests use
/// the 28-bit commands when the whole range lies below 2^28 sectors (fewer port
/// writes) and the 48-bit EXT commands above. Every wait has a deadline; a failed or
/// timed-out command returns <see cref="StorageError.IoError"/>, and a time-out also
/// resets the channel so the next command starts from a known state.
/// </summary>
internal sealed unsafe class AtaDrive : IBlockDevice
{
    /// <summary>Time for one block to be ready: generous, a disk may need to spin up.</summary>
    private const ulong CommandTimeoutMilliseconds = 10000;

    /// <summary>A flush writes out the whole cache, which can take long on a real disk.</summary>
    private const ulong FlushTimeoutMilliseconds = 30000;

    private const ulong IdentifyTimeoutMilliseconds = 2000;

    private readonly AtaChannel _channel;
    private readonly int _drive;
    private readonly int _wordsPerSector;

    private AtaDrive(AtaChannel channel, int drive, AtaIdentity identity)
    {
        _channel = channel;
        _drive = drive;
        Identity = identity;
        _wordsPerSector = identity.LogicalSectorSize / 2;
    }

    public AtaIdentity Identity { get; }

    public AtaChannel Channel => _channel;

    /// <summary>0 for the master, 1 for the slave.</summary>
    public int DriveNumber => _drive;

    public int SectorSize => Identity.LogicalSectorSize;

    public ulong SectorCount => Identity.SectorCount;

    /// <summary>
    /// Sends IDENTIFY DEVICE to one position of the channel. Returns null when no ATA
    /// disk answers: nothing there, a packet device (CD/DVD: it aborts IDENTIFY and
    /// leaves its signature in LBA mid/high), or a disk without LBA.
    /// </summary>
    public static AtaDrive Probe(AtaChannel channel, int drive)
    {
        byte[] block = new byte[AtaIdentity.Size];
        channel.Lock.Acquire();
        bool found = Identify(channel, drive, block);
        channel.Lock.Release();
        if (!found)
            return null;
        AtaIdentity identity = AtaIdentity.Parse(block);
        if (identity == null || !identity.SupportsLba || identity.SectorCount == 0)
            return null;
        return new AtaDrive(channel, drive, identity);
    }

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        StorageError error = BlockRequest.Validate(lba, buffer.Length, SectorSize, SectorCount, out ulong sectors);
        if (error != StorageError.Ok)
            return error;
        fixed (byte* data = buffer)
            return Transfer(lba, sectors, data, write: false);
    }

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        StorageError error = BlockRequest.Validate(lba, buffer.Length, SectorSize, SectorCount, out ulong sectors);
        if (error != StorageError.Ok)
            return error;
        fixed (byte* data = buffer)
            return Transfer(lba, sectors, data, write: true);
    }

    public StorageError Flush()
    {
        _channel.Lock.Acquire();
        IoDeadline deadline = IoDeadline.After(CommandTimeoutMilliseconds);
        StorageError error = SelectForCommand(0, ref deadline);
        if (error == StorageError.Ok)
        {
            _channel.WriteRegister(AtaRegisters.Command, Identity.SupportsLba48 ? AtaCommand.FlushCacheExt : AtaCommand.FlushCache);
            IoDeadline flushDeadline = IoDeadline.After(FlushTimeoutMilliseconds);
            error = _channel.WaitForCompletion(ref flushDeadline);
        }
        Finish(error);
        return error;
    }

    private StorageError Transfer(ulong lba, ulong sectors, byte* data, bool write)
    {
        ulong bytesPerSector = (ulong)SectorSize;
        while (sectors > 0)
        {
            int count = sectors > AtaRegisters.MaxSectorsPerCommand ? AtaRegisters.MaxSectorsPerCommand : (int)sectors;
            _channel.Lock.Acquire();
            StorageError error = TransferChunk(lba, count, (ushort*)data, write);
            Finish(error);
            if (error != StorageError.Ok)
                return error;
            lba += (ulong)count;
            sectors -= (ulong)count;
            data += (ulong)count * bytesPerSector;
        }
        return StorageError.Ok;
    }

    // One command of up to 256 sectors, with the channel lock held.
    private StorageError TransferChunk(ulong lba, int count, ushort* words, bool write)
    {
        IoDeadline deadline = IoDeadline.After(CommandTimeoutMilliseconds);
        bool extended = lba + (ulong)count > AtaCommand.Lba28Limit;
        if (extended && !Identity.SupportsLba48)
            return StorageError.InvalidArgument;

        StorageError error = SelectForCommand(extended ? (byte)0 : (byte)((lba >> 24) & 0x0F), ref deadline);
        if (error != StorageError.Ok)
            return error;

        if (extended)
        {
            // 48-bit: each register is a two-deep FIFO; the high-order bytes go in first.
            _channel.WriteRegister(AtaRegisters.SectorCount, (byte)(count >> 8));
            _channel.WriteRegister(AtaRegisters.LbaLow, (byte)(lba >> 24));
            _channel.WriteRegister(AtaRegisters.LbaMid, (byte)(lba >> 32));
            _channel.WriteRegister(AtaRegisters.LbaHigh, (byte)(lba >> 40));
        }
        _channel.WriteRegister(AtaRegisters.SectorCount, (byte)count);   // 256 is written as 0
        _channel.WriteRegister(AtaRegisters.LbaLow, (byte)lba);
        _channel.WriteRegister(AtaRegisters.LbaMid, (byte)(lba >> 8));
        _channel.WriteRegister(AtaRegisters.LbaHigh, (byte)(lba >> 16));
        _channel.WriteRegister(AtaRegisters.Command, write
            ? (extended ? AtaCommand.WriteSectorsExt : AtaCommand.WriteSectors)
            : (extended ? AtaCommand.ReadSectorsExt : AtaCommand.ReadSectors));

        for (int sector = 0; sector < count; sector++)
        {
            error = _channel.WaitForData(ref deadline);
            if (error != StorageError.Ok)
                return error;
            if (write)
                _channel.WriteData(words, _wordsPerSector);
            else
                _channel.ReadData(words, _wordsPerSector);
            words += _wordsPerSector;
        }
        return _channel.WaitForCompletion(ref deadline);
    }

    // Device-selection protocol: wait for the channel to be idle, select our device with
    // the LBA bit (and LBA bits 27:24 for a 28-bit command), and wait until it is idle too.
    private StorageError SelectForCommand(byte lbaHighNibble, ref IoDeadline deadline)
    {
        if (_channel.WaitWhileBusy(ref deadline) != StorageError.Ok)
            return StorageError.IoError;
        _channel.Select(_drive, (byte)(AtaRegisters.DeviceBase | AtaCommand.DeviceLba | lbaHighNibble));
        if (_channel.WaitWhileBusy(ref deadline) != StorageError.Ok)
            return StorageError.IoError;
        if ((_channel.AlternateStatus & AtaStatus.DataRequest) != 0)
            return StorageError.IoError;   // a previous command left data behind
        return StorageError.Ok;
    }

    // Releases the channel; after a failure, resets it so a stuck device cannot block the next command.
    private void Finish(StorageError error)
    {
        if (error == StorageError.IoError)
            _channel.Reset();
        _channel.Lock.Release();
    }

    private static bool Identify(AtaChannel channel, int drive, byte[] block)
    {
        IoDeadline deadline = IoDeadline.After(IdentifyTimeoutMilliseconds);
        channel.Select(drive, AtaRegisters.DeviceBase);
        if (channel.WaitWhileBusy(ref deadline) != StorageError.Ok)
            return false;
        channel.WriteRegister(AtaRegisters.SectorCount, 0);
        channel.WriteRegister(AtaRegisters.LbaLow, 0);
        channel.WriteRegister(AtaRegisters.LbaMid, 0);
        channel.WriteRegister(AtaRegisters.LbaHigh, 0);
        channel.WriteRegister(AtaRegisters.Command, AtaCommand.IdentifyDevice);
        channel.Settle();
        if (channel.Status == 0)
            return false;     // no device at this position
        if (channel.WaitWhileBusy(ref deadline) != StorageError.Ok)
            return false;
        if (channel.ReadRegister(AtaRegisters.LbaMid) != 0 || channel.ReadRegister(AtaRegisters.LbaHigh) != 0)
            return false;     // a packet device or a SATA bridge signature: not an ATA disk
        if (channel.WaitForData(ref deadline) != StorageError.Ok)
            return false;
        fixed (byte* data = block)
            channel.ReadData((ushort*)data, AtaIdentity.Size / 2);
        return channel.WaitForCompletion(ref deadline) == StorageError.Ok;
    }
}
