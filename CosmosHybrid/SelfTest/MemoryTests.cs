using CosmosHybrid.Memory;
using static CosmosHybrid.SelfTest.SelfTestRunner;

namespace CosmosHybrid.SelfTest;

/// <summary>Checks the live frame allocator and kernel pages against the real memory map.</summary>
internal static unsafe class MemoryTests
{
    public static void Run()
    {
        FrameRoundTrip();
        ContiguousFrames();
        KernelImageIsReserved();
        PagesAreZeroedAndWritable();
    }

    private static void FrameRoundTrip()
    {
        Begin("frame allocator round trip");
        FrameAllocator frames = KernelPages.Frames;
        ulong freeBefore = frames.FreeFrames;
        const int Count = 64;
        ulong* allocated = stackalloc ulong[Count];
        bool allOk = true;
        for (int i = 0; i < Count; i++)
            allOk &= frames.TryAllocate(out allocated[i]);
        Check(allOk, "64 single frames allocated");
        Equal((long)freeBefore - Count, (long)frames.FreeFrames, "free count drops by 64");

        bool distinct = true;
        for (int i = 0; i < Count; i++)
        {
            for (int j = i + 1; j < Count; j++)
                distinct &= allocated[i] != allocated[j];
        }
        Check(distinct, "frames are distinct");

        bool freed = true;
        for (int i = 0; i < Count; i++)
            freed &= frames.Free(allocated[i]);
        Check(freed, "frames freed");
        Check(!frames.Free(allocated[0]), "double free is refused");
        Equal((long)freeBefore, (long)frames.FreeFrames, "free count restored");
    }

    private static void ContiguousFrames()
    {
        Begin("contiguous frames");
        FrameAllocator frames = KernelPages.Frames;
        Check(frames.TryAllocateContiguous(16, out ulong run), "16 contiguous frames");
        Equal(0, (long)(run % FrameAllocator.FrameSize), "page aligned");
        bool allMarked = true;
        for (ulong i = 0; i < 16; i++)
            allMarked &= frames.IsAllocated(run + i * FrameAllocator.FrameSize);
        Check(allMarked, "every frame of the run is marked");
        Check(frames.Free(run, 16), "run freed");
    }

    private static void KernelImageIsReserved()
    {
        Begin("reserved memory");
        FrameAllocator frames = KernelPages.Frames;
        Check(frames.IsAllocated(0), "frame 0 (real-mode area) is never free");
        Check(frames.IsAllocated(0x100000), "the kernel image at 1 MiB is never free");
    }

    private static void PagesAreZeroedAndWritable()
    {
        Begin("kernel pages");
        ulong* page = (ulong*)KernelPages.Allocate(2);
        Check(page != null, "two pages allocated");
        bool zero = true;
        for (int i = 0; i < 1024; i++)
            zero &= page[i] == 0;
        Check(zero, "pages come zeroed");
        page[1023] = 0x1234_5678_9ABC_DEF0;
        Check(page[1023] == 0x1234_5678_9ABC_DEF0, "pages are writable");
        KernelPages.Free(page, 2);
    }
}
