using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.Fs.Placement;

/// <summary>
/// The file operations the placement benchmark times, on one volume wherever it is served:
/// the kernel's FAT through the file system calls (<see cref="KernelFiles"/>), or the same FAT
/// engine in this process over its block handle (<see cref="EngineFiles"/>). Results are as the
/// system calls give them: a descriptor or count, negative on failure.
/// </summary>
internal unsafe interface IPlacedFiles
{
    /// <summary>Where the volume is served: "kernel" or "ring3".</summary>
    string Placement { get; }

    long Open(string path, FileOpenFlags flags);

    long Read(long file, byte* buffer, int count);

    long ReadAt(long file, byte* buffer, int count, long offset);

    long Write(long file, byte* buffer, int count);

    void Close(long file);

    bool Stat(string path);

    bool Unlink(string path);

    bool Sync();
}
