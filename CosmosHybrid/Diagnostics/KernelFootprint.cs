using CosmosHybrid.Memory;
using CosmosHybrid.Processes;
using Internal.Runtime.GC;

namespace CosmosHybrid.Diagnostics;

/// <summary>
/// The memory the kernel itself holds: its image, the boot modules as GRUB loaded them, and every
/// allocated frame that is not a page mapped into a process (the heap, page tables, kernel stacks,
/// the RAM disk's copies, the frame bitmap).
/// </summary>
internal readonly struct KernelFootprint
{
    public ulong ImageBytes { get; init; }
    public ulong BootModuleBytes { get; init; }
    public ulong HeapBytes { get; init; }
    /// <summary>Allocated frames besides the heap and the processes' pages.</summary>
    public ulong OtherBytes { get; init; }
    /// <summary>Pages mapped into processes (not part of the footprint).</summary>
    public ulong ProcessBytes { get; init; }

    public ulong TotalBytes => ImageBytes + BootModuleBytes + HeapBytes + OtherBytes;

    public static KernelFootprint Measure()
    {
        ulong processPages = 0;
        for (int i = 0; i < ProcessTable.Count; i++)
        {
            Process process = ProcessTable.Get(i);
            if (process.AddressSpace != null)
                processPages += process.AddressSpace.MappedPages;
        }
        ulong used = KernelPages.Frames.UsedFrames * KernelPages.PageSize;
        ulong processes = processPages * KernelPages.PageSize;
        ulong heap = (ulong)GCHeap.SegmentBytes;
        ulong kernelFrames = used > processes ? used - processes : 0;
        return new KernelFootprint
        {
            ImageBytes = PhysicalMemory.KernelImageBytes,
            BootModuleBytes = PhysicalMemory.BootModuleBytes,
            HeapBytes = heap,
            OtherBytes = kernelFrames > heap ? kernelFrames - heap : 0,
            ProcessBytes = processes,
        };
    }
}
