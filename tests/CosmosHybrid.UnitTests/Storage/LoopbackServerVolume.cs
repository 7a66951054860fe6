using System;
using System.Collections.Generic;
using System.Text;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Services.Fs.Server;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Kernel.Forwarding;
using CosmosHybrid.Storage.Vfs;

namespace CosmosHybrid.UnitTests.Storage;

/// <summary>
/// The forwarding mount on the host: nodes that keep the kernel's bookkeeping of server ids
/// (<see cref="ServerNodeReferences"/>, a Release when an id falls out of the idle ones) and call
/// the ring-3 server's <see cref="FileServerDispatcher"/> directly instead of over its port. It
/// carries the operations a create/write/stat/remove loop needs; the rest answer NotSupported.
/// </summary>
public sealed class LoopbackServerVolume : IVfsVolume
{
    private readonly FileServerDispatcher _server;
    private readonly byte[] _window = new byte[FileServerProtocol.WindowBytes];

    internal LoopbackServerVolume(FileServerDispatcher server)
    {
        _server = server;
        Root = new Node(this, FileServerProtocol.RootNode, isRoot: true);
    }

    internal ServerNodeReferences References { get; } = new ServerNodeReferences(ServerNodeReferences.KernelIdleCapacity);

    /// <summary>Release messages sent, and how many the server refused.</summary>
    public int Releases { get; private set; }

    public int RefusedReleases { get; private set; }

    public string TypeName => "FAT16";

    public IVfsNode Root { get; }

    public StorageError GetStatistics(out VfsVolumeStatistics statistics)
    {
        statistics = default;
        return StorageError.NotSupported;
    }

    public StorageError Flush() => Reply(Call(FileServerOperation.Sync, FileServerProtocol.RootNode));

    private ShortMessage Call(FileServerOperation operation, ulong node, ulong word1 = 0, ulong word2 = 0) =>
        _server.Handle(new ShortMessage((ulong)operation, node, word1, word2, 0), _window);

    private static StorageError Reply(ShortMessage reply) => (StorageError)reply.Tag;

    private sealed class Node : IVfsNode
    {
        private readonly LoopbackServerVolume _volume;
        private readonly ulong _id;
        private readonly bool _isRoot;
        private bool _released;

        public Node(LoopbackServerVolume volume, ulong id, bool isRoot = false)
        {
            _volume = volume;
            _id = id;
            _isRoot = isRoot;
        }

        public StorageError Stat(out FileEntry entry)
        {
            ShortMessage reply = _volume.Call(FileServerOperation.Stat, _id);
            entry = new FileEntry("", reply.Word1 == 1, reply.Word0, 0, 0);
            return Reply(reply);
        }

        public StorageError Lookup(string name, out IVfsNode node) => Child(FileServerOperation.Lookup, name, out node);

        public StorageError CreateFile(string name, out IVfsNode node) => Child(FileServerOperation.CreateFile, name, out node);

        public StorageError CreateDirectory(string name) => Reply(_volume.Call(FileServerOperation.CreateDirectory, _id, PutName(name)));

        public StorageError Remove(string name) => Reply(_volume.Call(FileServerOperation.Remove, _id, PutName(name)));

        public StorageError Open(VfsOpenFlags flags) => Reply(_volume.Call(FileServerOperation.Open, _id, (ulong)flags));

        public StorageError Write(ulong offset, ReadOnlySpan<byte> buffer, out int bytesWritten)
        {
            buffer.CopyTo(_volume._window);
            ShortMessage reply = _volume.Call(FileServerOperation.Write, _id, offset, (ulong)buffer.Length);
            bytesWritten = (int)reply.Word0;
            return Reply(reply);
        }

        public StorageError Close() => Reply(_volume.Call(FileServerOperation.Close, _id));

        public void Release()
        {
            if (_isRoot || _released)
                return;
            _released = true;
            if (!_volume.References.Drop(_id, out ulong idle))
                return;
            _volume.Releases++;
            if (Reply(_volume.Call(FileServerOperation.Release, idle)) != StorageError.Ok)
                _volume.RefusedReleases++;
        }

        public StorageError ReadDirectory(List<FileEntry> entries) => StorageError.NotSupported;

        public StorageError Rename(string name, IVfsNode newParent, string newName) => StorageError.NotSupported;

        public StorageError Read(ulong offset, Span<byte> buffer, out int bytesRead)
        {
            bytesRead = 0;
            return StorageError.NotSupported;
        }

        public StorageError SetLength(ulong length) => StorageError.NotSupported;

        public StorageError Flush() => StorageError.NotSupported;

        private StorageError Child(FileServerOperation operation, string name, out IVfsNode node)
        {
            node = null;
            ShortMessage reply = _volume.Call(operation, _id, PutName(name));
            if (Reply(reply) != StorageError.Ok)
                return Reply(reply);
            node = new Node(_volume, reply.Word0);
            _volume.References.Take(reply.Word0);
            return StorageError.Ok;
        }

        private ulong PutName(string name)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(name);
            bytes.CopyTo(_volume._window, 0);
            return (ulong)bytes.Length;
        }
    }
}
