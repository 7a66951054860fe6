namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// A file node whose volume can say which file it is and whether the volume changed since
/// (<see cref="VfsFileIdentity"/>), so that something made from its contents may be kept and
/// used again while nothing changed. Nodes that cannot tell (a ring-3 server's) do not implement it.
/// </summary>
public interface IVfsIdentifiedNode
{
    /// <summary>The file's identity now; false when the node is not a file.</summary>
    bool TryGetIdentity(out VfsFileIdentity identity);
}
