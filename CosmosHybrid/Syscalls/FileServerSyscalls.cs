using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console.Log;
using CosmosHybrid.Handles;
using CosmosHybrid.Ipc;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Abi.FileServer;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Kernel;
using CosmosHybrid.Storage.Kernel.Forwarding;
using static CosmosHybrid.Services.Abi.SyscallResult;

namespace CosmosHybrid.Syscalls;

/// <summary>
/// FileServerAttach (149): a ring-3 file server holding the block handle of a disk set aside
/// for a mount point takes that mount point over. The first attach mounts a
/// <see cref="ForwardingVolume"/> there; a later one (a restarted server) replaces a server
/// that is gone. The window's first 32 bytes name the file system type (0-15) and the source
/// (16-31), ASCII letters and digits, zero-padded.
/// </summary>
internal static unsafe class FileServerSyscalls
{
    private const int NameBytes = 16;

    internal static long FileServerAttach(SyscallFrame* frame, Process process)
    {
        long blockHandle = (long)frame->Arg0;
        long portHandle = (long)frame->Arg1;
        ulong window = frame->Arg2;
        if ((long)frame->Arg3 != FileServerProtocol.WindowBytes || (window & 4095) != 0)
            return Error(SyscallError.InvalidArgument);

        SyscallError error;
        KernelObject target;
        Port port;
        using (InterruptsOff.Enter())
        {
            error = process.Handles.Lookup(blockHandle, HandleRights.None, out target, out _);
            if (error == SyscallError.None)
                error = process.Handles.LookupPort(portHandle, HandleRights.Receive, out port, out _);
            else
                port = null;
        }
        if (error != SyscallError.None)
            return Error(error);
        if (target is not RingThreeDisk disk)
            return Error(SyscallError.WrongKind);

        byte* header = stackalloc byte[2 * NameBytes];
        if (!UserMemory.Read(process, header, window, 2 * NameBytes))
            return Error(SyscallError.BadAddress);
        string typeName = Name(header);
        string source = Name(header + NameBytes);
        if (typeName == null || source == null)
            return Error(SyscallError.InvalidArgument);

        var connection = new FileServerConnection(port, process, window);
        using (KernelFileSystem.Lock())
        {
            if (disk.Volume == null)
            {
                var volume = new ForwardingVolume(typeName, connection);
                StorageError mountError = KernelFileSystem.Vfs.Mount(disk.MountPoint, volume, source, null);
                if (mountError != StorageError.Ok)
                    return Error(FileSyscalls.ToSyscallError(mountError));
                disk.Volume = volume;
            }
            else
            {
                if (disk.Volume.Connection.IsUp)
                    return Error(SyscallError.Busy);
                disk.Volume.Attach(connection);
            }
        }
        KernelLog.WriteLine("vfs: " + disk.MountPoint + " is " + source + " (" + typeName + ", served in ring 3 by process "
            + process.Id.ToString() + ")");
        return 0;
    }

    // A zero-padded name of ASCII letters, digits and '-': null when empty or anything else.
    private static string Name(byte* bytes)
    {
        int length = 0;
        while (length < NameBytes && bytes[length] != 0)
            length++;
        if (length == 0 || length == NameBytes)
            return null;
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            byte b = bytes[i];
            bool ok = (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'0' && b <= (byte)'9') || b == (byte)'-';
            if (!ok)
                return null;
            chars[i] = (char)b;
        }
        return new string(chars);
    }
}
