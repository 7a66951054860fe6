namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// What the virtual file system reports about a file or directory, and what a node's
/// <see cref="IVfsNode.Stat"/> and <see cref="IVfsNode.ReadDirectory"/> give it.
/// </summary>
public readonly struct FileEntry
{
    /// <summary>Creates an entry record.</summary>
    public FileEntry(string name, bool isDirectory, ulong size, ushort modifiedDate, ushort modifiedTime)
    {
        Name = name;
        IsDirectory = isDirectory;
        Size = size;
        ModifiedDate = modifiedDate;
        ModifiedTime = modifiedTime;
    }

    /// <summary>The name within its directory ("" for the root).</summary>
    public string Name { get; }

    /// <summary>True for directories (mount points included).</summary>
    public bool IsDirectory { get; }

    /// <summary>Size in bytes (0 for directories).</summary>
    public ulong Size { get; }

    /// <summary>Last modification date in the DOS encoding of the system-call ABI (bits 15-9 year since 1980, 8-5 month, 4-0 day).</summary>
    public ushort ModifiedDate { get; }

    /// <summary>Last modification time in the DOS encoding of the system-call ABI (bits 15-11 hours, 10-5 minutes, 4-0 seconds / 2).</summary>
    public ushort ModifiedTime { get; }
}
