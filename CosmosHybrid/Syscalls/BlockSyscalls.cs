using System;
using CosmosHybrid.Handles;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;
using CosmosHybrid.Security;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Kernel;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// Block-device handles for a ring-3 file server (144-148): a disk the kernel set aside for
/// a mount point, opened with an authority holding Devices, then read and written in sector
/// ranges between the disk driver and the caller's pages (through the disk's kernel transfer
/// buffer), flushed, described. Every range is checked against the disk's size. The transfers
/// hold the disk's own lock, not the file-system lock: a forwarded file operation holds that
/// while it waits for the server, which meanwhile reads and writes here (the drivers lock
/// their controllers themselves).
/// </summary>
internal static unsafe class BlockSyscalls
{
    /// <summary>The most bytes one BlockRead or BlockWrite moves (the caller loops for more).</summary>
    private const int TransferBytes = 64 * 1024;

    /// <summary>BlockOpen(authority, mountPoint, length) → a block-device handle.</summary>
    internal static long BlockOpen(SyscallFrame* frame, Process process)
    {
        SyscallError error = UserMemory.ReadString(process, frame->Arg1, (long)frame->Arg2, 256, out string mountPoint);
        if (error != SyscallError.None)
            return Error(error);
        using (KernelFileSystem.Lock())
        {
            if (Authority.Require(process.Handles, (long)frame->Arg0, HandleRights.Devices) != SyscallError.None)
                return Error(SyscallError.Denied);
            RingThreeDisk disk = RingThreeDisks.Find(mountPoint);
            if (disk == null)
                return Error(SyscallError.NotFound);
            if (disk.References > 0)
                return Error(SyscallError.Busy);
            long handle = process.Handles.Add(disk, HandleRights.Transfer);
            return handle == 0 ? Error(SyscallError.TooManyHandles) : handle;
        }
    }

    /// <summary>BlockGeometry(block, BlockGeometry* geometry).</summary>
    internal static long BlockGeometry(SyscallFrame* frame, Process process)
    {
        SyscallError error = Lookup(process, (long)frame->Arg0, out RingThreeDisk disk);
        if (error != SyscallError.None)
            return Error(error);
        IBlockDevice device = disk.Disk.Device;
        var geometry = new BlockGeometry
        {
            SectorSize = device.SectorSize,
            SectorCount = (long)device.SectorCount,
            MaxSectorsPerCall = TransferBytes / device.SectorSize,
        };
        UserMemory.EncodeInto(disk.Disk.Name, geometry.Name, Services.Abi.BlockGeometry.NameCapacity - 1);
        return UserMemory.WriteRecord(process, frame->Arg1, geometry) ? 0 : Error(SyscallError.BadAddress);
    }

    /// <summary>BlockRead(block, lba, buffer, sectors) → sectors read.</summary>
    internal static long BlockRead(SyscallFrame* frame, Process process) => Transfer(frame, process, write: false);

    /// <summary>BlockWrite(block, lba, buffer, sectors) → sectors written.</summary>
    internal static long BlockWrite(SyscallFrame* frame, Process process) => Transfer(frame, process, write: true);

    /// <summary>BlockFlush(block).</summary>
    internal static long BlockFlush(SyscallFrame* frame, Process process)
    {
        SyscallError error = Lookup(process, (long)frame->Arg0, out RingThreeDisk disk);
        if (error != SyscallError.None)
            return Error(error);
        using (disk.Lock.Hold())
            return Result(disk.Disk.Device.Flush());
    }

    private static long Transfer(SyscallFrame* frame, Process process, bool write)
    {
        SyscallError error = Lookup(process, (long)frame->Arg0, out RingThreeDisk disk);
        if (error != SyscallError.None)
            return Error(error);
        IBlockDevice device = disk.Disk.Device;
        ulong lba = frame->Arg1;
        ulong buffer = frame->Arg2;
        long sectors = (long)frame->Arg3;
        int sectorSize = device.SectorSize;
        if (sectors <= 0 || sectors > TransferBytes / sectorSize)
            return Error(SyscallError.InvalidArgument);
        if (lba >= device.SectorCount || (ulong)sectors > device.SectorCount - lba)
            return Error(SyscallError.InvalidArgument);
        int bytes = (int)sectors * sectorSize;
        using (disk.Lock.Hold())
        {
            // A killed server's thread still finishes a call it was in (kills wait for the lock),
            // and init may have started the next server meanwhile: what the dead one had not
            // begun must not reach the disk after its successor's writes.
            if (!process.IsAlive)
                return Error(SyscallError.IoError);
            disk.Transfer ??= new byte[TransferBytes];
            fixed (byte* transfer = disk.Transfer)
            {
                if (write)
                {
                    if (!UserMemory.Read(process, transfer, buffer, bytes))
                        return Error(SyscallError.BadAddress);
                    StorageError written = device.Write(lba, new ReadOnlySpan<byte>(transfer, bytes));
                    return written == StorageError.Ok ? sectors : Result(written);
                }
                StorageError read = device.Read(lba, new Span<byte>(transfer, bytes));
                if (read != StorageError.Ok)
                    return Result(read);
                return UserMemory.Write(process, buffer, transfer, bytes) ? sectors : Error(SyscallError.BadAddress);
            }
        }
    }

    private static SyscallError Lookup(Process process, long handle, out RingThreeDisk disk)
    {
        disk = null;
        KernelObject target;
        SyscallError error;
        using (InterruptsOff.Enter())
            error = process.Handles.Lookup(handle, HandleRights.None, out target, out _);
        if (error != SyscallError.None)
            return error;
        disk = target as RingThreeDisk;
        return disk == null ? SyscallError.WrongKind : SyscallError.None;
    }

    private static long Result(StorageError error) =>
        error == StorageError.Ok ? 0 : Error(FileSyscalls.ToSyscallError(error));
}
