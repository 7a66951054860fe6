using CosmosHybrid.Arch.X64;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CosmosHybrid.Memory;

/// <summary>
/// Page-granular kernel memory: the source of the runtime's heap and of kernel
/// tables. Until the frame allocator is set up, pages come from a small arena in
/// the kernel image; afterwards from physical frames, through the direct map.
/// Pages are returned zeroed.
/// </summary>
internal static unsafe class KernelPages
{
    public const ulong PageSize = FrameAllocator.FrameSize;

    [DllImport("*", EntryPoint = "boot_early_arena"), SuppressGCTransition]
    private static extern void GetEarlyArena(ulong* start, ulong* end);

    // Clears whole pages with vector stores (PageZero.asm): the demand-zero page fault's largest part.
    [DllImport("*", EntryPoint = "pages_zero"), SuppressGCTransition]
    private static extern void ZeroPages(void* pages, ulong count);

    private static ulong s_earlyNext;
    private static ulong s_earlyEnd;
    private static FrameAllocator s_frames;

    // The runtime asks for pages while it is still creating the static-field blocks,
    // s_frames' among them: this plain flag says whether s_frames may be read yet.
    private static bool s_framesReady;

    public static FrameAllocator Frames => s_frames;

    public static void UseFrameAllocator(FrameAllocator frames)
    {
        s_frames = frames;
        s_framesReady = true;
    }

    // The frame allocator is plain data: every frame the kernel takes or gives back goes through the methods
    // below, with interrupts off (the lock on one CPU). Kernel code is preemptible, so without it a system call
    // preempted inside the allocator's search lets the next thread take the same frame, and two owners then
    // write one page (a page table among them).

    /// <summary>Returns <paramref name="count"/> zeroed contiguous pages, or null when memory is exhausted.</summary>
    public static void* Allocate(ulong count)
    {
        byte* pages;
        using (InterruptsOff.Enter())
            pages = s_framesReady ? AllocateFrames(count) : AllocateEarly(count);
        if (pages != null)
            ZeroPages(pages, count);
        return pages;
    }

    /// <summary>
    /// Returns <paramref name="count"/> contiguous pages as they are, not zeroed (the caller overwrites
    /// them before anyone else sees them), or null when memory is exhausted. After boot only.
    /// </summary>
    public static void* AllocateUncleared(ulong count)
    {
        using (InterruptsOff.Enter())
            return AllocateFrames(count);
    }

    /// <summary>Returns pages from <see cref="Allocate"/>; early-arena pages are never returned.</summary>
    public static void Free(void* pages, ulong count)
    {
        ulong address = (ulong)pages;
        if (s_framesReady && AddressSpaceLayout.IsDirectMapped(address))
            FreeFrames(AddressSpaceLayout.VirtualToPhysical(address), count);
    }

    /// <summary>One frame, neither zeroed nor mapped (the caller maps it); false when memory is exhausted.</summary>
    public static bool TryAllocateFrame(out ulong physicalAddress)
    {
        using (InterruptsOff.Enter())
            return s_frames.TryAllocate(out physicalAddress);
    }

    /// <summary><see cref="FrameAllocator.TryAllocateContiguous(ulong, ulong, ulong, out ulong)"/> (DMA buffers), not zeroed.</summary>
    public static bool TryAllocateFrames(ulong count, ulong alignment, ulong limit, out ulong physicalAddress)
    {
        using (InterruptsOff.Enter())
            return s_frames.TryAllocateContiguous(count, alignment, limit, out physicalAddress);
    }

    /// <summary>Gives back frames taken by any of the methods above.</summary>
    public static void FreeFrames(ulong physicalAddress, ulong count = 1)
    {
        using (InterruptsOff.Enter())
            s_frames.Free(physicalAddress, count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte* AllocateFrames(ulong count) =>
        s_frames.TryAllocateContiguous(count, out ulong physical) ? (byte*)AddressSpaceLayout.PhysicalToVirtual(physical) : null;

    private static byte* AllocateEarly(ulong count)
    {
        if (s_earlyEnd == 0)
        {
            ulong start, end;
            GetEarlyArena(&start, &end);
            s_earlyNext = start;
            s_earlyEnd = end;
        }
        ulong bytes = count * PageSize;
        if (bytes > s_earlyEnd - s_earlyNext)
            return null;
        byte* pages = (byte*)s_earlyNext;
        s_earlyNext += bytes;
        return pages;
    }
}
