namespace CosmosHybrid.Memory;

/// <summary>
/// Where things sit in the kernel's half of every address space (set up by
/// Boot/Multiboot.asm): all physical memory below <see cref="DirectMapSize"/> at
/// <see cref="DirectMapBase"/>, and the kernel image at <see cref="KernelBase"/>.
/// </summary>
internal static class AddressSpaceLayout
{
    public const ulong DirectMapBase = 0xFFFF800000000000;
    public const ulong DirectMapSize = 4UL << 30;
    public const ulong KernelBase = 0xFFFFFFFF80000000;

    /// <summary>How much of the kernel window the boot page tables map (physical 0–2 GiB).</summary>
    public const ulong KernelImageWindow = 2UL << 30;

    public static unsafe void* PhysicalToVirtual(ulong physical) => (void*)(DirectMapBase + physical);

    public static ulong VirtualToPhysical(ulong directMapped) => directMapped - DirectMapBase;

    public static bool IsDirectMapped(ulong address) => address >= DirectMapBase && address - DirectMapBase < DirectMapSize;

    public static bool IsKernelImage(ulong address) => address >= KernelBase;
}
