using System;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Handles;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Kernel;
using CosmosHybrid.Storage.Vfs;
using CosmosHybrid.Streams;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// The stream system calls: reading and writing a stream handle (the console, a pipe end,
/// a file), making pipes, opening a file as a stream. Bytes cross the boundary in chunks
/// through the kernel stack, so a bad pointer is BadAddress and nothing is allocated per call
/// (the chunk is not zeroed first: every byte sent on is one just copied in).
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]
internal static unsafe class StreamSyscalls
{
    private const int ChunkSize = 1024;

    /// <summary>The most one StreamRead returns; a read takes what is there, so a small cap costs little.</summary>
    private const long MaxRead = 64 * 1024;

    /// <summary>StreamRead(handle, buffer, capacity) → bytes read, 0 at the end.</summary>
    internal static long StreamRead(SyscallFrame* frame, Process process)
    {
        ulong buffer = frame->Arg1;
        long capacity = (long)frame->Arg2;
        if (capacity <= 0)
            return Error(SyscallError.InvalidArgument);
        if (capacity > MaxRead)
            capacity = MaxRead;
        SyscallError error = Lookup(process, (long)frame->Arg0, HandleRights.StreamRead, out StreamObject stream);
        if (error != SyscallError.None)
            return Error(error);
        // Check the whole buffer before waiting, so no byte is taken from the stream and then lost.
        if (!process.AddressSpace.IsWritable(buffer, (ulong)capacity))
            return Error(SyscallError.BadAddress);

        byte* chunk = stackalloc byte[ChunkSize];
        long done = 0;
        while (done < capacity)
        {
            int want = capacity - done < ChunkSize ? (int)(capacity - done) : ChunkSize;
            // Only the first chunk waits: after that, the call returns what is there.
            error = stream.Read(new Span<byte>(chunk, want), wait: done == 0, out int count);
            if (error != SyscallError.None)
                return done > 0 ? done : Error(error);
            if (count == 0)
                break;
            if (!UserMemory.Write(process, buffer + (ulong)done, chunk, count))
                return Error(SyscallError.BadAddress);
            done += count;
            if (count < want)
                break;
        }
        return done;
    }

    /// <summary>StreamWrite(handle, bytes, count) → bytes written (all, unless an error came first).</summary>
    internal static long StreamWrite(SyscallFrame* frame, Process process)
    {
        ulong bytes = frame->Arg1;
        long count = (long)frame->Arg2;
        if (count < 0)
            return Error(SyscallError.InvalidArgument);
        SyscallError error = Lookup(process, (long)frame->Arg0, HandleRights.StreamWrite, out StreamObject stream);
        if (error != SyscallError.None)
            return Error(error);
        return Write(process, stream, bytes, count);
    }

    /// <summary>Writes <paramref name="count"/> bytes of the caller's memory at <paramref name="bytes"/> to <paramref name="stream"/>.</summary>
    internal static long Write(Process process, StreamObject stream, ulong bytes, long count)
    {
        byte* chunk = stackalloc byte[ChunkSize];
        long done = 0;
        SyscallError error = SyscallError.None;
        stream.BeginWrite();
        try
        {
            while (done < count)
            {
                int length = count - done < ChunkSize ? (int)(count - done) : ChunkSize;
                if (!UserMemory.Read(process, chunk, bytes + (ulong)done, length))
                {
                    error = SyscallError.BadAddress;
                    break;
                }
                error = stream.Write(new ReadOnlySpan<byte>(chunk, length), out int written);
                done += written;
                if (error != SyscallError.None)
                    break;
            }
        }
        finally
        {
            stream.EndWrite();
        }
        return error != SyscallError.None && done == 0 ? Error(error) : done;
    }

    /// <summary>PipeCreate(long* ends): ends[0] = the read end's handle, ends[1] = the write end's.</summary>
    internal static long PipeCreate(SyscallFrame* frame, Process process)
    {
        ulong ends = frame->Arg0;
        long* probe = stackalloc long[2];
        probe[0] = 0;
        probe[1] = 0;
        if (!UserMemory.Write(process, ends, probe, 2 * sizeof(long)))
            return Error(SyscallError.BadAddress);
        var pipe = new Pipe();
        using (InterruptsOff.Enter())
        {
            probe[0] = process.Handles.Add(pipe.ReadEnd, HandleRights.StreamRead | HandleRights.Transfer);
            probe[1] = probe[0] == 0 ? 0 : process.Handles.Add(pipe.WriteEnd, HandleRights.StreamWrite | HandleRights.Transfer);
            if (probe[1] == 0)
            {
                if (probe[0] != 0)
                    KernelPortsClose(process, probe[0]);
                return Error(SyscallError.TooManyHandles);
            }
        }
        if (!UserMemory.Write(process, ends, probe, 2 * sizeof(long)))
            return Error(SyscallError.BadAddress);
        return 0;
    }

    /// <summary>StreamOpenFile(path, length, flags) → a stream handle over the file.</summary>
    internal static long StreamOpenFile(SyscallFrame* frame, Process process)
    {
        SyscallError pathError = UserMemory.ReadString(process, frame->Arg0, (long)frame->Arg1, VfsPath.MaxLength, out string path);
        if (pathError != SyscallError.None)
            return Error(pathError);
        long flags = (long)frame->Arg2;
        const long Known = (long)(FileOpenFlags.Read | FileOpenFlags.Write | FileOpenFlags.Create | FileOpenFlags.Truncate | FileOpenFlags.Append | FileOpenFlags.Exclusive);
        if ((flags & ~Known) != 0 || (flags & (long)(FileOpenFlags.Read | FileOpenFlags.Write)) == 0)
            return Error(SyscallError.InvalidArgument);

        OpenFile file;
        using (KernelFileSystem.Lock())
        {
            StorageError error = KernelFileSystem.Vfs.Open(process.WorkingDirectory, path, (VfsOpenFlags)flags, out file);
            if (error != StorageError.Ok)
                return Error(FileSyscalls.ToSyscallError(error));
        }
        HandleRights rights = HandleRights.Transfer;
        if ((flags & (long)FileOpenFlags.Read) != 0)
            rights |= HandleRights.StreamRead;
        if ((flags & (long)FileOpenFlags.Write) != 0)
            rights |= HandleRights.StreamWrite;
        var stream = new FileStreamObject(file);
        long handle;
        using (InterruptsOff.Enter())
            handle = process.Handles.Add(stream, rights);
        if (handle == 0)
        {
            KernelFileSystem.CloseLater(file);
            return Error(SyscallError.TooManyHandles);
        }
        return handle;
    }

    private static SyscallError Lookup(Process process, long handle, HandleRights needed, out StreamObject stream)
    {
        SyscallError error;
        KernelObject target;
        HandleRights rights;
        using (InterruptsOff.Enter())
            error = process.Handles.Lookup(handle, HandleRights.None, out target, out rights);
        stream = target as StreamObject;
        if (error != SyscallError.None)
            return error;
        if (stream == null)
            return SyscallError.WrongKind;
        return (rights & needed) == needed ? SyscallError.None : SyscallError.NoRight;
    }

    private static void KernelPortsClose(Process process, long handle) =>
        Ipc.KernelPorts.Engine.Close(process.Handles, handle);

}
