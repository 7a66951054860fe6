namespace CosmosHybrid.Memory.Paging;

/// <summary>
/// Where page tables live: the kernel gives frames reached through the direct map;
/// host tests give simulated memory.
/// </summary>
public unsafe interface IPageTableMemory
{
    /// <summary>A zeroed 4 KiB frame for a new table, or false when memory is exhausted.</summary>
    bool TryAllocateTable(out ulong physicalAddress);

    void FreeTable(ulong physicalAddress);

    /// <summary>The 512 entries of the table at <paramref name="physicalAddress"/>.</summary>
    ulong* Table(ulong physicalAddress);

    /// <summary>
    /// Non-zero when every table is at its physical address plus this offset (a direct map):
    /// <see cref="PageTables"/> then walks with an addition instead of a <see cref="Table"/> call per level.
    /// </summary>
    ulong TableOffset { get; }
}
