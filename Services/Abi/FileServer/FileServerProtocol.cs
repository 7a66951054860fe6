namespace CosmosHybrid.Services.Abi.FileServer;

/// <summary>
/// The forwarding mount's protocol, declared once for the kernel (client) and the `fs` server.
/// Requests are register calls: Tag a <see cref="FileServerOperation"/>, Word0 the node, Word1-3
/// the operation's arguments. Replies: Tag a storage error code (0 = done), Word0-3 results.
/// Names travel in the server's window: memory of the server's own, named when it attaches
/// (FileServerAttach), which the kernel copies to and from; names are UTF-8. File data of a
/// ring-3 caller is not copied: the kernel lends the caller's pages (a bounce page for a partial
/// first or last one) into the server's address space for the one request and takes them back
/// when the call ends (reply, time-out or the server's death); Read and Write name where. A
/// kernel caller's data goes through the window.
/// The kernel checks every reply against its request (a length past what was asked, a bad
/// record, a late or missing answer is an I/O error for the caller).
/// </summary>
public static class FileServerProtocol
{
    /// <summary>The id of the volume's root directory.</summary>
    public const ulong RootNode = 1;

    /// <summary>Bytes of the window: the largest data transfer of one call.</summary>
    public const int WindowBytes = 64 * 1024;

    /// <summary>Where Rename's second name starts in the window.</summary>
    public const int SecondNameOffset = 1024;

    /// <summary>The longest name in UTF-8 bytes (255 UTF-16 units of a FAT long name, 3 bytes each at most).</summary>
    public const int MaxNameBytes = 765;

    /// <summary>How long the kernel waits for one answer before the caller gets an I/O error.</summary>
    public const long ReplyTimeoutMs = 5000;

    /// <summary>A directory record in the window: size (8), date (2), time (2), flags (2), name length (2), then the name.</summary>
    public const int EntryHeaderBytes = 16;

    /// <summary>Entry flag: the entry is a directory.</summary>
    public const ushort EntryIsDirectory = 1;
}
