using System;

namespace CosmosHybrid.Storage.Vfs;

/// <summary>How <see cref="VirtualFileSystem.Open"/> opens a path (the same values as the system-call ABI's).</summary>
[Flags]
public enum VfsOpenFlags
{
    /// <summary>Nothing: not a valid request on its own.</summary>
    None = 0,

    /// <summary>The handle may read.</summary>
    Read = 1,

    /// <summary>The handle may write.</summary>
    Write = 2,

    /// <summary>Create the file if it does not exist (needs <see cref="Write"/>).</summary>
    Create = 4,

    /// <summary>Cut an existing file to length 0 (needs <see cref="Write"/>).</summary>
    Truncate = 8,

    /// <summary>Every write goes to the end of the file (needs <see cref="Write"/>).</summary>
    Append = 16,

    /// <summary>With <see cref="Create"/>: fail if the file exists.</summary>
    Exclusive = 32,

    /// <summary>Open a directory to list its entries (alone, or with <see cref="Read"/>).</summary>
    Directory = 64,
}
