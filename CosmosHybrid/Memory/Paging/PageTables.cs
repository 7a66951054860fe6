using System.Runtime.CompilerServices;

namespace CosmosHybrid.Memory.Paging;

/// <summary>
/// One four-level page-table hierarchy, rooted at a PML4 frame. Maps and unmaps
/// 4 KiB pages, creating and (on <see cref="FreeUserTables"/>) releasing the
/// intermediate tables. Intermediate entries are created permissive (writable, and
/// user-accessible below the kernel half) so the leaf entry alone decides access.
/// </summary>
public sealed unsafe class PageTables
{
    public const ulong PageSize = 4096;
    public const ulong LargePageSize = 2UL << 20;

    /// <summary>PML4 slots 256–511 map the kernel half, shared by every address space.</summary>
    public const int FirstKernelSlot = 256;

    /// <summary>How many user-half tables a hierarchy remembers (<see cref="UserTableRecords"/>): a small process's all.</summary>
    public const int MaxRecordedUserTables = 64;

    private readonly IPageTableMemory _memory;
    private readonly ulong _tableOffset;   // the memory's TableOffset, read once
    private UserTableRecords _userTables;

    public PageTables(IPageTableMemory memory, ulong rootPhysical)
    {
        _memory = memory;
        _tableOffset = memory.TableOffset;
        RootPhysical = rootPhysical;
        _userTables = new UserTableRecords(MaxRecordedUserTables);
    }

    public ulong RootPhysical { get; }

    /// <summary>Creates an empty hierarchy whose kernel half is copied from <paramref name="kernel"/> (or empty).</summary>
    public static PageTables Create(IPageTableMemory memory, PageTables kernel)
    {
        if (!memory.TryAllocateTable(out ulong root))
            return null;
        if (kernel != null)
        {
            ulong* source = memory.Table(kernel.RootPhysical) + FirstKernelSlot;
            ulong* destination = memory.Table(root) + FirstKernelSlot;
            const int KernelSlots = PageTableEntry.EntriesPerTable - FirstKernelSlot;
            new System.ReadOnlySpan<ulong>(source, KernelSlots).CopyTo(new System.Span<ulong>(destination, KernelSlots));
        }
        return new PageTables(memory, root);
    }

    /// <summary>Maps one 4 KiB page; false when a table could not be allocated or a large page is in the way.</summary>
    public bool Map(ulong virtualAddress, ulong physicalAddress, PageFlags flags)
    {
        ulong* entry = WalkToLeaf(virtualAddress, create: true);
        if (entry == null)
            return false;
        *entry = PageTableEntry.Make(physicalAddress, flags | PageFlags.Present);
        return true;
    }

    /// <summary>
    /// The leaf entry of <paramref name="virtualAddress"/>, creating the tables above it; null when a
    /// table could not be allocated or a large page covers the address. For a caller that looks at the
    /// entry and then fills it (the demand-zero fault: one walk, not a lookup and then a map).
    /// </summary>
    public ulong* LeafEntry(ulong virtualAddress) => WalkToLeaf(virtualAddress, create: true);

    /// <summary>Maps one 2 MiB page in a page directory (kernel use: the direct map).</summary>
    public bool MapLarge(ulong virtualAddress, ulong physicalAddress, PageFlags flags)
    {
        ulong* directory = WalkToTable(virtualAddress, 2, create: true);
        if (directory == null)
            return false;
        directory[PageTableEntry.Index(virtualAddress, 2)] = PageTableEntry.Make(physicalAddress, flags | PageFlags.Present | PageFlags.Huge);
        return true;
    }

    /// <summary>Removes a 4 KiB mapping; returns the entry it held (0 if none).</summary>
    public ulong Unmap(ulong virtualAddress)
    {
        ulong* entry = WalkToLeaf(virtualAddress, create: false);
        if (entry == null)
            return 0;
        ulong old = *entry;
        *entry = 0;
        return old;
    }

    /// <summary>The leaf entry for <paramref name="virtualAddress"/> (4 KiB or large), or 0 when unmapped.</summary>
    public ulong Lookup(ulong virtualAddress)
    {
        if (!PageTableEntry.IsCanonical(virtualAddress))
            return 0;
        // With a direct map (the kernel's tables) the offset is tested once here, not at every level.
        ulong offset = _tableOffset;
        return offset != 0 ? Walk(virtualAddress, offset) : Walk(virtualAddress, 0);
    }

    // Lookup's walk, one step per level, written out: a loop's level tests and shift counts cost more than the
    // walk itself (every read into a user buffer walks once). Inlined twice: with the direct map's offset, and
    // with 0 for memory that maps tables otherwise (the host's tests).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Walk(ulong virtualAddress, ulong offset)
    {
        ulong entry = Step(RootPhysical, virtualAddress, 39, offset);
        if (!PageTableEntry.IsPresent(entry))
            return 0;
        entry = Step(PageTableEntry.AddressOf(entry), virtualAddress, 30, offset);
        if (!PageTableEntry.IsPresent(entry))
            return 0;
        if (PageTableEntry.IsHuge(entry))
            return entry;   // 1 GiB
        entry = Step(PageTableEntry.AddressOf(entry), virtualAddress, 21, offset);
        if (!PageTableEntry.IsPresent(entry))
            return 0;
        if (PageTableEntry.IsHuge(entry))
            return entry;   // 2 MiB
        entry = Step(PageTableEntry.AddressOf(entry), virtualAddress, 12, offset);
        return PageTableEntry.IsPresent(entry) ? entry : 0;
    }

    // The entry of the table at tablePhysical that covers virtualAddress at the level whose index starts at bit 'shift'.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Step(ulong tablePhysical, ulong virtualAddress, int shift, ulong offset)
    {
        ulong* table = offset != 0 ? (ulong*)(tablePhysical + offset) : _memory.Table(tablePhysical);
        return table[(virtualAddress >> shift) & 0x1FF];   // a ulong index: no sign extension
    }

    /// <summary>
    /// Frees every table below the user half of the PML4 (not the pages they map, which
    /// the owner frees) and clears those slots. The kernel half is shared and left alone.
    /// </summary>
    public void FreeUserTables()
    {
        ulong* root = TableAt(RootPhysical);
        if (_userTables.IsComplete)
        {
            // Every user table is on record: free them without walking the tree's 512-entry tables.
            for (int i = 0; i < _userTables.Count; i++)
                _memory.FreeTable(_userTables.PhysicalOf(i));
            for (int i = 0; i < FirstKernelSlot; i++)
                root[i] = 0;
        }
        else
        {
            for (int i = 0; i < FirstKernelSlot; i++)
            {
                if (PageTableEntry.IsPresent(root[i]))
                    FreeTableTree(PageTableEntry.AddressOf(root[i]), 3);
                root[i] = 0;
            }
        }
        _userTables.Clear();
    }

    /// <summary>Frees the root too, after <see cref="FreeUserTables"/>.</summary>
    public void FreeRoot() => _memory.FreeTable(RootPhysical);

    /// <summary>Calls <paramref name="visit"/> for every present 4 KiB user mapping (to free what they map).</summary>
    public void ForEachUserPage(delegate*<ulong, ulong, void> visit)
    {
        if (_userTables.IsComplete)
        {
            // Only the page tables can hold 4 KiB mappings: visit those on record, in the order they were made.
            for (int i = 0; i < _userTables.Count; i++)
            {
                if (_userTables.LevelOf(i) == 1)
                    VisitPageTable(TableAt(_userTables.PhysicalOf(i)), _userTables.BaseOf(i), visit);
            }
            return;
        }
        ulong* root = TableAt(RootPhysical);
        for (int i4 = 0; i4 < FirstKernelSlot; i4++)
        {
            if (!PageTableEntry.IsPresent(root[i4]))
                continue;
            ulong* pdpt = TableAt(PageTableEntry.AddressOf(root[i4]));
            for (int i3 = 0; i3 < PageTableEntry.EntriesPerTable; i3++)
            {
                if (!PageTableEntry.IsPresent(pdpt[i3]) || PageTableEntry.IsHuge(pdpt[i3]))
                    continue;
                ulong* directory = TableAt(PageTableEntry.AddressOf(pdpt[i3]));
                for (int i2 = 0; i2 < PageTableEntry.EntriesPerTable; i2++)
                {
                    if (!PageTableEntry.IsPresent(directory[i2]) || PageTableEntry.IsHuge(directory[i2]))
                        continue;
                    ulong tableBase = (ulong)i4 << 39 | (ulong)i3 << 30 | (ulong)i2 << 21;
                    VisitPageTable(TableAt(PageTableEntry.AddressOf(directory[i2])), tableBase, visit);
                }
            }
        }
    }

    // The present entries of one page table, whose first entry maps tableBase. Four entries are
    // tested at once: a process's tables are mostly empty, and an empty entry is zero.
    private static void VisitPageTable(ulong* table, ulong tableBase, delegate*<ulong, ulong, void> visit)
    {
        for (int i = 0; i < PageTableEntry.EntriesPerTable; i += 4)
        {
            if ((table[i] | table[i + 1] | table[i + 2] | table[i + 3]) == 0)
                continue;
            for (int i1 = i; i1 < i + 4; i1++)
            {
                if (PageTableEntry.IsPresent(table[i1]))
                    visit(tableBase | (ulong)i1 << 12, table[i1]);
            }
        }
    }

    private ulong* WalkToLeaf(ulong virtualAddress, bool create)
    {
        ulong* table = WalkToTable(virtualAddress, 1, create);
        return table == null ? null : &table[PageTableEntry.Index(virtualAddress, 1)];
    }

    // Returns the table at targetLevel (3 = PDPT, 2 = page directory, 1 = page table) that covers the address.
    private ulong* WalkToTable(ulong virtualAddress, int targetLevel, bool create)
    {
        if (!PageTableEntry.IsCanonical(virtualAddress))
            return null;
        ulong* table = TableAt(RootPhysical);
        bool user = virtualAddress < 0x0000_8000_0000_0000;
        for (int level = 4; level > targetLevel; level--)
        {
            ulong* entry = &table[PageTableEntry.Index(virtualAddress, level)];
            if (!PageTableEntry.IsPresent(*entry))
            {
                if (!create || !_memory.TryAllocateTable(out ulong newTable))
                    return null;
                PageFlags flags = PageFlags.Present | PageFlags.Writable | (user ? PageFlags.User : PageFlags.None);
                *entry = PageTableEntry.Make(newTable, flags);
                if (user)
                    _userTables.Add(newTable, level - 1, virtualAddress);
            }
            else if (PageTableEntry.IsHuge(*entry))
            {
                return null;
            }
            table = TableAt(PageTableEntry.AddressOf(*entry));
        }
        return table;
    }

    // The walks' step from an entry to its table: an addition with a direct map, else an interface call.
    private ulong* TableAt(ulong physicalAddress) =>
        _tableOffset != 0 ? (ulong*)(physicalAddress + _tableOffset) : _memory.Table(physicalAddress);

    private void FreeTableTree(ulong tablePhysical, int level)
    {
        if (level > 1)
        {
            ulong* table = TableAt(tablePhysical);
            for (int i = 0; i < PageTableEntry.EntriesPerTable; i++)
            {
                if (PageTableEntry.IsPresent(table[i]) && !PageTableEntry.IsHuge(table[i]))
                    FreeTableTree(PageTableEntry.AddressOf(table[i]), level - 1);
            }
        }
        _memory.FreeTable(tablePhysical);
    }
}
