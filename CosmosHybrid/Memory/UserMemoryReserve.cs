namespace CosmosHybrid.Memory;

/// <summary>
/// Frames ring-3 programs may not take. A program that touches more memory than there is
/// fails (its fault is reported as out of memory, its MapMemory call refused) while this
/// much is still free, so the kernel can go on: its heap can grow, the report be written,
/// page tables and other processes' kernel objects be made, and the hog be cleaned up.
/// </summary>
public static class UserMemoryReserve
{
    /// <summary>8 MiB of 4 KiB frames: several kernel-heap segments and the tables of a few spawns.</summary>
    public const ulong Frames = 2048;

    /// <summary>True when a program may take <paramref name="pages"/> more frames with <paramref name="freeFrames"/> free.</summary>
    public static bool MayTake(ulong freeFrames, ulong pages) => pages <= freeFrames && freeFrames - pages >= Frames;

    /// <summary>
    /// True when the kernel may buffer <paramref name="bytes"/> more of a message nobody has received
    /// yet, with <paramref name="freeFrames"/> of <paramref name="usableFrames"/> free. Buffered bytes
    /// live in the kernel heap, which grows by taking frames and keeps them; so unreceived messages
    /// may not take the last quarter of memory: several port floods at once made the kernel run
    /// out and panic, and after they end programs can still be started.
    /// </summary>
    public static bool MayBuffer(ulong freeFrames, ulong usableFrames, ulong bytes)
    {
        ulong floor = usableFrames / 4 > Frames ? usableFrames / 4 : Frames;
        ulong pages = bytes / FrameBytes + (bytes % FrameBytes != 0 ? 1UL : 0UL);
        return pages <= freeFrames && freeFrames - pages >= floor;
    }

    private const ulong FrameBytes = 4096;
}
