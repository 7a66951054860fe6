namespace CosmosHybrid.Storage.Cache;

/// <summary>
/// One cached block: its number on the device, its bytes, whether they differ from the
/// device (dirty), and its place in the cache's recency list.
/// </summary>
internal sealed class CacheBlock
{
    public CacheBlock(int size)
    {
        Data = new byte[size];
    }

    /// <summary>Block number: the block covers device sectors [Number × sectors per block, +<see cref="Sectors"/>).</summary>
    public ulong Number { get; set; }

    /// <summary>Sectors the block covers (fewer than a full block only for the device's last block).</summary>
    public int Sectors { get; set; }

    /// <summary>The block's bytes (only the first <see cref="Sectors"/> × sector size are meaningful).</summary>
    public byte[] Data { get; }

    /// <summary>True when <see cref="Data"/> holds writes the device has not seen yet.</summary>
    public bool Dirty { get; set; }

    /// <summary>True while the block holds a device block (it is in the lookup table and the recency list).</summary>
    public bool InUse { get; set; }

    /// <summary>The next more recently used block, or null for the most recent.</summary>
    public CacheBlock Newer { get; set; }

    /// <summary>The next less recently used block, or null for the least recent.</summary>
    public CacheBlock Older { get; set; }

    /// <summary>The next block in the same <see cref="BlockTable"/> bucket.</summary>
    public CacheBlock HashNext { get; set; }
}
