using System.Runtime.CompilerServices;

namespace CosmosHybrid.Memory.Paging;

/// <summary>Bits of an x86-64 page-table entry (Intel SDM vol. 3, 4.5).</summary>
[System.Flags]
public enum PageFlags : ulong
{
    None = 0,
    Present = 1UL << 0,
    Writable = 1UL << 1,
    User = 1UL << 2,
    WriteThrough = 1UL << 3,
    CacheDisable = 1UL << 4,
    Accessed = 1UL << 5,
    Dirty = 1UL << 6,
    /// <summary>In a directory entry: maps a 2 MiB (PD) or 1 GiB (PDPT) page instead of pointing to a table.</summary>
    Huge = 1UL << 7,
    /// <summary>Kept in the TLB across address-space switches (kernel mappings).</summary>
    Global = 1UL << 8,
    NoExecute = 1UL << 63,
}

/// <summary>Helpers for page-table entries and the four index levels of a virtual address.</summary>
public static class PageTableEntry
{
    public const ulong AddressMask = 0x000F_FFFF_FFFF_F000;
    public const int EntriesPerTable = 512;

    public static ulong Make(ulong physicalAddress, PageFlags flags) => (physicalAddress & AddressMask) | (ulong)flags;

    public static ulong AddressOf(ulong entry) => entry & AddressMask;

    public static bool IsPresent(ulong entry) => (entry & (ulong)PageFlags.Present) != 0;

    public static bool IsHuge(ulong entry) => (entry & (ulong)PageFlags.Huge) != 0;

    public static PageFlags FlagsOf(ulong entry) => (PageFlags)(entry & ~AddressMask);

    /// <summary>Index into the table at <paramref name="level"/> (4 = PML4 … 1 = page table).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // with a constant level, a shift and a mask
    public static int Index(ulong virtualAddress, int level) => (int)((virtualAddress >> (12 + 9 * (level - 1))) & 0x1FF);

    /// <summary>True for addresses whose bits 63..47 are all equal (the only ones the CPU accepts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // every walk starts with it
    public static bool IsCanonical(ulong address)
    {
        ulong top = address >> 47;
        return top == 0 || top == 0x1FFFF;
    }
}
