using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Storage.Kernel.Forwarding;

/// <summary>
/// A file or directory of a <see cref="ForwardingVolume"/>: each operation is one call to the
/// ring-3 server (file data in window-sized pieces: a ring-3 caller's own pages lent to the
/// server, a kernel buffer copied through the server's window), and each answer is checked against the
/// request: counts no larger than asked, ids that are ids, directory records inside what was
/// sent and with valid names. Anything else is an I/O error; so is a node of an earlier server.
/// Each operation holds its volume (<see cref="ForwardingVolume.Exclusive"/>): one caller at a
/// time uses the server's window, while the file-system lock is free for other volumes.
/// A node other than the root refers to its server id from the answer that named it until
/// <see cref="Release"/> (<see cref="ForwardingVolume.References"/> counts them), so the server
/// frees the ids the kernel no longer refers to.
/// </summary>
internal sealed unsafe class ForwardingNode : IVfsNode, IVfsCallerBufferNode
{
    private const ulong MaxFileSize = uint.MaxValue;
    private const int MaxEntries = 65536;

    private readonly ForwardingVolume _volume;
    private readonly int _generation;
    private readonly ulong _id;
    private readonly string _name;
    private readonly bool _isDirectory;
    private readonly bool _isRoot;
    private bool _released;

    public ForwardingNode(ForwardingVolume volume, int generation, ulong id, string name, bool isDirectory, bool isRoot = false)
    {
        _volume = volume;
        _generation = generation;
        _id = id;
        _name = name;
        _isDirectory = isDirectory;
        _isRoot = isRoot;
    }

    public StorageError Stat(out FileEntry entry)
    {
        entry = default;
        using VolumeTurn turn = _volume.Exclusive();
        StorageError error = Call(FileServerOperation.Stat, 0, 0, 0, out ShortMessage reply);
        if (error != StorageError.Ok)
            return error;
        if (reply.Word0 > MaxFileSize || reply.Word1 != (_isDirectory ? 1UL : 0UL) || reply.Word2 > uint.MaxValue)
            return StorageError.IoError;
        entry = new FileEntry(_name, _isDirectory, reply.Word0, (ushort)reply.Word2, (ushort)(reply.Word2 >> 16));
        return StorageError.Ok;
    }

    public StorageError Lookup(string name, out IVfsNode node)
    {
        using VolumeTurn turn = _volume.Exclusive();
        return Child(FileServerOperation.Lookup, name, out node);
    }

    public StorageError CreateFile(string name, out IVfsNode node)
    {
        using VolumeTurn turn = _volume.Exclusive();
        return Child(FileServerOperation.CreateFile, name, out node);
    }

    public StorageError CreateDirectory(string name)
    {
        using VolumeTurn turn = _volume.Exclusive();
        return Named(FileServerOperation.CreateDirectory, name);
    }

    public StorageError Remove(string name)
    {
        using VolumeTurn turn = _volume.Exclusive();
        return Named(FileServerOperation.Remove, name);
    }

    public StorageError Rename(string name, IVfsNode newParent, string newName)
    {
        if (newParent is not ForwardingNode target || target._volume != _volume)
            return StorageError.CrossDevice;
        if (!target.IsCurrent)
            return StorageError.IoError;
        using VolumeTurn turn = _volume.Exclusive();
        StorageError error = PutName(0, name, out int length);
        if (error != StorageError.Ok)
            return error;
        error = PutName(FileServerProtocol.SecondNameOffset, newName, out int newLength);
        if (error != StorageError.Ok)
            return error;
        return Call(FileServerOperation.Rename, (ulong)length, target._id, (ulong)newLength, out _);
    }

    public StorageError ReadDirectory(List<FileEntry> entries)
    {
        if (!_isDirectory)
            return StorageError.NotDirectory;
        using VolumeTurn turn = _volume.Exclusive();
        byte[] window = _volume.Transfer;
        int first = 0;
        while (true)
        {
            StorageError error = Call(FileServerOperation.ReadDirectory, (ulong)first, 0, 0, out ShortMessage reply);
            if (error != StorageError.Ok)
                return error;
            ulong count = reply.Word0;
            ulong bytes = reply.Word1;
            bool more = reply.Word2 != 0;
            if (bytes > (ulong)window.Length || count > bytes / FileServerProtocol.EntryHeaderBytes || (count == 0 && more))
                return StorageError.IoError;
            if (!_volume.Connection.CopyOut(0, new Span<byte>(window, 0, (int)bytes)))
                return StorageError.IoError;
            error = ParseEntries(new ReadOnlySpan<byte>(window, 0, (int)bytes), (int)count, entries);
            if (error != StorageError.Ok)
                return error;
            first += (int)count;
            if (!more)
                return StorageError.Ok;
            if (first > MaxEntries)
                return StorageError.IoError;
        }
    }

    public StorageError Open(VfsOpenFlags flags)
    {
        using VolumeTurn turn = _volume.Exclusive();
        return Call(FileServerOperation.Open, (ulong)flags, 0, 0, out _);
    }

    public StorageError Read(ulong offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        if (_isDirectory)
            return StorageError.IsDirectory;
        using VolumeTurn turn = _volume.Exclusive();
        while (bytesRead < buffer.Length)
        {
            int asked = Math.Min(buffer.Length - bytesRead, FileServerProtocol.WindowBytes);
            StorageError error = Call(FileServerOperation.Read, offset + (ulong)bytesRead, (ulong)asked, 0, out ShortMessage reply);
            if (error != StorageError.Ok)
                return error;
            if (reply.Word0 > (ulong)asked)
                return StorageError.IoError; // never more than asked: the caller's buffer ends there
            int got = (int)reply.Word0;
            if (!_volume.Connection.CopyOut(0, buffer.Slice(bytesRead, got)))
                return StorageError.IoError;
            bytesRead += got;
            if (got < asked)
                break; // the end of the file
        }
        return StorageError.Ok;
    }

    public StorageError Write(ulong offset, ReadOnlySpan<byte> buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        if (_isDirectory)
            return StorageError.IsDirectory;
        // Waiting for the volume lets the file-system lock go, and with it the kernel's transfer
        // buffer the bytes may be in: keep a copy of them first in that (contended) case.
        ReadOnlySpan<byte> bytes = buffer;
        ulong ticket = _volume.TakeTicket();
        if (!_volume.IsTurn(ticket))
        {
            bytes = buffer.ToArray();
            _volume.WaitForTurn(ticket);
        }
        using VolumeTurn turn = new VolumeTurn(_volume);
        while (bytesWritten < bytes.Length)
        {
            int piece = Math.Min(bytes.Length - bytesWritten, FileServerProtocol.WindowBytes);
            if (!IsCurrent || !_volume.Connection.CopyIn(0, bytes.Slice(bytesWritten, piece)))
                return StorageError.IoError;
            StorageError error = Call(FileServerOperation.Write, offset + (ulong)bytesWritten, (ulong)piece, 0, out ShortMessage reply);
            if (reply.Word0 > (ulong)piece)
                return StorageError.IoError;
            bytesWritten += (int)reply.Word0;
            if (error != StorageError.Ok)
                return error;
            if ((int)reply.Word0 < piece)
                return StorageError.IoError; // a short write without an error is a server fault
        }
        return StorageError.Ok;
    }

    /// <summary>Reads into a ring-3 caller's own pages, lent to the server piece by piece (the caller holds them, see <see cref="UserAddressSpace.BeginLending"/>).</summary>
    public StorageError Read(ulong offset, in VfsCallerBuffer buffer, out int bytesRead)
    {
        bytesRead = 0;
        if (_isDirectory)
            return StorageError.IsDirectory;
        if (buffer.Space is not UserAddressSpace space || buffer.Length < 0)
            return StorageError.InvalidArgument;
        using VolumeTurn turn = _volume.Exclusive();
        while (bytesRead < buffer.Length)
        {
            int asked = Math.Min(buffer.Length - bytesRead, FileServerProtocol.WindowBytes);
            if (!IsCurrent)
                return StorageError.IoError;
            StorageError error = _volume.Connection.CallLending(FileServerOperation.Read, _id, offset + (ulong)bytesRead,
                space, buffer.Address + (ulong)bytesRead, asked, serverWrites: true, _volume.BouncePages, out int got);
            bytesRead += got;
            if (error != StorageError.Ok)
                return error;
            if (got < asked)
                break; // the end of the file
        }
        return StorageError.Ok;
    }

    /// <summary>Writes from a ring-3 caller's own pages, lent (read-only) to the server piece by piece.</summary>
    public StorageError Write(ulong offset, in VfsCallerBuffer buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        if (_isDirectory)
            return StorageError.IsDirectory;
        if (buffer.Space is not UserAddressSpace space || buffer.Length < 0)
            return StorageError.InvalidArgument;
        using VolumeTurn turn = _volume.Exclusive();
        while (bytesWritten < buffer.Length)
        {
            int piece = Math.Min(buffer.Length - bytesWritten, FileServerProtocol.WindowBytes);
            if (!IsCurrent)
                return StorageError.IoError;
            StorageError error = _volume.Connection.CallLending(FileServerOperation.Write, _id, offset + (ulong)bytesWritten,
                space, buffer.Address + (ulong)bytesWritten, piece, serverWrites: false, _volume.BouncePages, out int written);
            bytesWritten += written;
            if (error != StorageError.Ok)
                return error;
            if (written < piece)
                return StorageError.IoError; // a short write without an error is a server fault
        }
        return StorageError.Ok;
    }

    public StorageError SetLength(ulong length)
    {
        if (length > MaxFileSize)
            return StorageError.FileTooLarge;
        using VolumeTurn turn = _volume.Exclusive();
        return Call(FileServerOperation.SetLength, length, 0, 0, out _);
    }

    public StorageError Flush()
    {
        using VolumeTurn turn = _volume.Exclusive();
        return Call(FileServerOperation.Flush, 0, 0, 0, out _);
    }

    public StorageError Close()
    {
        using VolumeTurn turn = _volume.Exclusive();
        return Call(FileServerOperation.Close, 0, 0, 0, out _);
    }

    public void Release()
    {
        if (_isRoot || _released)
            return;
        _released = true;
        using VolumeTurn turn = _volume.Exclusive();
        if (!IsCurrent || !_volume.References.Drop(_id, out ulong idle))
            return;
        // A refusal changes nothing for the kernel: it no longer names that id either way.
        _volume.Connection.Call(FileServerOperation.Release, idle, 0, 0, 0, out _);
    }

    // The root belongs to every server; any other node to the one that named it.
    private bool IsCurrent => _isRoot || _generation == _volume.Generation;

    private StorageError Call(FileServerOperation operation, ulong word1, ulong word2, ulong word3, out ShortMessage reply)
    {
        reply = default;
        if (!IsCurrent)
            return StorageError.IoError;
        return _volume.Connection.Call(operation, _id, word1, word2, word3, out reply);
    }

    private StorageError Child(FileServerOperation operation, string name, out IVfsNode node)
    {
        node = null;
        StorageError error = PutName(0, name, out int length);
        if (error != StorageError.Ok)
            return error;
        error = Call(operation, (ulong)length, 0, 0, out ShortMessage reply);
        if (error != StorageError.Ok)
            return error;
        if (reply.Word0 == 0 || reply.Word0 == FileServerProtocol.RootNode || reply.Word1 > 1
            || (operation == FileServerOperation.CreateFile && reply.Word1 != 0))
            return StorageError.IoError;
        node = new ForwardingNode(_volume, _volume.Generation, reply.Word0, name, reply.Word1 == 1);
        _volume.References.Take(reply.Word0);
        return StorageError.Ok;
    }

    private StorageError Named(FileServerOperation operation, string name)
    {
        StorageError error = PutName(0, name, out int length);
        return error != StorageError.Ok ? error : Call(operation, (ulong)length, 0, 0, out _);
    }

    private StorageError PutName(int offset, string name, out int length)
    {
        length = 0;
        if (!_isDirectory)
            return StorageError.NotDirectory;
        if (!IsCurrent)
            return StorageError.IoError;
        byte[] bytes = Utf8.GetBytes(name);
        if (bytes == null || bytes.Length == 0 || bytes.Length > FileServerProtocol.MaxNameBytes)
            return StorageError.InvalidName;
        length = bytes.Length;
        return _volume.Connection.CopyIn(offset, bytes) ? StorageError.Ok : StorageError.IoError;
    }

    // Records as FileServerProtocol lays them out; each must lie inside what the server said it sent.
    private static StorageError ParseEntries(ReadOnlySpan<byte> bytes, int count, List<FileEntry> entries)
    {
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            if (bytes.Length - at < FileServerProtocol.EntryHeaderBytes)
                return StorageError.IoError;
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(at));
            ushort date = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 8));
            ushort time = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 10));
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 12));
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 14));
            at += FileServerProtocol.EntryHeaderBytes;
            if (nameLength == 0 || nameLength > FileServerProtocol.MaxNameBytes || nameLength > bytes.Length - at || size > MaxFileSize)
                return StorageError.IoError;
            ReadOnlySpan<byte> name = bytes.Slice(at, nameLength);
            at += nameLength;
            if (!IsComponent(name))
                return StorageError.IoError;
            bool isDirectory = (flags & FileServerProtocol.EntryIsDirectory) != 0;
            entries.Add(new FileEntry(Utf8.GetString(name), isDirectory, isDirectory ? 0 : size, date, time));
        }
        return StorageError.Ok;
    }

    // One path component in well-formed UTF-8: not "." or "..", no '/' and no NUL.
    private static bool IsComponent(ReadOnlySpan<byte> name)
    {
        if (!Utf8.IsValid(name))
            return false;
        if (name.Length <= 2 && name[0] == (byte)'.' && (name.Length == 1 || name[1] == (byte)'.'))
            return false;
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] == (byte)'/' || name[i] == 0)
                return false;
        }
        return true;
    }
}
