namespace CosmosHybrid.Storage.Cache;

/// <summary>
/// The cache's blocks in order of last use, linked through the blocks themselves:
/// touching, adding and removing are O(1), and the least recently used block is the
/// eviction candidate.
/// </summary>
internal sealed class RecencyList
{
    private CacheBlock _newest;
    private CacheBlock _oldest;

    /// <summary>The least recently used block, or null when the list is empty.</summary>
    public CacheBlock Oldest => _oldest;

    /// <summary>The most recently used block, or null when the list is empty.</summary>
    public CacheBlock Newest => _newest;

    /// <summary>Adds a block as the most recently used.</summary>
    public void AddNewest(CacheBlock block)
    {
        block.Older = _newest;
        block.Newer = null;
        if (_newest != null)
        {
            _newest.Newer = block;
        }

        _newest = block;
        if (_oldest == null)
        {
            _oldest = block;
        }
    }

    /// <summary>Takes a block out of the list.</summary>
    public void Remove(CacheBlock block)
    {
        if (block.Newer != null)
        {
            block.Newer.Older = block.Older;
        }
        else
        {
            _newest = block.Older;
        }

        if (block.Older != null)
        {
            block.Older.Newer = block.Newer;
        }
        else
        {
            _oldest = block.Newer;
        }

        block.Newer = null;
        block.Older = null;
    }

    /// <summary>Makes a block the most recently used.</summary>
    public void Touch(CacheBlock block)
    {
        if (block != _newest)
        {
            Remove(block);
            AddNewest(block);
        }
    }
}
