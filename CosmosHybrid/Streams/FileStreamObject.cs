using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Storage;
using CosmosHybrid.Storage.Kernel;
using CosmosHybrid.Storage.Vfs;
using CosmosHybrid.Syscalls;

namespace CosmosHybrid.Streams;

/// <summary>
/// An open file as a stream (what the shell's <c>&gt; FILE</c>, <c>&gt;&gt; FILE</c> and
/// <c>&lt; FILE</c> hand a program as its standard output or input). Every handle to it shares
/// one position, as descriptors do after a fork. Reads and writes take the file-system lock;
/// the file is closed when its last handle goes, at the next file-system call (a handle may
/// close where nothing may block).
/// </summary>
internal sealed class FileStreamObject : StreamObject
{
    private readonly OpenFile _file;

    public FileStreamObject(OpenFile file) => _file = file;

    public override SyscallError Read(Span<byte> destination, bool wait, out int count)
    {
        using (KernelFileSystem.Lock())
            return FileSyscalls.ToSyscallError(_file.Read(destination, out count));
    }

    public override SyscallError Write(ReadOnlySpan<byte> source, out int written)
    {
        using (KernelFileSystem.Lock())
            return FileSyscalls.ToSyscallError(_file.Write(source, out written));
    }

    public override void OnHandleClosed(HandleRights rights)
    {
        if (References == 0)
            KernelFileSystem.CloseLater(_file);
    }
}
