using System.Runtime.InteropServices;
using CosmosHybrid.Arch.X64;

namespace CosmosHybrid.Memory.Paging;

/// <summary>
/// The kernel half of every address space, built to replace the boot stub's tables:
/// the kernel image mapped page by page with its sections' rights (code read-only and
/// executable, read-only data, and writable data that cannot be executed), and the
/// direct map of physical memory, writable but never executable. All of it is global,
/// so it stays in the TLB across address-space switches. Every kernel PML4 slot gets
/// its PDPT now, so later kernel mappings appear in all address spaces at once.
/// </summary>
internal static unsafe class KernelAddressSpace
{
    private const ulong Cr4GlobalPages = 1UL << 7;
    private const ulong Cr4Pcid = 1UL << 17;
    private const ulong Cr4Smep = 1UL << 20;
    private const ulong Cr4Smap = 1UL << 21;

    [StructLayout(LayoutKind.Sequential)]
    private struct KernelSections
    {
        public ulong TextStart, TextEnd, ReadOnlyStart, ReadOnlyEnd, DataStart, DataEnd;
    }

    [DllImport("*", EntryPoint = "boot_kernel_sections"), SuppressGCTransition]
    private static extern void GetKernelSections(KernelSections* sections);

    [DllImport("*", EntryPoint = "cpu_write_cr4"), SuppressGCTransition]
    private static extern void WriteCr4(ulong value);

    public static PageTables Tables { get; private set; }

    public static IPageTableMemory Memory { get; private set; }

    public static bool Initialize()
    {
        Memory = new KernelPageTableMemory();
        PageTables tables = PageTables.Create(Memory, null);
        if (tables == null || !ReserveKernelSlots(tables))
            return false;

        PageFlags global = CpuFeatures.GlobalPages ? PageFlags.Global : PageFlags.None;
        PageFlags noExecute = CpuFeatures.NoExecute ? PageFlags.NoExecute : PageFlags.None;

        KernelSections sections;
        GetKernelSections(&sections);
        bool mapped = MapImageRange(tables, sections.TextStart, sections.TextEnd, global)
            && MapImageRange(tables, sections.ReadOnlyStart, sections.ReadOnlyEnd, global | noExecute)
            && MapImageRange(tables, sections.DataStart, sections.DataEnd, global | noExecute | PageFlags.Writable);

        for (ulong physical = 0; mapped && physical < AddressSpaceLayout.DirectMapSize; physical += PageTables.LargePageSize)
            mapped = tables.MapLarge(AddressSpaceLayout.DirectMapBase + physical, physical, PageFlags.Writable | global | noExecute);
        if (!mapped)
            return false;

        ulong cr4 = Cpu.ReadCr4();
        if (CpuFeatures.GlobalPages)
            cr4 |= Cr4GlobalPages;
        if (CpuFeatures.Smep)
            cr4 |= Cr4Smep;
        if (CpuFeatures.Smap)
            cr4 |= Cr4Smap;
        // PCIDs rely on the kernel's mappings being global (AddressSpaceTags); CR3 holds PCID 0 now, as setting PCIDE requires.
        bool pcids = CpuFeatures.Pcid && CpuFeatures.GlobalPages && !Boot.BootOptions.NoPcid;
        if (pcids)
            cr4 |= Cr4Pcid;
        Cpu.WriteCr3(tables.RootPhysical);
        WriteCr4(cr4);
        Tables = tables;
        return AddressSpaceTags.Initialize(tables.RootPhysical, pcids);
    }

    private static bool ReserveKernelSlots(PageTables tables)
    {
        ulong* root = Memory.Table(tables.RootPhysical);
        for (int slot = PageTables.FirstKernelSlot; slot < PageTableEntry.EntriesPerTable; slot++)
        {
            if (!Memory.TryAllocateTable(out ulong pdpt))
                return false;
            root[slot] = PageTableEntry.Make(pdpt, PageFlags.Present | PageFlags.Writable);
        }
        return true;
    }

    // Maps [start, end) of the kernel window onto the physical pages it was loaded at.
    private static bool MapImageRange(PageTables tables, ulong start, ulong end, PageFlags flags)
    {
        for (ulong page = start & ~(PageTables.PageSize - 1); page < end; page += PageTables.PageSize)
        {
            if (!tables.Map(page, page - AddressSpaceLayout.KernelBase, flags))
                return false;
        }
        return true;
    }
}
