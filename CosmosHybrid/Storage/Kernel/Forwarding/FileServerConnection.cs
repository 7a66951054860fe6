using System;
using CosmosHybrid.Arch.X64;
using CosmosHybrid.Ipc;
using CosmosHybrid.Memory;
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
/// File data of a ring-3 caller is not copied but lent: the caller's pages are mapped into the
/// server's lending area for the one request and unmapped when the call ends, whatever ended it
/// (<see cref="CallLending"/>).
/// </summary>
internal sealed unsafe class FileServerConnection
{
    private readonly Port _port;
    private readonly Process _server;
    private readonly ulong _window;
    private bool _writtenOff;

    /// <summary>Pages of the lending area: a window's worth of data that starts inside a page.</summary>
    public const int LendPages = FileServerProtocol.WindowBytes / (int)BufferPages.PageSize + 1;

    // Where the server sees lent pages (address space set aside at attach, mapped only during a
    // call), the frames of the call's pages, and the volume's two bounce pages during the call.
    private readonly UserAddressSpace _space;
    private readonly ulong _lendArea;
    private readonly ulong[] _frames = new ulong[LendPages];
    private byte* _bounce;

    public FileServerConnection(Port port, Process server, ulong window)
    {
        _port = port;
        _server = server;
        _window = window;
        _space = server.AddressSpace;
        _lendArea = _space.ReserveBorrowed(LendPages);
    }

    /// <summary>The server still answers: alive, its port open, never late.</summary>
    public bool IsUp => !_writtenOff && !_port.IsClosed && _server.IsAlive;

    public Process Server => _server;

    /// <summary>
    /// Reads (<paramref name="serverWrites"/>) or writes <paramref name="length"/> bytes of file data
    /// at <paramref name="offset"/> straight in a ring-3 caller's buffer at <paramref name="address"/>
    /// of <paramref name="caller"/> (held there by <see cref="UserAddressSpace.BeginLending"/>): its
    /// whole pages are lent to the server as they are, a partial first or last page through a bounce
    /// page, so the server reaches no byte outside the request. The request's last word says where
    /// the server finds the bytes. The pages are unmapped from the server before this returns, on a
    /// reply, a time-out or the server's death alike. <paramref name="done"/> is the reply's count,
    /// checked: never more than asked (else an I/O error, with 0 done). <paramref name="bounce"/>: two
    /// kernel pages of the volume's (<see cref="ForwardingVolume.BouncePages"/>), used only inside its turn.
    /// </summary>
    public StorageError CallLending(FileServerOperation operation, ulong node, ulong offset, UserAddressSpace caller, ulong address, int length,
        bool serverWrites, byte* bounce, out int done)
    {
        done = 0;
        var pages = new BufferPages(address, (ulong)length);
        if (length <= 0 || length > FileServerProtocol.WindowBytes || pages.PageCount > LendPages || _lendArea == 0 || bounce == null)
            return StorageError.IoError;
        _bounce = bounce;
        for (int i = 0; i < pages.PageCount; i++)
        {
            _frames[i] = caller.FrameForLending(pages.PageAt(i), serverWrites);
            if (_frames[i] == 0)
                return StorageError.IoError; // cannot happen while the caller holds the range
        }
        if (!serverWrites)
            Bounce(pages, (ulong)length, toBounce: true);
        if (!Lend(pages, serverWrites))
            return StorageError.IoError;
        StorageError error = Call(operation, node, offset, (ulong)length, _lendArea + pages.HeadOffset, out ShortMessage reply);
        EndLending(pages.PageCount);
        if (reply.Word0 > (ulong)length)
            return StorageError.IoError; // never more than asked: the caller's buffer ends there
        done = (int)reply.Word0;
        if (serverWrites && error == StorageError.Ok)
            Bounce(pages, (ulong)done, toBounce: false);
        return error;
    }

    // Maps the buffer's pages (bounce pages for partial ones) at the lending area's start.
    private bool Lend(in BufferPages pages, bool writable)
    {
        using (InterruptsOff.Enter())
        {
            if (!IsUp || _server.AddressSpace != _space)
                return false;
            for (int i = 0; i < pages.PageCount; i++)
            {
                ulong frame = pages.IsPartial(i) ? AddressSpaceLayout.VirtualToPhysical((ulong)BounceFor(i)) : _frames[i];
                if (!_space.MapBorrowed(_lendArea + (ulong)i * BufferPages.PageSize, frame, writable))
                {
                    _space.UnmapBorrowed(_lendArea, (ulong)i);
                    return false;
                }
            }
            return true;
        }
    }

    // Unmaps the lending area, unless the server's memory is gone already (then nothing maps it).
    private void EndLending(int pages)
    {
        using (InterruptsOff.Enter())
        {
            if (_server.AddressSpace == _space)
                _space.UnmapBorrowed(_lendArea, (ulong)pages);
        }
    }

    // The bounce page standing in for partial page `index` (the first, or the last).
    private byte* BounceFor(int index) => index == 0 ? _bounce : _bounce + BufferPages.PageSize;

    // Copies the buffer's bytes in its partial pages, among its first `count`, to (or back from) their
    // bounce pages; the caller's side through the direct map of the frames in _frames.
    private void Bounce(in BufferPages pages, ulong count, bool toBounce)
    {
        for (int i = 0; i < pages.PageCount; i++)
        {
            if (!pages.IsPartial(i) || pages.BytesBefore(i) >= count)
                continue;
            ulong first = pages.FirstByteIn(i);
            ulong bytes = pages.EndIn(i) - first;
            if (bytes > count - pages.BytesBefore(i))
                bytes = count - pages.BytesBefore(i);
            var user = new Span<byte>((byte*)AddressSpaceLayout.PhysicalToVirtual(_frames[i]) + first, (int)bytes);
            var bounce = new Span<byte>(BounceFor(i) + first, (int)bytes);
            if (toBounce)
                user.CopyTo(bounce);
            else
                bounce.CopyTo(user);
        }
    }

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
