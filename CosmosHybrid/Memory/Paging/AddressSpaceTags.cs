namespace CosmosHybrid.Memory.Paging;

/// <summary>
/// The CR3 value each address space is switched to with, kept where switch_context
/// (ContextSwitch.asm) reads it: a thread's context points at its address space's slot.
/// With PCIDs on, a user space's slot holds its root and its id (see <see cref="AddressSpaceIds"/>);
/// switch_context sets the no-flush bit after the first load, so coming back to a space
/// keeps the TLB entries it left. Removing a mapping from a space that is not loaded
/// clears the bit (<see cref="MarkStale"/>), so its next load drops what is stale.
/// The kernel's mappings are global and unaffected either way. Slot 0 is the kernel's
/// own tables (PCID 0), used by kernel threads.
/// </summary>
internal static unsafe class AddressSpaceTags
{
    public const ulong NoFlushBit = 1UL << 63;
    private const ulong PcidMask = 0xFFF;

    private static AddressSpaceIds s_ids;
    private static ulong* s_slots;

    /// <summary>True when CR4.PCIDE is on and user spaces carry their own PCID.</summary>
    public static bool PcidsEnabled { get; private set; }

    public static ulong* KernelSlot => s_slots;

    public static bool Initialize(ulong kernelRoot, bool pcidsEnabled)
    {
        s_ids = new AddressSpaceIds(AddressSpaceIds.MaxCapacity);
        ulong bytes = (AddressSpaceIds.MaxCapacity + 1) * sizeof(ulong);
        s_slots = (ulong*)KernelPages.Allocate((nuint)((bytes + PageTables.PageSize - 1) / PageTables.PageSize));
        if (s_slots == null)
            return false;
        s_slots[0] = kernelRoot;
        PcidsEnabled = pcidsEnabled;
        return true;
    }

    /// <summary>An id for a new address space with root table <paramref name="root"/>; 0 when none is left.</summary>
    public static int Register(ulong root)
    {
        int id = s_ids.Allocate();
        // No no-flush bit yet: the first load drops whatever an earlier owner of this PCID left.
        if (id != 0)
            s_slots[id] = root | (PcidsEnabled ? (ulong)id : 0);
        return id;
    }

    public static void Unregister(int id)
    {
        s_slots[id] = 0;
        s_ids.Free(id);
    }

    public static ulong* SlotOf(int id) => s_slots + id;

    /// <summary>Whether space <paramref name="id"/>'s tables are the ones in CR3 now.</summary>
    public static bool IsLoaded(int id, ulong cr3) => (cr3 & ~(NoFlushBit | PcidMask)) == (s_slots[id] & ~(NoFlushBit | PcidMask));

    /// <summary>A mapping of space <paramref name="id"/> went away while another space was loaded.</summary>
    public static void MarkStale(int id) => s_slots[id] &= ~NoFlushBit;
}
