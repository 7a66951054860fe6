namespace CosmosHybrid.Services.Abi.FileServer;

/// <summary>
/// What the kernel's forwarding mount asks the ring-3 file server, in the tag of a register
/// call (<see cref="FileServerProtocol"/> has the word layout). Word0 is always the node: an
/// id the server gave (<see cref="FileServerProtocol.RootNode"/> for the root).
/// </summary>
public enum FileServerOperation : ulong
{
    /// <summary>(dir, nameLength; name in the window) → (child, isDirectory).</summary>
    Lookup = 1,
    /// <summary>(node) → (size, isDirectory, date | time &lt;&lt; 16).</summary>
    Stat = 2,
    /// <summary>(dir, first) → (count, bytes, more): entry records from entry `first` on, in the window.</summary>
    ReadDirectory = 3,
    /// <summary>(dir, nameLength) → (child).</summary>
    CreateFile = 4,
    /// <summary>(dir, nameLength).</summary>
    CreateDirectory = 5,
    /// <summary>(dir, nameLength).</summary>
    Remove = 6,
    /// <summary>(dir, nameLength, newParent, newNameLength; names at 0 and at <see cref="FileServerProtocol.SecondNameOffset"/>).</summary>
    Rename = 7,
    /// <summary>(node, flags).</summary>
    Open = 8,
    /// <summary>(node, offset, count, address) → (bytesRead): the bytes into the caller's pages lent at `address`, or at the window's start when it is 0.</summary>
    Read = 9,
    /// <summary>(node, offset, count, address; the bytes in the caller's pages lent at `address`, or at the window's start when it is 0) → (bytesWritten).</summary>
    Write = 10,
    /// <summary>(node, length).</summary>
    SetLength = 11,
    /// <summary>(node).</summary>
    Flush = 12,
    /// <summary>(node).</summary>
    Close = 13,
    /// <summary>(root) → (totalBytes, freeBytes, clusterSize, statisticsError).</summary>
    Statistics = 14,
    /// <summary>(root): writes everything the server holds to the disk.</summary>
    Sync = 15,
    /// <summary>
    /// (node): the kernel no longer refers to the id (no open file, no node it holds); the server
    /// frees it and may give it to another name later. Refused (InvalidArgument) for the root or an
    /// id not given out, (Busy) for a node still open. The only message that makes an id invalid.
    /// </summary>
    Release = 16,
}
