using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.Services.Fs.Placement;

/// <summary>
/// A volume this process serves: the same <see cref="VirtualFileSystem"/> and FAT engine the
/// kernel runs, called directly, its buffer cache filled through the block-device handle.
/// </summary>
internal sealed unsafe class EngineFiles : IPlacedFiles
{
    private readonly VirtualFileSystem _files;
    private readonly List<OpenFile> _open = new List<OpenFile>();

    public EngineFiles(VirtualFileSystem files)
    {
        _files = files;
    }

    public string Placement => "ring3";

    public long Open(string path, FileOpenFlags flags)
    {
        StorageError error = _files.Open("/", path, (VfsOpenFlags)(int)flags, out OpenFile file);
        if (error != StorageError.Ok)
            return -1;
        for (int i = 0; i < _open.Count; i++)
        {
            if (_open[i] == null)
            {
                _open[i] = file;
                return i;
            }
        }
        _open.Add(file);
        return _open.Count - 1;
    }

    public long Read(long file, byte* buffer, int count)
    {
        StorageError error = _open[(int)file].Read(new Span<byte>(buffer, count), out int read);
        return error == StorageError.Ok ? read : -1;
    }

    public long ReadAt(long file, byte* buffer, int count, long offset)
    {
        StorageError error = _open[(int)file].ReadAt((ulong)offset, new Span<byte>(buffer, count), out int read);
        return error == StorageError.Ok ? read : -1;
    }

    public long Write(long file, byte* buffer, int count)
    {
        StorageError error = _open[(int)file].Write(new ReadOnlySpan<byte>(buffer, count), out int written);
        return error == StorageError.Ok ? written : -1;
    }

    public void Close(long file)
    {
        _open[(int)file].Close();
        _open[(int)file] = null;
    }

    public bool Stat(string path) => _files.Stat("/", path, out _) == StorageError.Ok;

    public bool Unlink(string path) => _files.Remove("/", path) == StorageError.Ok;

    public bool Sync() => _files.Sync() == StorageError.Ok;
}
