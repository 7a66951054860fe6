namespace CosmosHybrid.Memory.Paging;

/// <summary>
/// The leaf entries of consecutive pages, walked to once per page table: the next page's entry
/// is the one after the last, until a page table ends. For filling an address space that no
/// thread runs in yet (the program loader): nothing else may change its tables meanwhile.
/// </summary>
public unsafe struct LeafCursor
{
    private readonly PageTables _tables;
    private ulong _nextPage;
    private ulong* _next;

    public LeafCursor(PageTables tables)
    {
        _tables = tables;
        _nextPage = 0;
        _next = null;
    }

    /// <summary>The leaf entry of <paramref name="page"/> (page-aligned), creating the tables above it; null when a table could not be allocated.</summary>
    public ulong* EntryOf(ulong page)
    {
        bool sameTable = _next != null && page == _nextPage && (page & (PageTables.LargePageSize - 1)) != 0;
        ulong* entry = sameTable ? _next : _tables.LeafEntry(page);
        if (entry != null)
        {
            _next = entry + 1;
            _nextPage = page + PageTables.PageSize;
        }
        return entry;
    }
}
