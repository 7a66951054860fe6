using CosmosHybrid.Arch.X64;
using CosmosHybrid.Memory.Paging;

namespace CosmosHybrid.Memory;

/// <summary>
/// Kernel stacks for threads, in their own region of the kernel half. Each slot is
/// 64 KiB of address space: the top 32 KiB are mapped, the rest stays unmapped as a
/// guard, so a stack overflow is a page fault (reported through the double-fault
/// stack) instead of silent corruption of a neighbour. A few freed stacks stay mapped
/// for the next threads (kernel stacks hold nothing ring 3 can read).
/// </summary>
internal static unsafe class KernelStacks
{
    public const ulong RegionBase = 0xFFFF_C000_0000_0000;
    public const ulong SlotSize = 64 * 1024;
    public const ulong StackSize = 32 * 1024;
    public const int MaxStacks = 4096;

    // Stacks freed lately stay mapped, up to this many, for the next threads: a thread's start and
    // end then cost no page-table walks, frames or TLB invalidations (spawn + exit cycles).
    private const int KeptMapped = 8;

    private static int[] s_freeSlots;
    private static int s_freeCount;
    private static readonly ulong[] s_mappedTops = new ulong[KeptMapped];
    private static int s_mappedCount;

    /// <summary>Frames held by freed stacks kept mapped for reuse (what a count of free frames should add back).</summary>
    public static ulong KeptFrames => (ulong)s_mappedCount * (StackSize / PageTables.PageSize);

    public static void Initialize()
    {
        s_freeSlots = new int[MaxStacks];
        for (int i = 0; i < MaxStacks; i++)
            s_freeSlots[i] = MaxStacks - 1 - i;
        s_freeCount = MaxStacks;
    }

    /// <summary>Maps a new stack; returns its top (initial stack pointer), or 0 when out of slots or memory.</summary>
    public static ulong Allocate()
    {
        // Interrupts off: the free slots and the kernel's page tables are shared by every thread that
        // creates or ends a thread, and kernel code is preemptible.
        using (InterruptsOff.Enter())
        {
            if (s_mappedCount > 0)
                return s_mappedTops[--s_mappedCount];
            if (s_freeCount == 0)
                return 0;
            int slot = s_freeSlots[--s_freeCount];
            ulong top = RegionBase + (ulong)(slot + 1) * SlotSize;
            for (ulong page = top - StackSize; page < top; page += PageTables.PageSize)
            {
                if (!KernelPages.TryAllocateFrame(out ulong frame)
                    || !KernelAddressSpace.Tables.Map(page, frame, PageFlags.Writable | PageFlags.NoExecute | PageFlags.Global))
                {
                    Release(top, page);
                    return 0;
                }
            }
            return top;
        }
    }

    public static void Free(ulong top)
    {
        using (InterruptsOff.Enter())
        {
            if (s_mappedCount < KeptMapped)
                s_mappedTops[s_mappedCount++] = top;
            else
                Release(top, top);
        }
    }

    /// <summary>True for the top of a stack this allocator made (the boot thread's stack is not one).</summary>
    public static bool IsAllocatedStack(ulong top) => top > RegionBase && top <= RegionBase + MaxStacks * SlotSize;

    /// <summary>Whether <paramref name="address"/> lies in some slot's unmapped guard area.</summary>
    public static bool IsGuardPage(ulong address)
    {
        if (address < RegionBase || address >= RegionBase + MaxStacks * SlotSize)
            return false;
        return (address - RegionBase) % SlotSize < SlotSize - StackSize;
    }

    // Unmaps and frees the pages of the stack below `top` from its bottom up to `mappedEnd`, and frees the slot.
    private static void Release(ulong top, ulong mappedEnd)
    {
        for (ulong page = top - StackSize; page < mappedEnd; page += PageTables.PageSize)
        {
            ulong entry = KernelAddressSpace.Tables.Unmap(page);
            Cpu.InvalidatePage(page);
            if (PageTableEntry.IsPresent(entry))
                KernelPages.FreeFrames(PageTableEntry.AddressOf(entry));
        }
        s_freeSlots[s_freeCount++] = (int)((top - RegionBase) / SlotSize) - 1;
    }
}
