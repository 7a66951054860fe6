using System;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Ipc;
using CosmosHybrid.Processes;
using CosmosHybrid.Scheduling;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;

namespace CosmosHybrid.Storage.Kernel.Forwarding;

/// <summary>
/// One attached ring-3 file server, as the forwarding mount talks to it: its port (calls with
/// a deadline), its process (whose window names and data are copied through). A server that
/// fails to answer in time is written off: nothing more is sent to it (a request it still
/// holds could otherwise act on a window meanwhile reused), and every operation on the volume
/// is an I/O error until a new server attaches.
/// </summary>
internal sealed unsafe class FileServerConnection
{
    private readonly Port _port;
    private readonly Process _server;
    private readonly ulong _window;
    private bool _writtenOff;

    public FileServerConnection(Port port, Process server, ulong window)
    {
        _port = port;
        _server = server;
        _window = window;
    }

    /// <summary>The server still answers: alive, its port open, never late.</summary>
    public bool IsUp => !_writtenOff && !_port.IsClosed && _server.IsAlive;

    public Process Server => _server;

    /// <summary>
    /// One request (inside <see cref="ForwardingVolume.Exclusive"/>, under the file-system lock,
    /// which is let go while the server works); the reply's words in <paramref name="reply"/>. IoError when the server is
    /// down, late (then it is written off) or answers with a tag that is no storage error.
    /// </summary>
    public StorageError Call(FileServerOperation operation, ulong node, ulong word1, ulong word2, ulong word3, out ShortMessage reply)
    {
        reply = default;
        if (!IsUp || Scheduler.Current.Process == null)
            return StorageError.IoError; // a kernel thread (the boot console's power-off) cannot wait on a port
        IpcWaiter self = KernelPorts.CurrentWaiter;
        var message = new PendingMessage { ShortPart = new ShortMessage((ulong)operation, node, word1, word2, word3) };
        SyscallError error;
        // The caller holds its volume (kills deferred): the tree is free for others meanwhile.
        KernelFileSystem.ReleaseForWait();
        using (InterruptsOff.Enter())
        {
            error = KernelPorts.Engine.CallWithDeadline(self, _port, message, FileServerProtocol.ReplyTimeoutMs);
            if (error == SyscallError.None)
                reply = self.Registers;
        }
        KernelFileSystem.ReacquireAfterWait();
        if (error == SyscallError.TimedOut)
            _writtenOff = true;
        if (error != SyscallError.None)
            return StorageError.IoError;
        if (reply.Tag > (ulong)StorageError.CrossDevice)
            return StorageError.IoError;
        return (StorageError)reply.Tag;
    }

    /// <summary>Copies <paramref name="source"/> into the window at <paramref name="offset"/>; false when it does not fit or the server is gone.</summary>
    public bool CopyIn(int offset, ReadOnlySpan<byte> source)
    {
        if (offset < 0 || source.Length > FileServerProtocol.WindowBytes - offset)
            return false;
        if (source.Length == 0)
            return true;
        fixed (byte* bytes = source)
        {
            using (InterruptsOff.Enter())
                return _server.IsAlive && _server.AddressSpace.CopyToUser(_window + (ulong)offset, bytes, (ulong)source.Length);
        }
    }

    /// <summary>Copies from the window at <paramref name="offset"/> into <paramref name="destination"/>; false when out of the window or the server is gone.</summary>
    public bool CopyOut(int offset, Span<byte> destination)
    {
        if (offset < 0 || destination.Length > FileServerProtocol.WindowBytes - offset)
            return false;
        if (destination.Length == 0)
            return true;
        fixed (byte* bytes = destination)
        {
            using (InterruptsOff.Enter())
                return _server.IsAlive && _server.AddressSpace.CopyFromUser(bytes, _window + (ulong)offset, (ulong)destination.Length);
        }
    }
}
