namespace CosmosHybrid.Storage.Cache;

/// <summary>
/// The cache's lookup from block number to cached block: a fixed array of hash buckets
/// chained through the blocks themselves. No allocation after construction and no
/// comparer calls, because it sits on every cached read and write.
/// </summary>
internal sealed class BlockTable
{
    private readonly CacheBlock[] _buckets;
    private readonly int _shift;

    /// <summary>A table sized for <paramref name="capacity"/> blocks (about two buckets per block).</summary>
    public BlockTable(int capacity)
    {
        int bits = 1;
        while ((1 << bits) < capacity * 2 && bits < 30)
        {
            bits++;
        }

        _buckets = new CacheBlock[1 << bits];
        _shift = 64 - bits;
    }

    /// <summary>Blocks in the table.</summary>
    public int Count { get; private set; }

    /// <summary>The block holding <paramref name="number"/>, or null.</summary>
    public CacheBlock Find(ulong number)
    {
        CacheBlock block = _buckets[Bucket(number)];
        while (block != null && block.Number != number)
        {
            block = block.HashNext;
        }

        return block;
    }

    /// <summary>Adds a block whose number is not in the table yet.</summary>
    public void Add(CacheBlock block)
    {
        int bucket = Bucket(block.Number);
        block.HashNext = _buckets[bucket];
        _buckets[bucket] = block;
        Count++;
    }

    /// <summary>Takes a block out of the table.</summary>
    public void Remove(CacheBlock block)
    {
        int bucket = Bucket(block.Number);
        CacheBlock current = _buckets[bucket];
        CacheBlock previous = null;
        while (current != null && current != block)
        {
            previous = current;
            current = current.HashNext;
        }

        if (current == null)
        {
            return;
        }

        if (previous == null)
        {
            _buckets[bucket] = block.HashNext;
        }
        else
        {
            previous.HashNext = block.HashNext;
        }

        block.HashNext = null;
        Count--;
    }

    // Fibonacci hashing: consecutive block numbers spread over the buckets.
    private int Bucket(ulong number) => (int)((number * 0x9E3779B97F4A7C15UL) >> _shift);
}
