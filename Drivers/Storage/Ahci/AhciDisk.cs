using System;
using CosmosHybrid.Memory;
using CosmosHybrid.Storage;

namespace CosmosHybrid.Drivers.Storage.Ahci;

/// <summary>
/// An ATA disk behind an AHCI port, moved by DMA: READ/WRITE DMA EXT and FLUSH CACHE
/// EXT. A caller's buffer that lies in the direct map (the kernel heap, kernel pages)
/// is physically contiguous there, so the HBA transfers straight into it; any other
/// buffer (a kernel stack, an odd address) goes through the port's bounce buffer.
/// </summary>
internal sealed unsafe class AhciDisk : IBlockDevice
{
    /// <summary>Sectors per command when DMA goes straight to the caller's buffer: 8 MiB, two PRDs.</summary>
    private const int MaxDirectBytes = 8 * 1024 * 1024;

    private readonly AhciPort _port;

    private AhciDisk(AhciPort port, AtaIdentity identity)
    {
        _port = port;
        Identity = identity;
    }

    public AtaIdentity Identity { get; }

    public AhciPort Port => _port;

    public int SectorSize => Identity.LogicalSectorSize;

    public ulong SectorCount => Identity.SectorCount;

    /// <summary>Starts the port and identifies its device; null if it is not a usable ATA disk.</summary>
    public static AhciDisk Open(AhciPort port)
    {
        if (!port.Start())
            return null;
        port.Lock.Acquire();
        StorageError error = port.Execute(AtaCommand.IdentifyDevice, 0, 0, 0, port.BouncePhysical, AtaIdentity.Size, write: false);
        AtaIdentity identity = error == StorageError.Ok ? AtaIdentity.Parse(new ReadOnlySpan<byte>(port.Bounce, AtaIdentity.Size)) : null;
        port.Lock.Release();
        // DMA EXT commands need 48-bit addressing; every SATA disk has it.
        if (identity == null || !identity.SupportsLba48 || identity.SectorCount == 0)
            return null;
        return new AhciDisk(port, identity);
    }

    public StorageError Read(ulong lba, Span<byte> buffer)
    {
        StorageError error = BlockRequest.Validate(lba, buffer.Length, SectorSize, SectorCount, out _);
        if (error != StorageError.Ok)
            return error;
        fixed (byte* data = buffer)
            return Transfer(lba, data, buffer.Length, write: false);
    }

    public StorageError Write(ulong lba, ReadOnlySpan<byte> buffer)
    {
        StorageError error = BlockRequest.Validate(lba, buffer.Length, SectorSize, SectorCount, out _);
        if (error != StorageError.Ok)
            return error;
        fixed (byte* data = buffer)
            return Transfer(lba, data, buffer.Length, write: true);
    }

    public StorageError Flush()
    {
        _port.Lock.Acquire();
        StorageError error = _port.Execute(AtaCommand.FlushCacheExt, 0, 0, AtaCommand.DeviceLba, 0, 0, write: false);
        _port.Lock.Release();
        return error;
    }

    private StorageError Transfer(ulong lba, byte* data, int length, bool write)
    {
        bool direct = AddressSpaceLayout.IsDirectMapped((ulong)data)
            && AddressSpaceLayout.IsDirectMapped((ulong)data + (ulong)length - 1)
            && ((ulong)data & 1) == 0;
        int chunkLimit = direct ? MaxDirectBytes : AhciPort.BounceBytes;
        int sectorSize = SectorSize;
        _port.Lock.Acquire();
        StorageError error = StorageError.Ok;
        while (length > 0 && error == StorageError.Ok)
        {
            int bytes = length > chunkLimit ? chunkLimit - chunkLimit % sectorSize : length;
            ushort sectors = (ushort)(bytes / sectorSize);
            byte command = write ? AtaCommand.WriteDmaExt : AtaCommand.ReadDmaExt;
            if (direct)
            {
                error = _port.Execute(command, lba, sectors, AtaCommand.DeviceLba,
                    AddressSpaceLayout.VirtualToPhysical((ulong)data), (ulong)bytes, write);
            }
            else
            {
                if (write)
                    new ReadOnlySpan<byte>(data, bytes).CopyTo(new Span<byte>(_port.Bounce, bytes));
                error = _port.Execute(command, lba, sectors, AtaCommand.DeviceLba, _port.BouncePhysical, (ulong)bytes, write);
                if (!write && error == StorageError.Ok)
                    new ReadOnlySpan<byte>(_port.Bounce, bytes).CopyTo(new Span<byte>(data, bytes));
            }
            lba += sectors;
            data += bytes;
            length -= bytes;
        }
        _port.Lock.Release();
        return error;
    }
}
