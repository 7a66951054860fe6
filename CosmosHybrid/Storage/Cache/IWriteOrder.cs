namespace CosmosHybrid.Storage.Cache;

/// <summary>
/// The order in which a <see cref="BufferCache"/> writes dirty blocks back: each block gets a
/// rank from the file system above, and lower ranks reach the device first. A file system
/// ranks the structures that point at others after what they point at (file data before the
/// directory entry that sizes it, that before the FAT chain), so that a power cut during a
/// write-back leaves references to old or unwritten places, which a checker can repair,
/// rather than damage to data that was already on the device.
/// </summary>
public interface IWriteOrder
{
    /// <summary>The rank of the block covering device sectors [<paramref name="lba"/>, +<paramref name="sectors"/>).</summary>
    int RankOf(ulong lba, int sectors);
}
