namespace CosmosHybrid.Storage.Vfs;

/// <summary>
/// Which file a node is and which version of its volume it was seen in, for a cache of
/// something made from the file's contents (a parsed program image): two identities that
/// are <see cref="SameContents"/> name the same bytes. <see cref="ChangeStamp"/> is the
/// volume's, not the file's: the volume changes it on every write to its device (data,
/// directory, allocation table), so an equal stamp means nothing on the volume was written
/// in between, and a different one makes every identity seen before it stale.
/// </summary>
public readonly struct VfsFileIdentity
{
    public VfsFileIdentity(IVfsVolume volume, ulong node, ulong length, ulong changeStamp)
    {
        Volume = volume;
        Node = node;
        Length = length;
        ChangeStamp = changeStamp;
    }

    /// <summary>The volume holding the file (compared by reference: a remount is another volume).</summary>
    public IVfsVolume Volume { get; }

    /// <summary>A number unique to the file on its volume while the volume is unchanged (FAT: its directory entry's slot).</summary>
    public ulong Node { get; }

    /// <summary>The file's size in bytes.</summary>
    public ulong Length { get; }

    /// <summary>The volume's change stamp when the node was found.</summary>
    public ulong ChangeStamp { get; }

    /// <summary>The same file with the same bytes: the same node and length, seen in the same version of the same volume.</summary>
    public bool SameContents(in VfsFileIdentity other) =>
        Volume == other.Volume && ChangeStamp == other.ChangeStamp && Node == other.Node && Length == other.Length;
}
