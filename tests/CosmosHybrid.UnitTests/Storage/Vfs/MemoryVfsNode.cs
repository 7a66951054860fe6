using System;
using System.Collections.Generic;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Storage.Vfs;

/// <summary>
/// A file or directory held in memory: the smallest honest <see cref="IVfsNode"/>, used to
/// show that the virtual file system needs nothing from FAT. Names are case-sensitive.
/// It records the offsets it is asked for, so tests can see what the open file sent.
/// </summary>
public sealed class MemoryVfsNode : IVfsNode
{
    private readonly SortedDictionary<string, MemoryVfsNode> _children;
    private byte[] _data = Array.Empty<byte>();

    private MemoryVfsNode(MemoryVfsVolume volume, string name, bool isDirectory)
    {
        Volume = volume;
        Name = name;
        _children = isDirectory ? new SortedDictionary<string, MemoryVfsNode>(StringComparer.Ordinal) : null;
    }

    /// <summary>The volume the node belongs to.</summary>
    public MemoryVfsVolume Volume { get; }

    /// <summary>The node's name in its directory.</summary>
    public string Name { get; private set; }

    /// <summary>The file's bytes.</summary>
    public byte[] Data => _data;

    /// <summary>Opens not yet closed.</summary>
    public int OpenCount { get; private set; }

    /// <summary>The offsets of every read and write, in order.</summary>
    public List<ulong> Offsets { get; } = new List<ulong>();

    /// <summary>Flushes asked for.</summary>
    public int Flushes { get; private set; }

    private bool IsDirectory => _children != null;

    /// <summary>A new empty root directory for <paramref name="volume"/>.</summary>
    public static MemoryVfsNode CreateRoot(MemoryVfsVolume volume) => new MemoryVfsNode(volume, string.Empty, true);

    public StorageError Stat(out FileEntry entry)
    {
        entry = new FileEntry(Name, IsDirectory, IsDirectory ? 0 : (ulong)_data.Length, 0, 0);
        return StorageError.Ok;
    }

    public StorageError Lookup(string name, out IVfsNode node)
    {
        node = null;
        if (!IsDirectory)
        {
            return StorageError.NotDirectory;
        }

        if (!_children.TryGetValue(name, out MemoryVfsNode child))
        {
            return StorageError.NotFound;
        }

        node = child;
        Volume.Taken++;
        return StorageError.Ok;
    }

    public StorageError ReadDirectory(List<FileEntry> entries)
    {
        if (!IsDirectory)
        {
            return StorageError.NotDirectory;
        }

        foreach (MemoryVfsNode child in _children.Values)
        {
            child.Stat(out FileEntry entry);
            entries.Add(entry);
        }

        return StorageError.Ok;
    }

    public StorageError CreateFile(string name, out IVfsNode node)
    {
        StorageError error = Add(name, false, out MemoryVfsNode child);
        node = child;
        if (error == StorageError.Ok)
        {
            Volume.Taken++;
        }

        return error;
    }

    public StorageError CreateDirectory(string name) => Add(name, true, out _);

    public StorageError Remove(string name)
    {
        if (!IsDirectory)
        {
            return StorageError.NotDirectory;
        }

        if (!_children.TryGetValue(name, out MemoryVfsNode child))
        {
            return StorageError.NotFound;
        }

        if (child.IsDirectory && child._children.Count > 0)
        {
            return StorageError.NotEmpty;
        }

        if (child.OpenCount > 0)
        {
            return StorageError.Busy;
        }

        _children.Remove(name);
        return StorageError.Ok;
    }

    public StorageError Rename(string name, IVfsNode newParent, string newName)
    {
        if (newParent is not MemoryVfsNode target || target.Volume != Volume)
        {
            return StorageError.CrossDevice;
        }

        if (!IsDirectory || !target.IsDirectory)
        {
            return StorageError.NotDirectory;
        }

        if (!_children.TryGetValue(name, out MemoryVfsNode child))
        {
            return StorageError.NotFound;
        }

        if (target._children.ContainsKey(newName))
        {
            return StorageError.Exists;
        }

        _children.Remove(name);
        child.Name = newName;
        target._children.Add(newName, child);
        return StorageError.Ok;
    }

    public StorageError Open(VfsOpenFlags flags)
    {
        if (IsDirectory)
        {
            return StorageError.IsDirectory;
        }

        OpenCount++;
        return StorageError.Ok;
    }

    public StorageError Read(ulong offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        StorageError error = CheckOpen();
        if (error != StorageError.Ok)
        {
            return error;
        }

        Offsets.Add(offset);
        if (offset < (ulong)_data.Length)
        {
            bytesRead = Math.Min(buffer.Length, _data.Length - (int)offset);
            _data.AsSpan((int)offset, bytesRead).CopyTo(buffer);
        }

        return StorageError.Ok;
    }

    public StorageError Write(ulong offset, ReadOnlySpan<byte> buffer, out int bytesWritten)
    {
        bytesWritten = 0;
        StorageError error = CheckOpen();
        if (error != StorageError.Ok)
        {
            return error;
        }

        Offsets.Add(offset);
        ulong end = offset + (ulong)buffer.Length;
        if (end > (ulong)Volume.Capacity)
        {
            return StorageError.NoSpace;
        }

        if (end > (ulong)_data.Length)
        {
            Array.Resize(ref _data, (int)end);
        }

        buffer.CopyTo(_data.AsSpan((int)offset));
        bytesWritten = buffer.Length;
        return StorageError.Ok;
    }

    public StorageError SetLength(ulong length)
    {
        StorageError error = CheckOpen();
        if (error != StorageError.Ok)
        {
            return error;
        }

        if (length > (ulong)Volume.Capacity)
        {
            return StorageError.NoSpace;
        }

        Array.Resize(ref _data, (int)length);
        return StorageError.Ok;
    }

    public StorageError Flush()
    {
        StorageError error = CheckOpen();
        if (error == StorageError.Ok)
        {
            Flushes++;
        }

        return error;
    }

    public StorageError Close()
    {
        StorageError error = CheckOpen();
        if (error == StorageError.Ok)
        {
            OpenCount--;
        }

        return error;
    }

    public void Release()
    {
        Assert.That(this, Is.Not.SameAs(Volume.RootNode), "the root is never released");
        Volume.Taken--;
    }

    private StorageError Add(string name, bool isDirectory, out MemoryVfsNode child)
    {
        child = null;
        if (!IsDirectory)
        {
            return StorageError.NotDirectory;
        }

        if (_children.ContainsKey(name))
        {
            return StorageError.Exists;
        }

        child = new MemoryVfsNode(Volume, name, isDirectory);
        _children.Add(name, child);
        return StorageError.Ok;
    }

    private StorageError CheckOpen() =>
        IsDirectory ? StorageError.IsDirectory : OpenCount > 0 ? StorageError.Ok : StorageError.Closed;
}
