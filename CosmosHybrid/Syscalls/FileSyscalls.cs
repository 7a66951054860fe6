using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Processes;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Cache;
using CosmosHybrid.Storage.Kernel;
using CosmosHybrid.Storage.Kernel.Forwarding;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Storage.Vfs;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// The file system calls: argument checks and copies across the user/kernel boundary
/// around the <see cref="VirtualFileSystem"/>, each under the file-system lock. Paths and
/// records go through <see cref="UserMemory"/>, so a bad pointer gives BadAddress; file
/// data goes straight to the caller's pages where it can, otherwise through one kernel
/// transfer buffer, used under the lock.
/// </summary>
internal static unsafe class FileSyscalls
{
    private const int TransferBytes = 64 * 1024;
    private const int MaxPath = VfsPath.MaxLength;

    private static readonly byte[] s_transfer = new byte[TransferBytes];

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

    internal static long FileOpen(SyscallFrame* frame, Process process)
    {
        SyscallError pathError = ReadPath(process, frame->Arg0, (long)frame->Arg1, out string path);
        if (pathError != SyscallError.None)
            return Error(pathError);
        long flags = (long)frame->Arg2;
        if (flags < 0 || flags > int.MaxValue)
            return Error(SyscallError.InvalidArgument);

        using (KernelFileSystem.Lock())
        {
            StorageError error = KernelFileSystem.Vfs.Open(process.WorkingDirectory, path, (VfsOpenFlags)flags, out OpenFile file);
            if (error != StorageError.Ok)
                return Result(error);
            long descriptor = process.Files.Add(file);
            if (descriptor < 0)
            {
                file.Close();
                return Error(SyscallError.TooManyHandles);
            }
            return descriptor;
        }
    }

    // The full handlers: syscall_entry tries every FileRead and FileReadAt on the leaf path first (FileReadFromMemory
    // below), so these run for what it declined (a miss, the lock held, an error, over MemoryReadBytes) or while every
    // call takes the full path (a fault pending): straight to the lock.
    internal static long FileRead(SyscallFrame* frame, Process process) =>
        ReadLocked(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2, -1);

    internal static long FileReadAt(SyscallFrame* frame, Process process)
    {
        long offset = (long)frame->Arg3;
        return offset < 0 ? Error(SyscallError.InvalidArgument) : ReadLocked(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2, offset);
    }

    /// <summary>FileRead's leaf handler (interrupts off to SYSRET): a read the file system answers from memory, or the full path.</summary>
    internal static long FileReadFromMemory(SyscallFrame* frame, Process process) =>
        LeafRead(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2, -1);

    /// <summary>FileReadAt's leaf handler: as <see cref="FileReadFromMemory"/>; a negative offset's error comes from the full path.</summary>
    internal static long FileReadAtFromMemory(SyscallFrame* frame, Process process)
    {
        long offset = (long)frame->Arg3;
        return offset < 0 ? SyscallTable.TakeFullPath : LeafRead(process, (long)frame->Arg0, frame->Arg1, (long)frame->Arg2, offset);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static long LeafRead(Process process, long descriptor, ulong buffer, long count, long offset)
    {
        long read = (ulong)count - 1 < MemoryReadBytes ? ReadFromMemoryInterruptsOff(process, descriptor, buffer, count, offset) : -1;
        return read >= 0 ? read : SyscallTable.TakeFullPath;
    }

    internal static long FileWrite(SyscallFrame* frame, Process process)
    {
        ulong buffer = frame->Arg1;
        long count = (long)frame->Arg2;
        if (count < 0)
            return Error(SyscallError.InvalidArgument);
        using (KernelFileSystem.Lock())
        {
            OpenFile file = process.Files.Get((long)frame->Arg0);
            SyscallError error = file == null ? SyscallError.BadHandle : SyscallError.None;
            bool lend = file?.Mount?.Volume is ForwardingVolume && file.TakesCallerBuffers; // a type test first: kernel volumes pay no interface cast
            long done = 0;
            while (error == SyscallError.None && done < count)
            {
                int chunk = count - done < TransferBytes ? (int)(count - done) : TransferBytes;
                ulong address = buffer + (ulong)done;
                if (lend && process.AddressSpace.BeginLending(address, (ulong)chunk, writable: false))
                {
                    // A ring-3 file server reads the caller's own pages (held meanwhile): no copy here.
                    StorageError lentError = file.Write(new VfsCallerBuffer(process.AddressSpace, address, chunk), out int lentWritten);
                    process.AddressSpace.EndLending(address, (ulong)chunk);
                    done += lentWritten;
                    if (lentError != StorageError.Ok)
                        error = ToSyscallError(lentError);
                    continue;
                }
                fixed (byte* destination = s_transfer)
                {
                    if (!UserMemory.Read(process, destination, buffer + (ulong)done, chunk))
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
            return error != SyscallError.None && done == 0 ? Error(error) : done;
        }
    }

    internal static long FileSeek(SyscallFrame* frame, Process process)
    {
        long origin = (long)frame->Arg2;
        if (origin < 0 || origin > 2)
            return Error(SyscallError.InvalidArgument);
        using (KernelFileSystem.Lock())
        {
            OpenFile file = process.Files.Get((long)frame->Arg0);
            if (file == null)
                return Error(SyscallError.BadHandle);
            StorageError error = file.Seek((long)frame->Arg1, (VfsSeekOrigin)origin, out ulong position);
            return error == StorageError.Ok ? (long)position : Result(error);
        }
    }

    internal static long FileSetLength(SyscallFrame* frame, Process process)
    {
        long length = (long)frame->Arg1;
        if (length < 0)
            return Error(SyscallError.InvalidArgument);
        using (KernelFileSystem.Lock())
        {
            OpenFile file = process.Files.Get((long)frame->Arg0);
            return file == null ? Error(SyscallError.BadHandle) : Result(file.SetLength((ulong)length));
        }
    }

    internal static long FileClose(SyscallFrame* frame, Process process)
    {
        using (KernelFileSystem.Lock())
        {
            OpenFile file = process.Files.Remove((long)frame->Arg0);
            return file == null ? Error(SyscallError.BadHandle) : Result(file.Close());
        }
    }

    internal static long FileStat(SyscallFrame* frame, Process process)
    {
        SyscallError pathError = ReadPath(process, frame->Arg0, (long)frame->Arg1, out string path);
        if (pathError != SyscallError.None)
            return Error(pathError);
        FileEntry entry;
        using (KernelFileSystem.Lock())
        {
            StorageError error = KernelFileSystem.Vfs.Stat(process.WorkingDirectory, path, out entry);
            if (error != StorageError.Ok)
                return Result(error);
        }

        FileStatus status;
        status.Size = (long)entry.Size;
        status.Type = entry.IsDirectory ? FileType.Directory : FileType.File;
        status.ModifiedDate = entry.ModifiedDate;
        status.ModifiedTime = entry.ModifiedTime;
        return UserMemory.WriteRecord(process, frame->Arg2, status) ? 0 : Error(SyscallError.BadAddress);
    }

    internal static long DirectoryRead(SyscallFrame* frame, Process process)
    {
        ulong buffer = frame->Arg1;
        long capacity = (long)frame->Arg2;
        if (capacity <= 0 || capacity > 1024)
            return Error(SyscallError.InvalidArgument);
        using (KernelFileSystem.Lock())
        {
            OpenFile file = process.Files.Get((long)frame->Arg0);
            SyscallError error = file == null ? SyscallError.BadHandle : SyscallError.None;
            long count = 0;
            DirectoryEntry record = default;
            while (error == SyscallError.None && count < capacity)
            {
                // Check the destination before taking the entry, so a bad buffer loses none.
                ulong address = buffer + (ulong)(count * sizeof(DirectoryEntry));
                if (!UserMemory.WriteRecord(process, address, record))
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
                if (!UserMemory.WriteRecord(process, address, record))
                {
                    error = SyscallError.BadAddress;
                    break;
                }
                count++;
            }
            return error != SyscallError.None && count == 0 ? Error(error) : count;
        }
    }

    internal static long DirectoryCreate(SyscallFrame* frame, Process process)
    {
        SyscallError pathError = ReadPath(process, frame->Arg0, (long)frame->Arg1, out string path);
        if (pathError != SyscallError.None)
            return Error(pathError);
        using (KernelFileSystem.Lock())
            return Result(KernelFileSystem.Vfs.CreateDirectory(process.WorkingDirectory, path));
    }

    internal static long Unlink(SyscallFrame* frame, Process process)
    {
        SyscallError pathError = ReadPath(process, frame->Arg0, (long)frame->Arg1, out string path);
        if (pathError != SyscallError.None)
            return Error(pathError);
        using (KernelFileSystem.Lock())
            return Result(KernelFileSystem.Vfs.Remove(process.WorkingDirectory, path));
    }

    internal static long ChangeDirectory(SyscallFrame* frame, Process process)
    {
        SyscallError pathError = ReadPath(process, frame->Arg0, (long)frame->Arg1, out string path);
        if (pathError != SyscallError.None)
            return Error(pathError);
        using (KernelFileSystem.Lock())
        {
            StorageError error = KernelFileSystem.Vfs.ChangeDirectory(process.WorkingDirectory, path, out string directory);
            if (error == StorageError.Ok)
                process.WorkingDirectory = directory;
            return Result(error);
        }
    }

    internal static long Rename(SyscallFrame* frame, Process process)
    {
        string newPath = null;
        SyscallError pathError = ReadPath(process, frame->Arg0, (long)frame->Arg1, out string oldPath);
        if (pathError == SyscallError.None)
            pathError = ReadPath(process, frame->Arg2, (long)frame->Arg3, out newPath);
        if (pathError != SyscallError.None)
            return Error(pathError);
        using (KernelFileSystem.Lock())
            return Result(KernelFileSystem.Vfs.Rename(process.WorkingDirectory, oldPath, newPath));
    }

    internal static long Sync(SyscallFrame* frame, Process process) => Result(KernelFileSystem.SyncAll());

    internal static long GetWorkingDirectory(SyscallFrame* frame, Process process)
    {
        string directory = process.WorkingDirectory;
        if ((long)frame->Arg1 < Utf8.GetByteCount(directory))
            return Error(SyscallError.InvalidArgument);
        long length = UserMemory.WriteText(process, frame->Arg0, directory, (long)frame->Arg1);
        return length >= 0 ? length : Error(SyscallError.BadAddress);
    }

    internal static long ListMounts(SyscallFrame* frame, Process process)
    {
        ulong buffer = frame->Arg0;
        long capacity = (long)frame->Arg1;
        if (capacity < 0 || capacity > 64)
            return Error(SyscallError.InvalidArgument);
        using (KernelFileSystem.Lock())
        {
            MountTable mounts = KernelFileSystem.Vfs.Mounts;
            int count = mounts.Count;
            for (int i = 0; i < count && i < capacity; i++)
            {
                MountInfo info = default;
                Describe(mounts.Get(i), &info);
                if (!UserMemory.WriteRecord(process, buffer + (ulong)(i * sizeof(MountInfo)), info))
                    return Error(SyscallError.BadAddress);
            }
            return count;
        }
    }

    private static long Result(StorageError error) => Error(ToSyscallError(error));

    // A path argument: 1 to MaxPath bytes of readable user memory.
    private static SyscallError ReadPath(Process process, ulong address, long length, out string path) =>
        UserMemory.ReadString(process, address, length, MaxPath, out path);

    // Reads straight into the caller's pages: lent to a ring-3 file server, or through the direct
    // map in pieces of physically contiguous pages (held either way until written); pages that cannot be lent (granted by another process) go through the
    // transfer buffer. An error after some bytes were read returns the count so far, and the
    // position moves only over bytes the caller received. With
    // 'offset' at 0 or more, reads there and leaves the position alone (pread).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    // A read under the file-system lock: everything the leaf path leaves (a miss, a ring-3 server, an error).
    private static long ReadLocked(Process process, long descriptor, ulong buffer, long count, long offset)
    {
        if (count < 0)
            return Error(SyscallError.InvalidArgument);
        using (KernelFileSystem.Lock())
        {
            OpenFile file = process.Files.Get(descriptor);
            SyscallError error = file == null ? SyscallError.BadHandle : SyscallError.None;
            bool lend = file?.Mount?.Volume is ForwardingVolume && file.TakesCallerBuffers; // a type test first: kernel volumes pay no interface cast
            long done = 0;
            while (error == SyscallError.None && done < count)
            {
                ulong address = buffer + (ulong)done;
                long wanted = count - done < TransferBytes ? count - done : TransferBytes;
                if (lend && process.AddressSpace.BeginLending(address, (ulong)wanted, writable: true))
                {
                    // A ring-3 file server writes into the caller's own pages (held meanwhile): no copy here.
                    var lent = new VfsCallerBuffer(process.AddressSpace, address, (int)wanted);
                    StorageError lentError = offset < 0 ? file.Read(lent, out int lentRead) : file.ReadAt((ulong)(offset + done), lent, out lentRead);
                    process.AddressSpace.EndLending(address, (ulong)wanted);
                    if (lentError != StorageError.Ok)
                    {
                        done += lentRead;
                        error = ToSyscallError(lentError);
                        break;
                    }
                    done += lentRead;
                    if (lentRead < wanted)
                        break;
                    continue;
                }
                // The caller's pages are held while the volume writes them (it may wait for the disk, or be
                // preempted): another thread of the caller cannot unmap them and give their frames back meanwhile.
                long held = wanted;
                byte* direct = process.AddressSpace.HoldWritableRun(address, ref wanted);
                Span<byte> target = direct != null ? new Span<byte>(direct, (int)wanted) : new Span<byte>(s_transfer, 0, (int)wanted);
                int read;
                StorageError readError = offset < 0 ? file.Read(target, out read) : file.ReadAt((ulong)(offset + done), target, out read);
                if (direct != null)
                    process.AddressSpace.EndWritableRun(address, (ulong)held);
                else
                {
                    fixed (byte* source = s_transfer)
                    {
                        if (readError == StorageError.Ok && read > 0 && !UserMemory.Write(process, address, source, read))
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
            return error != SyscallError.None && done == 0 ? Error(error) : done;
        }
    }

    // The largest read tried from memory: its copy runs with interrupts off (about 2 100 instructions at most).
    private const long MemoryReadBytes = 16 * 1024;

    // A read of 1 to MemoryReadBytes bytes the file system answers from memory (a RAM disk, a cache hit: OpenFile.TryReadFromMemory)
    // while no thread holds the file-system lock, on the leaf path (interrupts off from its entry to SYSRET). On this one
    // CPU that is as exclusive as the lock: no other thread runs, so no write, truncation, seek, close or unmap of the
    // caller's pages comes between the checks and the copy, and the pages need no hold. -1 when it cannot be done so,
    // errors included: the full handler (ReadLocked) then does it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static long ReadFromMemoryInterruptsOff(Process process, long descriptor, ulong buffer, long count, long offset)
    {
        if (!KernelFileSystem.IsLocked)
        {
            OpenFile file = process.Files.Get(descriptor);
            byte* direct = file == null ? null : process.AddressSpace.WritableRunInterruptsOff(buffer, count);
            if (direct != null && file.TryReadFromMemory(offset, new Span<byte>(direct, (int)count), out int read))
                return read;
        }
        return -1;
    }

    private static void Describe(in FileEntry entry, DirectoryEntry* record)
    {
        record->Size = (long)entry.Size;
        record->Type = entry.IsDirectory ? FileType.Directory : FileType.File;
        int length = UserMemory.EncodeInto(entry.Name, record->Name, DirectoryEntry.NameCapacity);
        record->NameLength = length;
        for (int i = length; i < DirectoryEntry.NameCapacity; i++)
            record->Name[i] = 0;
    }

    private static void Describe(Mount mount, MountInfo* info)
    {
        EncodeBounded(mount.Path, info->Path, MountInfo.PathCapacity);
        EncodeBounded(mount.Source, info->Source, MountInfo.SourceCapacity);
        string type = mount.Volume.TypeName;
        info->FatBits = type == "FAT32" ? 32 : type == "FAT16" ? 16 : type == "FAT12" ? 12 : 0;
        StorageError statisticsError = mount.Volume.GetStatistics(out VfsVolumeStatistics volume);
        info->TotalBytes = (long)volume.TotalBytes;
        info->FreeBytes = statisticsError == StorageError.Ok ? (long)volume.FreeBytes : -1;
        info->ClusterSize = volume.BlockSize;
        info->Placement = (long)(mount.Volume is ForwardingVolume forwarded ? forwarded.Placement : MountPlacement.Kernel);
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

    // Text into a zeroed record field, leaving at least one zero byte at its end.
    private static void EncodeBounded(string text, byte* destination, int capacity) =>
        UserMemory.EncodeInto(text, destination, capacity - 1);
}
