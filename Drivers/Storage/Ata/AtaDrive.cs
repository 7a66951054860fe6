using System;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage.Ata;

/// <summary>
/// An ATA disk on an IDE channel. When the channel has a bus master and the disk a DMA
/// mode, data moves by DMA (READ/WRITE DMA, or the EXT forms): straight into a caller's
/// buffer that lies in the direct map, through the engine's bounce buffer otherwise, one
/// command for up to 8 MiB. Otherwise, and to retry a DMA command that failed, data moves
/// by programmed I/O with polling. Requests use the 28-bit commands when the whole range
/// lies below 2^28 sectors and the command is small (fewer port writes), the 48-bit EXT
/// commands otherwise. Every command finishes before the next starts, so writes reach the
/// disk in the order issued. Every wait has a deadline; a failed or timed-out command
/// returns <see cref="StorageError.IoError"/> (a DMA failure only once PIO failed too), and
/// resets the channel so the next command starts from a known state.
/// </summary>
internal sealed unsafe class AtaDrive : IBlockDevice
{
    /// <summary>Time for one block to be ready, or one DMA command to end: generous, a disk may need to spin up.</summary>
    private const ulong CommandTimeoutMilliseconds = 10000;

    /// <summary>A flush writes out the whole cache, which can take long on a real disk.</summary>
    private const ulong FlushTimeoutMilliseconds = 30000;

    private const ulong IdentifyTimeoutMilliseconds = 2000;

    /// <summary>The most one DMA command moves straight into a caller's buffer with the EXT commands (129 PRD entries at most).</summary>
    private const int MaxDirectDmaBytes = 8 * 1024 * 1024;

    private readonly AtaChannel _channel;
    private readonly int _drive;
    private readonly int _wordsPerSector;

    private AtaDrive(AtaChannel channel, int drive, AtaIdentity identity, byte dmaMode)
    {
        _channel = channel;
        _drive = drive;
        Identity = identity;
        DmaMode = dmaMode;
        _wordsPerSector = identity.LogicalSectorSize / 2;
    }

    public AtaIdentity Identity { get; }

    public AtaChannel Channel => _channel;

    /// <summary>0 for the master, 1 for the slave.</summary>
    public int DriveNumber => _drive;

    /// <summary>The SET FEATURES transfer-mode value of the DMA mode in use; 0 when data moves by PIO.</summary>
    public byte DmaMode { get; }

    public bool UsesDma => DmaMode != 0;

    /// <summary>Data commands that completed by DMA.</summary>
    public ulong DmaCommands { get; private set; }

    /// <summary>Data commands that completed by PIO (all of them without DMA; retries with it).</summary>
    public ulong PioCommands { get; private set; }

    /// <summary>DMA commands that failed or timed out and were retried by PIO.</summary>
    public ulong DmaFallbacks { get; private set; }

    public int SectorSize => Identity.LogicalSectorSize;

    public ulong SectorCount => Identity.SectorCount;

    /// <summary>
    /// Sends IDENTIFY DEVICE to one position of the channel. Returns null when no ATA
    /// disk answers: nothing there, a packet device (CD/DVD: it aborts IDENTIFY and
    /// leaves its signature in LBA mid/high), or a disk without LBA. With a bus master
    /// on the channel, also picks the disk's DMA mode (<see cref="SelectDmaMode"/>).
    /// </summary>
    public static AtaDrive Probe(AtaChannel channel, int drive)
    {
        byte[] block = new byte[AtaIdentity.Size];
        channel.Lock.Acquire();
        bool found = Identify(channel, drive, block);
        AtaIdentity identity = found ? AtaIdentity.Parse(block) : null;
        bool usable = identity != null && identity.SupportsLba && identity.SectorCount != 0;
        byte dmaMode = usable ? SelectDmaMode(channel, drive, identity) : (byte)0;
        channel.Lock.Release();
        return usable ? new AtaDrive(channel, drive, identity, dmaMode) : null;
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

    // One command at a time under the channel lock: a DMA command as large as the buffer allows,
    // retried by PIO when it fails, or PIO commands of up to 256 sectors.
    private StorageError Transfer(ulong lba, ulong sectors, byte* data, bool write)
    {
        ulong bytesPerSector = (ulong)SectorSize;
        while (sectors > 0)
        {
            int count;
            StorageError error;
            _channel.Lock.Acquire();
            if (UsesDma)
            {
                bool direct = IsDmaReachable(data, sectors * bytesPerSector);
                count = DmaCommandSectors(sectors, direct);
                error = TransferDma(lba, count, data, write, direct);
                if (error == StorageError.IoError)
                {
                    // Start over from a reset channel and move the same sectors by PIO: a partly
                    // done DMA write is then written again whole, in order, before anything else.
                    DmaFallbacks++;
                    _channel.Reset();
                    error = TransferPio(lba, count, data, write);
                }
            }
            else
            {
                count = sectors > AtaRegisters.MaxSectorsPerCommand ? AtaRegisters.MaxSectorsPerCommand : (int)sectors;
                error = TransferPio(lba, count, data, write);
            }
            Finish(error);
            if (error != StorageError.Ok)
                return error;
            lba += (ulong)count;
            sectors -= (ulong)count;
            data += (ulong)count * bytesPerSector;
        }
        return StorageError.Ok;
    }

    // Sectors for the next DMA command: one 28-bit command's 256 through the bounce buffer or
    // without LBA48, up to 8 MiB straight into the caller's buffer with the EXT commands.
    private int DmaCommandSectors(ulong sectors, bool direct)
    {
        int limit = direct && Identity.SupportsLba48 ? MaxDirectDmaBytes / SectorSize : AtaBusMaster.BounceBytes / SectorSize;
        if (limit > AtaRegisters.MaxSectorsPerCommand && !Identity.SupportsLba48)
            limit = AtaRegisters.MaxSectorsPerCommand;
        return sectors > (ulong)limit ? limit : (int)sectors;
    }

    // The bus master reaches the direct map (physical memory below 4 GiB) at even addresses.
    private static bool IsDmaReachable(byte* data, ulong bytes) =>
        ((ulong)data & 1) == 0 && AddressSpaceLayout.IsDirectMapped((ulong)data) && AddressSpaceLayout.IsDirectMapped((ulong)data + bytes - 1);

    // One DMA command, with the channel lock held. IoError means "retry by PIO".
    private StorageError TransferDma(ulong lba, int count, byte* data, bool write, bool direct)
    {
        AtaBusMaster engine = _channel.BusMaster;
        int bytes = count * SectorSize;
        bool extended = NeedsExtendedCommand(lba, count);
        if (extended && !Identity.SupportsLba48)
            return StorageError.InvalidArgument;
        if (!direct && write)
            new ReadOnlySpan<byte>(data, bytes).CopyTo(new Span<byte>(engine.Bounce, bytes));
        ulong physical = direct ? AddressSpaceLayout.VirtualToPhysical((ulong)data) : engine.BouncePhysical;
        if (!engine.Prepare(physical, (ulong)bytes, toMemory: !write))
            return StorageError.IoError;

        IoDeadline deadline = IoDeadline.After(CommandTimeoutMilliseconds);
        StorageError error = SelectForCommand(extended ? (byte)0 : (byte)((lba >> 24) & 0x0F), ref deadline);
        if (error != StorageError.Ok)
            return error;
        WriteAddress(lba, count, extended);

        // The device ends a DMA command only with INTRQ: allow it for this command, and keep
        // interrupts off here until the waiting thread sleeps, so the wake-up cannot be missed.
        ulong flags = Cpu.DisableInterruptsSaving();
        _channel.SetDeviceInterrupts(true);
        _channel.WriteRegister(AtaRegisters.Command, write
            ? (extended ? AtaCommand.WriteDmaExt : AtaCommand.WriteDma)
            : (extended ? AtaCommand.ReadDmaExt : AtaCommand.ReadDma));
        engine.Start(toMemory: !write);
        byte status = engine.WaitForInterrupt(ref deadline);
        engine.Stop();
        _channel.SetDeviceInterrupts(false);
        _ = _channel.Status;    // acknowledges INTRQ before interrupts are on again (a level-triggered line would fire on)
        Cpu.RestoreInterrupts(flags);

        if (status == 0 || (status & BusMasterRegisters.StatusError) != 0)
            return StorageError.IoError;    // timed out, or the engine could not move the data
        error = _channel.WaitForCompletion(ref deadline);
        if (error != StorageError.Ok)
            return error;
        if (!direct && !write)
            new ReadOnlySpan<byte>(engine.Bounce, bytes).CopyTo(new Span<byte>(data, bytes));
        DmaCommands++;
        return StorageError.Ok;
    }

    // PIO commands of up to 256 sectors each, with the channel lock held.
    private StorageError TransferPio(ulong lba, int count, byte* data, bool write)
    {
        while (count > 0)
        {
            int chunk = count > AtaRegisters.MaxSectorsPerCommand ? AtaRegisters.MaxSectorsPerCommand : count;
            StorageError error = PioCommand(lba, chunk, (ushort*)data, write);
            if (error != StorageError.Ok)
                return error;
            PioCommands++;
            lba += (ulong)chunk;
            count -= chunk;
            data += chunk * SectorSize;
        }
        return StorageError.Ok;
    }

    // One PIO command of up to 256 sectors.
    private StorageError PioCommand(ulong lba, int count, ushort* words, bool write)
    {
        IoDeadline deadline = IoDeadline.After(CommandTimeoutMilliseconds);
        bool extended = NeedsExtendedCommand(lba, count);
        if (extended && !Identity.SupportsLba48)
            return StorageError.InvalidArgument;

        StorageError error = SelectForCommand(extended ? (byte)0 : (byte)((lba >> 24) & 0x0F), ref deadline);
        if (error != StorageError.Ok)
            return error;
        WriteAddress(lba, count, extended);
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

    // 28-bit commands address below 2^28 and count up to 256 sectors; anything else needs the EXT form.
    private static bool NeedsExtendedCommand(ulong lba, int count) =>
        lba + (ulong)count > AtaCommand.Lba28Limit || count > AtaRegisters.MaxSectorsPerCommand;

    // The sector count and LBA registers (the device register was written at selection).
    private void WriteAddress(ulong lba, int count, bool extended)
    {
        if (extended)
        {
            // 48-bit: each register is a two-deep FIFO; the high-order bytes go in first.
            _channel.WriteRegister(AtaRegisters.SectorCount, (byte)(count >> 8));
            _channel.WriteRegister(AtaRegisters.LbaLow, (byte)(lba >> 24));
            _channel.WriteRegister(AtaRegisters.LbaMid, (byte)(lba >> 32));
            _channel.WriteRegister(AtaRegisters.LbaHigh, (byte)(lba >> 40));
        }
        _channel.WriteRegister(AtaRegisters.SectorCount, (byte)count);   // 256 (or 65536) is written as 0
        _channel.WriteRegister(AtaRegisters.LbaLow, (byte)lba);
        _channel.WriteRegister(AtaRegisters.LbaMid, (byte)(lba >> 8));
        _channel.WriteRegister(AtaRegisters.LbaHigh, (byte)(lba >> 16));
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

    /// <summary>
    /// The DMA mode the disk will use, with the channel lock held: none without a bus master
    /// or a DMA mode; the one already selected (by the firmware); else the fastest it offers,
    /// set with SET FEATURES (0, PIO, when the disk refuses). The controller's own timing
    /// registers are left as the firmware set them.
    /// </summary>
    private static byte SelectDmaMode(AtaChannel channel, int drive, AtaIdentity identity)
    {
        if (channel.BusMaster == null || identity.BestDmaMode == 0)
            return 0;
        if (identity.SelectedDmaMode != 0)
            return identity.SelectedDmaMode;
        byte mode = identity.BestDmaMode;
        IoDeadline deadline = IoDeadline.After(IdentifyTimeoutMilliseconds);
        channel.Select(drive, AtaRegisters.DeviceBase);
        if (channel.WaitWhileBusy(ref deadline) != StorageError.Ok)
            return 0;
        channel.WriteRegister(AtaRegisters.Features, AtaCommand.FeatureSetTransferMode);
        channel.WriteRegister(AtaRegisters.SectorCount, mode);
        channel.WriteRegister(AtaRegisters.Command, AtaCommand.SetFeatures);
        return channel.WaitForCompletion(ref deadline) == StorageError.Ok ? mode : (byte)0;
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
