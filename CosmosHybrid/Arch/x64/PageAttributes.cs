using CosmosHybrid.Memory.Paging;

namespace CosmosHybrid.Arch.X64;

/// <summary>
/// The page attribute table (PAT MSR): which memory type each combination of a page's
/// PWT, PCD and PAT bits selects. At reset entry 1 (PWT alone) is write-through; nothing
/// in the kernel uses it, so it becomes write-combining, the type a framebuffer wants
/// (writes are merged into bursts). Without a PAT there is no write-combining: such
/// mappings fall back to uncached.
/// </summary>
internal static class PageAttributes
{
    private const uint PatMsr = 0x277;
    private const ulong WriteCombiningType = 0x01;

    /// <summary>True once entry 1 selects write-combining.</summary>
    public static bool HasWriteCombining { get; private set; }

    public static void Initialize()
    {
        if (!CpuFeatures.Pat)
            return;
        ulong table = Cpu.ReadMsr(PatMsr);
        table = (table & ~(0xFFUL << 8)) | (WriteCombiningType << 8);
        Cpu.WriteMsr(PatMsr, table);
        HasWriteCombining = true;
    }

    /// <summary>Page bits for device registers: uncached (PCD and PWT: entry 3, UC).</summary>
    public const PageFlags Uncached = PageFlags.CacheDisable | PageFlags.WriteThrough;

    /// <summary>Page bits for a framebuffer: write-combining (entry 1), or uncached without a PAT.</summary>
    public static PageFlags WriteCombining => HasWriteCombining ? PageFlags.WriteThrough : Uncached;
}
