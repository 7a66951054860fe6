using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.Abi.Text;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Services.Fs.Server;

/// <summary>
/// The ring-3 side of the forwarding mount: one request of <see cref="FileServerProtocol"/>
/// in, one reply out, against the volume's nodes (the same FAT engine the kernel runs). Names
/// are in the window; file data in the caller's pages the kernel lends for the request, or in the window. Every request is checked (ids, lengths, offsets, names): a bad
/// one is an error reply, never a crash of the server.
/// </summary>
internal sealed class FileServerDispatcher
{
    private readonly IVfsVolume _volume;
    private readonly NodeTable _nodes;

    // The listing being sent in batches: the directory's id and its entries.
    private ulong _listed;
    private readonly List<FileEntry> _entries = new List<FileEntry>();

    public FileServerDispatcher(IVfsVolume volume)
    {
        _volume = volume;
        _nodes = new NodeTable(volume.Root);
    }

    /// <summary>Answers <paramref name="request"/>; names and data in <paramref name="window"/>.</summary>
    public ShortMessage Handle(in ShortMessage request, Span<byte> window)
    {
        IVfsNode node = _nodes.Get(request.Word0);
        if (node == null)
            return Reply(StorageError.InvalidArgument);
        switch ((FileServerOperation)request.Tag)
        {
            case FileServerOperation.Lookup:
            case FileServerOperation.CreateFile:
                return Child(request, node, window);
            case FileServerOperation.Stat:
                return Stat(node);
            case FileServerOperation.ReadDirectory:
                return ReadDirectory(request, node, window);
            case FileServerOperation.CreateDirectory:
                return Named(request, window, out string directory) ?? Reply(node.CreateDirectory(directory));
            case FileServerOperation.Remove:
                return Remove(request, node, window);
            case FileServerOperation.Rename:
                return Rename(request, node, window);
            case FileServerOperation.Open:
                return Open(request, node);
            case FileServerOperation.Read:
                return Read(request, node, window);
            case FileServerOperation.Write:
                return Write(request, node, window);
            case FileServerOperation.SetLength:
                return request.Word1 > uint.MaxValue ? Reply(StorageError.FileTooLarge) : Reply(node.SetLength(request.Word1));
            case FileServerOperation.Flush:
                return Reply(node.Flush());
            case FileServerOperation.Close:
                StorageError closed = node.Close();
                if (closed == StorageError.Ok)
                    _nodes.Closed(request.Word0);
                return Reply(closed);
            case FileServerOperation.Statistics:
                StorageError error = _volume.GetStatistics(out VfsVolumeStatistics statistics);
                return new ShortMessage(0, statistics.TotalBytes, statistics.FreeBytes, (ulong)statistics.BlockSize, (ulong)error);
            case FileServerOperation.Sync:
                return Reply(_volume.Flush());
            case FileServerOperation.Release:
                return Release(request.Word0);
            default:
                return Reply(StorageError.NotSupported);
        }
    }

    private ShortMessage Child(in ShortMessage request, IVfsNode directory, Span<byte> window)
    {
        ShortMessage? bad = Named(request, window, out string name);
        if (bad != null)
            return bad.Value;
        IVfsNode child;
        StorageError error = (FileServerOperation)request.Tag == FileServerOperation.Lookup
            ? directory.Lookup(name, out child)
            : directory.CreateFile(name, out child);
        if (error != StorageError.Ok)
            return Reply(error);
        error = child.Stat(out FileEntry entry);
        if (error != StorageError.Ok)
            return Reply(error);
        ulong id = _nodes.Name(request.Word0, name, child);
        return new ShortMessage(0, id, entry.IsDirectory ? 1UL : 0UL);
    }

    /// <summary>How many node ids are given out now (the root's included): what the kernel holds.</summary>
    public int NodeCount => _nodes.Count;

    /// <summary>How many id slots the table has needed so far: its size in memory.</summary>
    public int NodeCapacity => _nodes.Capacity;

    private ShortMessage Release(ulong id)
    {
        StorageError error = _nodes.Release(id);
        if (error == StorageError.Ok && _listed == id)
        {
            _entries.Clear(); // a listing in batches of a directory the kernel let go
            _listed = 0;
        }
        return Reply(error);
    }

    private ShortMessage Open(in ShortMessage request, IVfsNode node)
    {
        if (request.Word1 > int.MaxValue)
            return Reply(StorageError.InvalidArgument);
        StorageError error = node.Open((VfsOpenFlags)(int)request.Word1);
        if (error == StorageError.Ok)
            _nodes.Opened(request.Word0);
        return Reply(error);
    }

    private static ShortMessage Stat(IVfsNode node)
    {
        StorageError error = node.Stat(out FileEntry entry);
        if (error != StorageError.Ok)
            return Reply(error);
        return new ShortMessage(0, entry.Size, entry.IsDirectory ? 1UL : 0UL, entry.ModifiedDate | (ulong)entry.ModifiedTime << 16);
    }

    // Entries from `first` on, as many whole records as the window holds.
    private ShortMessage ReadDirectory(in ShortMessage request, IVfsNode directory, Span<byte> window)
    {
        if (request.Word1 == 0 || _listed != request.Word0)
        {
            _entries.Clear();
            _listed = 0;
            StorageError error = directory.ReadDirectory(_entries);
            if (error != StorageError.Ok)
                return Reply(error);
            _listed = request.Word0;
        }
        if (request.Word1 > (ulong)_entries.Count)
            return Reply(StorageError.InvalidArgument);
        int index = (int)request.Word1;
        int at = 0;
        int count = 0;
        while (index < _entries.Count)
        {
            FileEntry entry = _entries[index];
            byte[] name = Utf8.GetBytes(entry.Name);
            if (name == null || name.Length > FileServerProtocol.MaxNameBytes)
            {
                index++;
                continue; // a name the protocol cannot carry (cannot happen with FAT's 255 characters)
            }
            if (window.Length - at < FileServerProtocol.EntryHeaderBytes + name.Length)
                break;
            BinaryPrimitives.WriteUInt64LittleEndian(window.Slice(at), entry.Size);
            BinaryPrimitives.WriteUInt16LittleEndian(window.Slice(at + 8), entry.ModifiedDate);
            BinaryPrimitives.WriteUInt16LittleEndian(window.Slice(at + 10), entry.ModifiedTime);
            BinaryPrimitives.WriteUInt16LittleEndian(window.Slice(at + 12), entry.IsDirectory ? FileServerProtocol.EntryIsDirectory : (ushort)0);
            BinaryPrimitives.WriteUInt16LittleEndian(window.Slice(at + 14), (ushort)name.Length);
            name.CopyTo(window.Slice(at + FileServerProtocol.EntryHeaderBytes));
            at += FileServerProtocol.EntryHeaderBytes + name.Length;
            count++;
            index++;
        }
        bool more = index < _entries.Count;
        if (!more)
        {
            _entries.Clear();
            _listed = 0;
        }
        return new ShortMessage(0, (ulong)count, (ulong)at, more ? 1UL : 0UL);
    }

    private ShortMessage Remove(in ShortMessage request, IVfsNode directory, Span<byte> window)
    {
        ShortMessage? bad = Named(request, window, out string name);
        if (bad != null)
            return bad.Value;
        StorageError error = directory.Remove(name);
        if (error == StorageError.Ok)
            _nodes.Forget(request.Word0, name);
        return Reply(error);
    }

    private ShortMessage Rename(in ShortMessage request, IVfsNode directory, Span<byte> window)
    {
        ShortMessage? bad = Named(request, window, out string name);
        if (bad != null)
            return bad.Value;
        IVfsNode target = _nodes.Get(request.Word2);
        if (target == null)
            return Reply(StorageError.InvalidArgument);
        if (!TryName(window, FileServerProtocol.SecondNameOffset, request.Word3, out string newName))
            return Reply(StorageError.InvalidName);
        StorageError error = directory.Rename(name, target, newName);
        if (error == StorageError.Ok)
        {
            _nodes.Forget(request.Word0, name);
            _nodes.Forget(request.Word2, newName);
        }
        return Reply(error);
    }

    private static ShortMessage Read(in ShortMessage request, IVfsNode file, Span<byte> window)
    {
        if (request.Word2 > (ulong)window.Length)
            return Reply(StorageError.InvalidArgument);
        StorageError error = file.Read(request.Word1, Data(request, window), out int read);
        return error != StorageError.Ok ? Reply(error) : new ShortMessage(0, (ulong)read);
    }

    private static ShortMessage Write(in ShortMessage request, IVfsNode file, Span<byte> window)
    {
        if (request.Word2 > (ulong)window.Length)
            return Reply(StorageError.InvalidArgument);
        StorageError error = file.Write(request.Word1, Data(request, window), out int written);
        return new ShortMessage((ulong)error, (ulong)written);
    }

    // A transfer's bytes (count in Word2, at most a window): in the caller's pages the kernel lent
    // for this request, at the address in Word3, or at the window's start when Word3 is 0 (a kernel buffer).
    private static unsafe Span<byte> Data(in ShortMessage request, Span<byte> window) =>
        request.Word3 == 0 ? window.Slice(0, (int)request.Word2) : new Span<byte>((byte*)request.Word3, (int)request.Word2);

    // The request's name (length in Word1, bytes at the window's start); null when it is good.
    private static ShortMessage? Named(in ShortMessage request, Span<byte> window, out string name) =>
        TryName(window, 0, request.Word1, out name) ? null : Reply(StorageError.InvalidName);

    private static bool TryName(Span<byte> window, int offset, ulong length, out string name)
    {
        name = null;
        if (length == 0 || length > FileServerProtocol.MaxNameBytes || (ulong)(window.Length - offset) < length)
            return false;
        ReadOnlySpan<byte> bytes = window.Slice(offset, (int)length);
        if (!Utf8.IsValid(bytes))
            return false;
        name = Utf8.GetString(bytes);
        return name != "." && name != ".." && name.IndexOf('/') < 0 && name.IndexOf('\0') < 0;
    }

    private static ShortMessage Reply(StorageError error) => new ShortMessage((ulong)error);
}
