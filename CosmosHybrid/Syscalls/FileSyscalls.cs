using System;
using CosmosHybrid.Abi;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory;
using CosmosHybrid.Processes;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Cache;
using CosmosHybrid.Storage.Kernel;
using CosmosHybrid.Storage.Vfs;
using static CosmosHybrid.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// The file system calls (numbers 64 and up): argument checks and copies across the
/// user/kernel boundary around the <see cref="VirtualFileSystem"/>. Paths and records are
/// copied with the address space's checked copies, so a bad pointer gives BadAddress;
/// file data goes through one kernel transfer buffer, used under the file-system lock.
/// </summary>
internal static unsafe class FileSyscalls
{
    /// <summary>The first and last file system call numbers.</summary>
    public const long FirstCall = (long)SyscallNumber.FileOpen;
    public const long LastCall = (long)SyscallNumber.FileReadAt;

    private const int TransferBytes = 64 * 1024;
    private const int MaxPath = VfsPath.MaxLength;

    private static readonly byte[] s_transfer = new byte[TransferBytes];

    public static bool Handles(long number) => number >= FirstCall && number <= LastCall;

    public static long Run(SyscallFrame* frame, Process process)
    {
        switch ((SyscallNumber)frame->NumberAndResult)
        {
            case SyscallNumber.FileOpen:
                return Open(process, frame->Arg0, (long)frame->Arg1, (long)frame->Arg2);
            case SyscallNumber.FileRead:
                return Read(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2, -1);
            case SyscallNumber.FileReadAt:
                return (long)frame->Arg3 < 0 ? Error(SyscallError.InvalidArgument) : Read(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2, (long)frame->Arg3);
            case SyscallNumber.FileWrite:
                return Write(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2);
            case SyscallNumber.FileSeek:
                return Seek(process, (long)frame->Arg0, (long)frame->Arg1, (long)frame->Arg2);
            case SyscallNumber.FileClose:
                return Close(process, (long)frame->Arg0);
            case SyscallNumber.FileStat:
                return Stat(process, frame->Arg0, (long)frame->Arg1, frame->Arg2);
            case SyscallNumber.DirectoryRead:
                return ReadDirectory(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2);
            case SyscallNumber.DirectoryCreate:
            case SyscallNumber.Unlink:
            case SyscallNumber.ChangeDirectory:
                return PathOperation(process, (SyscallNumber)frame->NumberAndResult, frame->Arg0, (long)frame->Arg1);
            case SyscallNumber.Rename:
                return Rename(process, frame->Arg0, (long)frame->Arg1, frame->Arg2, (long)frame->Arg3);
            case SyscallNumber.Sync:
                return Result(KernelFileSystem.SyncAll());
            case SyscallNumber.GetWorkingDirectory:
                return GetWorkingDirectory(process, frame->Arg0, (long)frame->Arg1);
            case SyscallNumber.ListMounts:
                return ListMounts(process, frame->Arg0, (long)frame->Arg1);
            case SyscallNumber.FileSetLength:
                return SetLength(process, (long)frame->Arg0, (long)frame->Arg1);
            default:
                return Error(SyscallError.NoSuchCall);
        }
    }

    /// <summary>The system-call error for a storage error.</summary>
    public static SyscallError ToSyscallError(StorageError error) => error switch
    {
        StorageError.Ok => SyscallError.None,
        StorageError.NotFound => SyscallError.NotFound,
        StorageError.Exists => SyscallError.Exists,
        StorageError.NotDirectory => SyscallError.NotDirectory,
        StorageError.IsDirectory => SyscallError.IsDirectory,
        StorageError.NotEmpty => SyscallError.NotEmpty,
        StorageError.NoSpace => SyscallError.NoSpace,
        StorageError.Corrupt => SyscallError.Corrupt,
        StorageError.IoError => SyscallError.IoError,
        StorageError.InvalidName => SyscallError.InvalidName,
        StorageError.FileTooLarge => SyscallError.FileTooLarge,
        StorageError.Busy => SyscallError.Busy,
        StorageError.NotSupported => SyscallError.NotSupported,
        StorageError.Closed => SyscallError.BadHandle,
        StorageError.AccessDenied => SyscallError.Denied,
        StorageError.CrossDevice => SyscallError.CrossDevice,
        _ => SyscallError.InvalidArgument,
    };


    private static long Result(StorageError error) => Error(ToSyscallError(error));

    private static long Open(Process process, ulong pathAddress, long pathLength, long flags)
    {
        SyscallError pathError = ReadPath(process, pathAddress, pathLength, out string path);
        if (pathError != SyscallError.None)
            return Error(pathError);
        if (flags < 0 || flags > int.MaxValue)
            return Error(SyscallError.InvalidArgument);

        KernelFileSystem.Enter();
        StorageError error = KernelFileSystem.Vfs.Open(process.WorkingDirectory, path, (VfsOpenFlags)flags, out OpenFile file);
        long result;
        if (error != StorageError.Ok)
        {
            result = Result(error);
        }
        else
        {
            result = process.Files.Add(file);
            if (result < 0)
            {
                file.Close();
                result = Error(SyscallError.TooManyHandles);
            }
        }
        KernelFileSystem.Leave();
        return result;
    }

    // Reads straight into the caller's pages (through the direct map), in pieces of physically
    // contiguous pages; pages that cannot be lent (granted by another process) go through the
    // transfer buffer. An error after some bytes were read returns the count so far, and the
    // position moves only over bytes the caller received. With
    // 'offset' at 0 or more, reads there and leaves the position alone (pread).
    private static long Read(Process process, long descriptor, ulong buffer, long count, long offset)
    {
        if (count < 0)
            return Error(SyscallError.InvalidArgument);
        KernelFileSystem.Enter();
        OpenFile file = process.Files.Get(descriptor);
        SyscallError error = file == null ? SyscallError.BadHandle : SyscallError.None;
        long done = 0;
        while (error == SyscallError.None && done < count)
        {
            ulong address = buffer + (ulong)done;
            long wanted = count - done < TransferBytes ? count - done : TransferBytes;
            byte* direct = UserRun(process, address, ref wanted);
            Span<byte> target = direct != null ? new Span<byte>(direct, (int)wanted) : new Span<byte>(s_transfer, 0, (int)wanted);
            int read;
            StorageError readError = offset < 0 ? file.Read(target, out read) : file.ReadAt((ulong)(offset + done), target, out read);
            if (direct == null)
            {
                fixed (byte* source = s_transfer)
                {
                    if (readError == StorageError.Ok && read > 0 && !process.AddressSpace.CopyToUser(address, source, (ulong)read))
                    {
                        error = SyscallError.BadAddress;
                        // The bytes never reached the caller: give them back to the next read.
                        if (offset < 0)
                            file.Seek(-read, VfsSeekOrigin.Current, out _);
                    }
                }
            }
            if (readError != StorageError.Ok)
                error = ToSyscallError(readError);
            if (error != SyscallError.None)
                break;
            done += read;
            if (read < wanted)
                break;
        }
        KernelFileSystem.Leave();
        return error != SyscallError.None && done == 0 ? Error(error) : done;
    }

    // The kernel's view of writable user memory at 'address' for up to 'length' bytes over
    // physically contiguous pages (faulting in demand-zero ones); 'length' is cut to what is
    // covered. Null when the first page is not ordinary writable user memory (the caller then
    // goes through the transfer buffer, whose checked copy reports a bad address).
    private static byte* UserRun(Process process, ulong address, ref long length)
    {
        if (address < UserAddressSpace.UserStart || address >= UserAddressSpace.UserEnd || (ulong)length > UserAddressSpace.UserEnd - address)
            return null;
        ulong page = address & ~(UserAddressSpace.PageSize - 1);
        ulong frame = process.AddressSpace.FrameForLending(page, writable: true);
        if (frame == 0)
            return null;
        byte* start = (byte*)AddressSpaceLayout.PhysicalToVirtual(frame) + (address - page);
        ulong covered = page + UserAddressSpace.PageSize - address;
        while (covered < (ulong)length
            && process.AddressSpace.FrameForLending(page + UserAddressSpace.PageSize, writable: true) == frame + UserAddressSpace.PageSize)
        {
            page += UserAddressSpace.PageSize;
            frame += UserAddressSpace.PageSize;
            covered += UserAddressSpace.PageSize;
        }
        if (covered < (ulong)length)
            length = (long)covered;
        return start;
    }

    private static long Write(Process process, long descriptor, ulong buffer, long count)
    {
        if (count < 0)
            return Error(SyscallError.InvalidArgument);
        KernelFileSystem.Enter();
        OpenFile file = process.Files.Get(descriptor);
        SyscallError error = file == null ? SyscallError.BadHandle : SyscallError.None;
        long done = 0;
        while (error == SyscallError.None && done < count)
        {
            int chunk = count - done < TransferBytes ? (int)(count - done) : TransferBytes;
            fixed (byte* destination = s_transfer)
            {
                if (!process.AddressSpace.CopyFromUser(destination, buffer + (ulong)done, (ulong)chunk))
                {
                    error = SyscallError.BadAddress;
                    break;
                }
            }
            StorageError writeError = file.Write(new ReadOnlySpan<byte>(s_transfer, 0, chunk), out int written);
            done += written;
            if (writeError != StorageError.Ok)
                error = ToSyscallError(writeError);
        }
        if (error == SyscallError.None && count == 0 && file != null)
        {
            // A zero-byte write still checks that the descriptor may write.
            StorageError writeError = file.Write(ReadOnlySpan<byte>.Empty, out _);
            error = ToSyscallError(writeError);
        }
        KernelFileSystem.Leave();
        return error != SyscallError.None && done == 0 ? Error(error) : done;
    }

    private static long Seek(Process process, long descriptor, long offset, long origin)
    {
        if (origin < 0 || origin > 2)
            return Error(SyscallError.InvalidArgument);
        KernelFileSystem.Enter();
        OpenFile file = process.Files.Get(descriptor);
        long result;
        if (file == null)
        {
            result = Error(SyscallError.BadHandle);
        }
        else
        {
            StorageError error = file.Seek(offset, (VfsSeekOrigin)origin, out ulong position);
            result = error == StorageError.Ok ? (long)position : Result(error);
        }
        KernelFileSystem.Leave();
        return result;
    }

    private static long SetLength(Process process, long descriptor, long length)
    {
        if (length < 0)
            return Error(SyscallError.InvalidArgument);
        KernelFileSystem.Enter();
        OpenFile file = process.Files.Get(descriptor);
        long result = file == null ? Error(SyscallError.BadHandle) : Result(file.SetLength((ulong)length));
        KernelFileSystem.Leave();
        return result;
    }

    private static long Close(Process process, long descriptor)
    {
        KernelFileSystem.Enter();
        OpenFile file = process.Files.Remove(descriptor);
        long result = file == null ? Error(SyscallError.BadHandle) : Result(file.Close());
        KernelFileSystem.Leave();
        return result;
    }

    private static long Stat(Process process, ulong pathAddress, long pathLength, ulong statusAddress)
    {
        SyscallError pathError = ReadPath(process, pathAddress, pathLength, out string path);
        if (pathError != SyscallError.None)
            return Error(pathError);
        KernelFileSystem.Enter();
        StorageError error = KernelFileSystem.Vfs.Stat(process.WorkingDirectory, path, out FileEntry entry);
        KernelFileSystem.Leave();
        if (error != StorageError.Ok)
            return Result(error);

        FileStatus status;
        status.Size = (long)entry.Size;
        status.Type = entry.IsDirectory ? FileType.Directory : FileType.File;
        status.ModifiedDate = entry.ModifiedDate;
        status.ModifiedTime = entry.ModifiedTime;
        return process.AddressSpace.CopyToUser(statusAddress, &status, (ulong)sizeof(FileStatus)) ? 0 : Error(SyscallError.BadAddress);
    }

    private static long ReadDirectory(Process process, long descriptor, ulong buffer, long capacity)
    {
        if (capacity <= 0 || capacity > 1024)
            return Error(SyscallError.InvalidArgument);
        KernelFileSystem.Enter();
        OpenFile file = process.Files.Get(descriptor);
        SyscallError error = file == null ? SyscallError.BadHandle : SyscallError.None;
        long count = 0;
        DirectoryEntry record = default;
        while (error == SyscallError.None && count < capacity)
        {
            // Check the destination before taking the entry, so a bad buffer loses none.
            ulong address = buffer + (ulong)(count * sizeof(DirectoryEntry));
            if (!process.AddressSpace.CopyToUser(address, &record, (ulong)sizeof(DirectoryEntry)))
            {
                error = SyscallError.BadAddress;
                break;
            }
            StorageError entryError = file.ReadEntry(out FileEntry entry, out bool found);
            if (entryError != StorageError.Ok)
            {
                error = ToSyscallError(entryError);
                break;
            }
            if (!found)
                break;
            Describe(entry, &record);
            if (!process.AddressSpace.CopyToUser(address, &record, (ulong)sizeof(DirectoryEntry)))
            {
                error = SyscallError.BadAddress;
                break;
            }
            count++;
        }
        KernelFileSystem.Leave();
        return error != SyscallError.None && count == 0 ? Error(error) : count;
    }

    private static void Describe(in FileEntry entry, DirectoryEntry* record)
    {
        record->Size = (long)entry.Size;
        record->Type = entry.IsDirectory ? FileType.Directory : FileType.File;
        int length = entry.Name.Length < DirectoryEntry.NameCapacity ? entry.Name.Length : DirectoryEntry.NameCapacity;
        record->NameLength = length;
        for (int i = 0; i < DirectoryEntry.NameCapacity; i++)
            record->Name[i] = i < length ? Latin1(entry.Name[i]) : (byte)0;
    }

    private static long PathOperation(Process process, SyscallNumber number, ulong pathAddress, long pathLength)
    {
        SyscallError pathError = ReadPath(process, pathAddress, pathLength, out string path);
        if (pathError != SyscallError.None)
            return Error(pathError);
        KernelFileSystem.Enter();
        VirtualFileSystem vfs = KernelFileSystem.Vfs;
        StorageError error;
        if (number == SyscallNumber.DirectoryCreate)
        {
            error = vfs.CreateDirectory(process.WorkingDirectory, path);
        }
        else if (number == SyscallNumber.Unlink)
        {
            error = vfs.Remove(process.WorkingDirectory, path);
        }
        else
        {
            error = vfs.ChangeDirectory(process.WorkingDirectory, path, out string directory);
            if (error == StorageError.Ok)
                process.WorkingDirectory = directory;
        }
        KernelFileSystem.Leave();
        return Result(error);
    }

    private static long Rename(Process process, ulong oldAddress, long oldLength, ulong newAddress, long newLength)
    {
        string newPath = null;
        SyscallError pathError = ReadPath(process, oldAddress, oldLength, out string oldPath);
        if (pathError == SyscallError.None)
            pathError = ReadPath(process, newAddress, newLength, out newPath);
        if (pathError != SyscallError.None)
            return Error(pathError);
        KernelFileSystem.Enter();
        StorageError error = KernelFileSystem.Vfs.Rename(process.WorkingDirectory, oldPath, newPath);
        KernelFileSystem.Leave();
        return Result(error);
    }

    private static long GetWorkingDirectory(Process process, ulong buffer, long capacity)
    {
        string directory = process.WorkingDirectory;
        if (capacity < directory.Length)
            return Error(SyscallError.InvalidArgument);
        byte* bytes = stackalloc byte[MaxPath];
        for (int i = 0; i < directory.Length; i++)
            bytes[i] = Latin1(directory[i]);
        return process.AddressSpace.CopyToUser(buffer, bytes, (ulong)directory.Length) ? directory.Length : Error(SyscallError.BadAddress);
    }

    private static long ListMounts(Process process, ulong buffer, long capacity)
    {
        if (capacity < 0 || capacity > 64)
            return Error(SyscallError.InvalidArgument);
        KernelFileSystem.Enter();
        MountTable mounts = KernelFileSystem.Vfs.Mounts;
        int count = mounts.Count;
        SyscallError error = SyscallError.None;
        for (int i = 0; i < count && i < capacity && error == SyscallError.None; i++)
        {
            MountInfo info = default;
            Describe(mounts.Get(i), &info);
            if (!process.AddressSpace.CopyToUser(buffer + (ulong)(i * sizeof(MountInfo)), &info, (ulong)sizeof(MountInfo)))
                error = SyscallError.BadAddress;
        }
        KernelFileSystem.Leave();
        return error != SyscallError.None ? Error(error) : count;
    }

    private static void Describe(Mount mount, MountInfo* info)
    {
        Copy(mount.Path, info->Path, MountInfo.PathCapacity);
        Copy(mount.Source, info->Source, MountInfo.SourceCapacity);
        string type = mount.Volume.TypeName;
        info->FatBits = type == "FAT32" ? 32 : type == "FAT16" ? 16 : type == "FAT12" ? 12 : 0;
        StorageError usageError = mount.Volume.GetStatistics(out VfsVolumeStatistics usage);
        info->TotalBytes = (long)usage.TotalBytes;
        info->FreeBytes = usageError == StorageError.Ok ? (long)usage.FreeBytes : -1;
        info->ClusterSize = usage.BlockSize;
        BufferCache cache = mount.Cache;
        if (cache != null)
        {
            CacheStatistics statistics = cache.Statistics;
            info->CacheBlocks = cache.CachedBlocks;
            info->CacheCapacity = cache.Capacity;
            info->CacheDirtyBlocks = cache.DirtyBlocks;
            info->CacheHits = (long)statistics.Hits;
            info->CacheMisses = (long)statistics.Misses;
            info->CacheBlockSize = cache.BlockSize;
        }
    }

    private static void Copy(string text, byte* destination, int capacity)
    {
        for (int i = 0; i < capacity - 1 && i < text.Length; i++)
            destination[i] = Latin1(text[i]);
    }

    private static byte Latin1(char c) => c < 256 ? (byte)c : (byte)'?';

    // A path argument: 1 to MaxPath bytes of readable user memory, taken as Latin-1.
    private static SyscallError ReadPath(Process process, ulong address, long length, out string path)
    {
        path = null;
        if (length <= 0 || length > MaxPath)
            return SyscallError.InvalidArgument;
        byte* bytes = stackalloc byte[MaxPath];
        if (!process.AddressSpace.CopyFromUser(bytes, address, (ulong)length))
            return SyscallError.BadAddress;
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = (char)bytes[i];
        path = new string(chars);
        return SyscallError.None;
    }
}
