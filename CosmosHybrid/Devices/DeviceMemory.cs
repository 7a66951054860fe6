using CosmosHybrid.Arch.X64;
using CosmosHybrid.Console;
using CosmosHybrid.Memory;
using CosmosHybrid.Memory.Paging;
using CosmosHybrid.Processes;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Devices;

/// <summary>
/// A device's memory in its driver's address space: its regions (registers uncached, the
/// framebuffer write-combining where the PAT allows) and DMA buffers (contiguous, pinned,
/// zeroed frames whose physical address the driver hands the device). Both are mapped as
/// borrowed pages, so the address space never frees them: <see cref="ReleaseAll"/> does,
/// after the device has stopped mastering the bus. Call with interrupts off.
/// </summary>
internal static unsafe class DeviceMemory
{
    public const ulong PageSize = FrameAllocator.FrameSize;

    /// <summary>The largest single DMA buffer.</summary>
    public const ulong MaxDmaBytes = 4UL << 20;

    /// <summary>What one device's driver may hold in DMA buffers at once.</summary>
    public const ulong MaxDmaBytesPerDevice = 32UL << 20;

    /// <summary>The largest alignment a DMA buffer can ask for.</summary>
    public const ulong MaxDmaAlignment = 2UL << 20;

    /// <summary>A region larger than this is not mapped (no BAR a driver needs whole is).</summary>
    private const ulong MaxRegionBytes = 256UL << 20;

    private const ulong FourGiB = 4UL << 30;

    /// <summary>Maps region <paramref name="index"/> into <paramref name="owner"/>; returns the address of its first byte.</summary>
    public static long MapRegion(Device device, Process owner, long index, out SyscallError error)
    {
        error = SyscallError.None;
        DeviceRegion region = device.GetRegion(index);
        if (!region.IsMemory || region.Size > MaxRegionBytes)
        {
            error = SyscallError.InvalidArgument;
            return 0;
        }
        ulong first = region.Address & ~(PageSize - 1);
        ulong offset = region.Address - first;
        if (device.MappedAt[index] != 0)
            return (long)(device.MappedAt[index] + offset);

        ulong pages = (offset + region.Size + PageSize - 1) / PageSize;
        UserAddressSpace space = owner.AddressSpace;
        ulong start = space.ReserveBorrowed(pages);
        if (start == 0)
        {
            error = SyscallError.OutOfMemory;
            return 0;
        }
        bool writeCombining = region.WriteCombining && PageAttributes.HasWriteCombining;
        PageFlags cache = writeCombining ? PageAttributes.WriteCombining : PageAttributes.Uncached;
        for (ulong page = 0; page < pages; page++)
        {
            if (!space.MapDevicePage(start + page * PageSize, first + page * PageSize, cache, registers: true))
            {
                space.UnmapBorrowed(start, page);
                error = SyscallError.OutOfMemory;
                return 0;
            }
        }
        device.Pci?.EnableMemorySpace();
        device.MappedAt[index] = start;
        device.Mapping[index] = writeCombining ? DeviceMapping.WriteCombining : DeviceMapping.Uncached;
        // The screen is the owner's now: the kernel stops drawing its console there.
        if (device.Kind == DeviceKind.Framebuffer)
            SystemConsole.HandOverScreen();
        return (long)(start + offset);
    }

    /// <summary>
    /// A DMA buffer of <paramref name="bytes"/> (rounded up to pages), aligned to
    /// <paramref name="alignment"/> (0: a page), mapped into <paramref name="owner"/>; returns its
    /// address and the physical one in <paramref name="physical"/>.
    /// </summary>
    public static long AllocateDma(Device device, Process owner, ulong bytes, ulong alignment, DmaFlags flags, out ulong physical, out SyscallError error)
    {
        physical = 0;
        error = SyscallError.InvalidArgument;
        if (bytes == 0 || bytes > MaxDmaBytes || (flags & ~DmaFlags.Below4GiB) != 0)
            return 0;
        if (alignment == 0)
            alignment = PageSize;
        if ((alignment & (alignment - 1)) != 0 || alignment > MaxDmaAlignment)
            return 0;
        if (alignment < PageSize)
            alignment = PageSize;     // a page start is aligned to anything smaller

        error = SyscallError.OutOfMemory;
        ulong pages = (bytes + PageSize - 1) / PageSize;
        FrameAllocator frames = KernelPages.Frames;
        // The quota: per device, and never the last eighth of memory, which the kernel keeps.
        if ((device.DmaPages + pages) * PageSize > MaxDmaBytesPerDevice || frames.FreeFrames < pages + frames.UsableFrames / 8)
            return 0;
        // The kernel reaches frames through the direct map, which ends at 4 GiB: every buffer
        // lies below it, so Below4GiB is always met here.
        if (!KernelPages.TryAllocateFrames(pages, alignment, FourGiB, out physical))
            return 0;
        System.SpanHelpers.Clear((byte*)AddressSpaceLayout.PhysicalToVirtual(physical), (nuint)(pages * PageSize));

        UserAddressSpace space = owner.AddressSpace;
        ulong start = space.ReserveBorrowed(pages);
        ulong mapped = 0;
        if (start != 0)
        {
            while (mapped < pages && space.MapDevicePage(start + mapped * PageSize, physical + mapped * PageSize, PageFlags.None, registers: false))
                mapped++;
        }
        if (start == 0 || mapped < pages)
        {
            if (start != 0)
                space.UnmapBorrowed(start, mapped);
            frames.Free(physical, pages);
            return 0;
        }
        device.DmaBuffers = new DmaBuffer(start, physical, pages, device.DmaBuffers);
        device.DmaPages += pages;
        error = SyscallError.None;
        return (long)start;
    }

    /// <summary>
    /// Takes back everything mapped into <paramref name="owner"/> for <paramref name="device"/>
    /// and frees its DMA frames. The device must no longer master the bus.
    /// </summary>
    public static void ReleaseAll(Device device, Process owner)
    {
        UserAddressSpace space = owner?.AddressSpace;
        for (int i = 0; i < Device.RegionCount; i++)
        {
            if (device.MappedAt[i] == 0)
                continue;
            DeviceRegion region = device.GetRegion(i);
            ulong offset = region.Address & (PageSize - 1);
            space?.UnmapBorrowed(device.MappedAt[i], (offset + region.Size + PageSize - 1) / PageSize);
            device.MappedAt[i] = 0;
            device.Mapping[i] = DeviceMapping.NotMapped;
        }
        for (DmaBuffer buffer = device.DmaBuffers; buffer != null; buffer = buffer.Next)
        {
            space?.UnmapBorrowed(buffer.UserAddress, buffer.Pages);
            KernelPages.FreeFrames(buffer.PhysicalAddress, buffer.Pages);
        }
        device.DmaBuffers = null;
        device.DmaPages = 0;
    }
}
