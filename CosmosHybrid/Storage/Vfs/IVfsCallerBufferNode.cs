namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// A file node that moves data straight to and from a caller's own memory
/// (<see cref="VfsCallerBuffer"/>) instead of a kernel buffer: the forwarding mount, which lends
/// the caller's pages to its ring-3 server. Same contract as <see cref="IVfsNode.Read"/> and
/// <see cref="IVfsNode.Write"/>.
/// </summary>
public interface IVfsCallerBufferNode
{
    /// <summary>Reads from <paramref name="offset"/> into <paramref name="buffer"/>; fewer bytes when the file ends first.</summary>
    StorageError Read(ulong offset, in VfsCallerBuffer buffer, out int bytesRead);

    /// <summary>Writes <paramref name="buffer"/> at <paramref name="offset"/>, growing the file.</summary>
    StorageError Write(ulong offset, in VfsCallerBuffer buffer, out int bytesWritten);
}
