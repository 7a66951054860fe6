using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Fs.Placement;

/// <summary>A volume the kernel serves: every operation is a file system call.</summary>
internal sealed unsafe class KernelFiles : IPlacedFiles
{
    public string Placement => "kernel";

    public long Open(string path, FileOpenFlags flags) => FileCalls.Open(path, flags);

    public long Read(long file, byte* buffer, int count) => FileCalls.Read(file, buffer, count);

    public long ReadAt(long file, byte* buffer, int count, long offset) => FileCalls.ReadAt(file, buffer, count, offset);

    public long Write(long file, byte* buffer, int count) => FileCalls.Write(file, buffer, count);

    public void Close(long file) => FileCalls.Close(file);

    public bool Stat(string path) => FileCalls.Stat(path, out _) == 0;

    public bool Unlink(string path) => FileCalls.Unlink(path) == 0;

    public bool Sync() => FileCalls.Sync() == 0;
}
