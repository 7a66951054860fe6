namespace CosmosHybrid.Memory.Paging;

/// <summary>
/// The tables a hierarchy made for its user half (every PDPT, directory and page table under the
/// root), each with its level and the first address it maps. A process's tables are few and their
/// 512 entries mostly empty, so tearing an address space down from this list skips the walk over
/// every empty entry. The list holds a fixed number; a hierarchy that made more is marked
/// incomplete, and its owner walks the tree instead.
/// </summary>
internal struct UserTableRecords
{
    private const ulong LevelMask = 0xFFF;

    // Two words a table: its physical address, then its base address with its level in the low bits
    // (a table's base is aligned to what it maps, 2 MiB at least).
    private readonly ulong[] _words;

    public UserTableRecords(int capacity)
    {
        _words = new ulong[capacity * 2];
        Count = 0;
        IsComplete = true;
    }

    public int Count { get; private set; }

    /// <summary>False once a table could not be recorded: the list no longer holds them all.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Records a new table at <paramref name="level"/> (3 = PDPT, 2 = directory, 1 = page table) that covers <paramref name="address"/>.</summary>
    public void Add(ulong physicalAddress, int level, ulong address)
    {
        if (2 * Count == _words.Length)
        {
            IsComplete = false;
            return;
        }
        ulong span = 1UL << (12 + 9 * level);
        _words[2 * Count] = physicalAddress;
        _words[2 * Count + 1] = (address & ~(span - 1)) | (uint)level;
        Count++;
    }

    public ulong PhysicalOf(int index) => _words[2 * index];

    public int LevelOf(int index) => (int)(_words[2 * index + 1] & LevelMask);

    public ulong BaseOf(int index) => _words[2 * index + 1] & ~LevelMask;

    /// <summary>Forgets every table (they were freed): an empty, complete list.</summary>
    public void Clear()
    {
        Count = 0;
        IsComplete = true;
    }
}
