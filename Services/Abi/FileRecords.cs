using System;
using System.Runtime.InteropServices;

namespace CosmosHybrid.Services.Abi;

/// <summary>How FileOpen opens a path (the kernel's VfsOpenFlags have the same values).</summary>
[Flags]
public enum FileOpenFlags : long
{
    None = 0,
    /// <summary>The handle may read.</summary>
    Read = 1,
    /// <summary>The handle may write.</summary>
    Write = 2,
    /// <summary>Create the file if it does not exist (with Write).</summary>
    Create = 4,
    /// <summary>Cut an existing file to length 0 (with Write).</summary>
    Truncate = 8,
    /// <summary>Every write goes to the end of the file (with Write).</summary>
    Append = 16,
    /// <summary>With Create: fail with Exists if the file is there.</summary>
    Exclusive = 32,
    /// <summary>Open a directory; DirectoryRead then lists it.</summary>
    Directory = 64,
}

/// <summary>What FileSeek's offset is relative to.</summary>
public enum FileSeekOrigin : long
{
    Begin = 0,
    Current = 1,
    End = 2,
}

/// <summary>Kind of a file-system entry.</summary>
public enum FileType : long
{
    File = 1,
    Directory = 2,
}

/// <summary>What FileStat reports (fixed layout: copied across the user/kernel boundary).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct FileStatus
{
    public long Size;
    public FileType Type;
    /// <summary>FAT date word: bits 15-9 year since 1980, 8-5 month, 4-0 day.</summary>
    public long ModifiedDate;
    /// <summary>FAT time word: bits 15-11 hours, 10-5 minutes, 4-0 seconds / 2.</summary>
    public long ModifiedTime;
}

/// <summary>One entry from DirectoryRead. The name is UTF-8 (a FAT long name of 255 UTF-16 units takes at most 765 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct DirectoryEntry
{
    public const int NameCapacity = 768;

    public long Size;
    public FileType Type;
    public long NameLength;
    public fixed byte Name[NameCapacity];
}

/// <summary>One mounted volume, for `df`.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct MountInfo
{
    public const int PathCapacity = 64;
    public const int SourceCapacity = 16;

    public fixed byte Path[PathCapacity];
    public fixed byte Source[SourceCapacity];
    /// <summary>12, 16 or 32.</summary>
    public long FatBits;
    public long TotalBytes;
    public long FreeBytes;
    public long ClusterSize;
    /// <summary>Buffer cache: blocks held, most held, dirty, hits, misses (all 0 without a cache).</summary>
    public long CacheBlocks;
    public long CacheCapacity;
    public long CacheDirtyBlocks;
    public long CacheHits;
    public long CacheMisses;
    public long CacheBlockSize;
    /// <summary>Where the volume is served (FileServer.MountPlacement: 0 the kernel, 1 a ring-3 server, 2 a ring-3 server that is down).</summary>
    public long Placement;
}
