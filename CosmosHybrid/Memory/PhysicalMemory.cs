using CosmosHybrid.Boot.Multiboot2;

namespace CosmosHybrid.Memory;

/// <summary>
/// Builds the frame allocator from the firmware memory map: what is available,
/// minus everything already in use when the kernel starts (the first megabyte, the
/// kernel image, the boot information and the boot modules), limited to what the
/// direct map reaches.
/// </summary>
internal static unsafe class PhysicalMemory
{
    private const int MaxRanges = 256;
    private const ulong LowMemoryEnd = 1UL << 20;

    /// <summary>Bytes the firmware reports as available RAM (before anything is reserved).</summary>
    public static ulong InstalledBytes { get; private set; }

    /// <summary>Available RAM the direct map does not reach yet, so it is left unused.</summary>
    public static ulong UnreachableBytes { get; private set; }

    /// <summary>The kernel image's bytes (outside the frame allocator).</summary>
    public static ulong KernelImageBytes { get; private set; }

    /// <summary>The boot modules' bytes as GRUB loaded them (outside the frame allocator).</summary>
    public static ulong BootModuleBytes { get; private set; }

    public static bool Initialize(BootInformation boot, MemoryRange bootInformation, MemoryRange kernelImage)
    {
        MemoryRangeSet usable = new MemoryRangeSet(MaxRanges);
        for (int i = 0; i < boot.MemoryRegionCount; i++)
        {
            MemoryRegion region = boot.GetMemoryRegion(i);
            if (region.Type != MemoryRegionType.Available)
                continue;
            MemoryRange range = MemoryRange.FromBaseAndLength(region.BaseAddress, region.Length);
            InstalledBytes += range.Length;
            usable.Add(range.ShrinkToPages(FrameAllocator.FrameSize));
        }

        ulong beforeLimit = usable.TotalLength;
        usable.Remove(new MemoryRange(AddressSpaceLayout.DirectMapSize, ulong.MaxValue));
        UnreachableBytes = beforeLimit - usable.TotalLength;

        usable.Remove(new MemoryRange(0, LowMemoryEnd));
        usable.Remove(kernelImage);
        KernelImageBytes = kernelImage.Length;
        usable.Remove(bootInformation);
        for (int i = 0; i < boot.ModuleCount; i++)
        {
            BootModule module = boot.GetModule(i);
            usable.Remove(new MemoryRange(module.Start, module.End));
            BootModuleBytes += module.End - module.Start;
        }

        if (usable.Count == 0)
            return false;

        ulong frameCount = usable[usable.Count - 1].End / FrameAllocator.FrameSize;
        ulong bitmapBytes = (FrameAllocator.BitmapBytes(frameCount) + FrameAllocator.FrameSize - 1) & ~(FrameAllocator.FrameSize - 1);
        if (!TryCarve(usable, bitmapBytes, out ulong bitmapPhysical))
            return false;

        FrameAllocator frames = new FrameAllocator((ulong*)AddressSpaceLayout.PhysicalToVirtual(bitmapPhysical), frameCount);
        for (int i = 0; i < usable.Count; i++)
            frames.AddFreeRange(usable[i]);

        KernelPages.UseFrameAllocator(frames);
        return true;
    }

    // Takes the bitmap's own memory from the first range large enough.
    private static bool TryCarve(MemoryRangeSet usable, ulong bytes, out ulong physical)
    {
        for (int i = 0; i < usable.Count; i++)
        {
            if (usable[i].Length >= bytes)
            {
                physical = usable[i].Start;
                usable.Remove(new MemoryRange(physical, physical + bytes));
                return true;
            }
        }
        physical = 0;
        return false;
    }
}
