using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using CosmosHybrid.Memory;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Memory;

public unsafe class FrameAllocatorTests
{
    private const ulong Page = FrameAllocator.FrameSize;
    private readonly List<IntPtr> _bitmaps = new();

    [TearDown]
    public void FreeBitmaps()
    {
        foreach (IntPtr bitmap in _bitmaps)
            NativeMemory.Free((void*)bitmap);
        _bitmaps.Clear();
    }

    private FrameAllocator Create(ulong frameCount)
    {
        void* bitmap = NativeMemory.Alloc((nuint)FrameAllocator.BitmapBytes(frameCount));
        _bitmaps.Add((IntPtr)bitmap);
        return new FrameAllocator((ulong*)bitmap, frameCount);
    }

    [Test]
    public void NothingIsFreeUntilDeclared()
    {
        FrameAllocator frames = Create(1024);

        Assert.That(frames.FreeFrames, Is.Zero);
        Assert.That(frames.TryAllocate(out _), Is.False);
    }

    [Test]
    public void HandsOutOnlyDeclaredFramesNeverReservedOnes()
    {
        // Free memory: 1 MiB..4 MiB, with a "kernel image" at 1..2 MiB and a "module" at 3..3.25 MiB removed.
        var usable = new MemoryRangeSet(8);
        usable.Add(new MemoryRange(0x100000, 0x400000));
        usable.Remove(new MemoryRange(0x100000, 0x200000));
        usable.Remove(new MemoryRange(0x300000, 0x340000));
        FrameAllocator frames = Create(0x400000 / Page);
        for (int i = 0; i < usable.Count; i++)
            frames.AddFreeRange(usable[i]);

        ulong expectedFrames = (0x100000 + 0xC0000) / Page;
        Assert.That(frames.FreeFrames, Is.EqualTo(expectedFrames));

        var seen = new HashSet<ulong>();
        while (frames.TryAllocate(out ulong address))
        {
            Assert.That(address % Page, Is.Zero);
            Assert.That(address is >= 0x200000 and < 0x300000 or >= 0x340000 and < 0x400000, $"0x{address:x} is reserved");
            Assert.That(seen.Add(address), Is.True, $"0x{address:x} handed out twice");
        }
        Assert.That((ulong)seen.Count, Is.EqualTo(expectedFrames));
        Assert.That(frames.FreeFrames, Is.Zero);
    }

    [Test]
    public void PartialPagesAtRangeEdgesAreNotUsed()
    {
        FrameAllocator frames = Create(16);
        frames.AddFreeRange(new MemoryRange(0x800, 0x3800));

        Assert.That(frames.FreeFrames, Is.EqualTo(2UL), "only pages 1 and 2 lie wholly inside");
    }

    [Test]
    public void FreeingRestoresTheCountAndRejectsBadAddresses()
    {
        FrameAllocator frames = Create(64);
        frames.AddFreeRange(new MemoryRange(0, 64 * Page));
        Assert.That(frames.TryAllocate(out ulong a), Is.True);
        Assert.That(frames.TryAllocate(out ulong b), Is.True);

        Assert.That(frames.Free(a), Is.True);
        Assert.That(frames.Free(a), Is.False, "double free");
        Assert.That(frames.Free(b + 1), Is.False, "unaligned");
        Assert.That(frames.Free(64 * Page), Is.False, "beyond the managed range");
        Assert.That(frames.Free(b), Is.True);
        Assert.That(frames.FreeFrames, Is.EqualTo(64UL));
        Assert.That(frames.UsedFrames, Is.Zero);
    }

    [Test]
    public void OverlappingFreeRangesCountEachFrameOnceAcrossWholeAndPartialWords()
    {
        // 10..200 frees two whole bitmap words (64..191) and parts of two others; 0..300 then overlaps it.
        FrameAllocator frames = Create(512);
        frames.AddFreeRange(new MemoryRange(10 * Page, 200 * Page));
        Assert.That(frames.FreeFrames, Is.EqualTo(190UL));
        frames.AddFreeRange(new MemoryRange(0, 300 * Page));
        Assert.That(frames.FreeFrames, Is.EqualTo(300UL));
        Assert.That(frames.UsedFrames, Is.Zero);

        Assert.That(frames.TryAllocateContiguous(300, out ulong run), Is.True);
        Assert.That(run, Is.Zero);
        Assert.That(frames.TryAllocate(out _), Is.False, "frames 300 and up were never declared free");
    }

    [Test]
    public void ContiguousRunsSkipHolesAndWrapAround()
    {
        FrameAllocator frames = Create(256);
        frames.AddFreeRange(new MemoryRange(0, 10 * Page));
        frames.AddFreeRange(new MemoryRange(100 * Page, 200 * Page));

        Assert.That(frames.TryAllocateContiguous(20, out ulong run), Is.True);
        Assert.That(run, Is.EqualTo(100 * Page), "the first hole is too small");
        Assert.That(frames.TryAllocateContiguous(200, out _), Is.False);
        Assert.That(frames.TryAllocateContiguous(80, out ulong rest), Is.True);
        Assert.That(rest, Is.EqualTo(120 * Page));
        Assert.That(frames.TryAllocateContiguous(10, out ulong low), Is.True, "search wraps to the start");
        Assert.That(low, Is.Zero);
        Assert.That(frames.FreeFrames, Is.Zero);
    }

    [Test]
    public void RandomAllocateFreeSequenceKeepsCountsConsistent()
    {
        const ulong FrameCount = 4096;
        FrameAllocator frames = Create(FrameCount);
        frames.AddFreeRange(new MemoryRange(16 * Page, FrameCount * Page));
        var held = new List<(ulong Address, ulong Count)>();
        var random = new Random(42);
        for (int step = 0; step < 20000; step++)
        {
            if (held.Count > 0 && random.Next(3) == 0)
            {
                int index = random.Next(held.Count);
                Assert.That(frames.Free(held[index].Address, held[index].Count), Is.True);
                held.RemoveAt(index);
            }
            else
            {
                ulong count = (ulong)random.Next(1, 9);
                if (frames.TryAllocateContiguous(count, out ulong address))
                {
                    Assert.That(address, Is.GreaterThanOrEqualTo(16 * Page));
                    held.Add((address, count));
                }
            }
            ulong heldFrames = 0;
            foreach (var (_, count) in held)
                heldFrames += count;
            Assert.That(frames.UsedFrames, Is.EqualTo(heldFrames));
        }
    }

    [Test]
    public void AlignedAllocationBelowALimitStartsOnTheAlignmentAndStaysUnderTheLimit()
    {
        FrameAllocator frames = Create(4096);
        frames.AddFreeRange(new MemoryRange(Page, 4096 * Page));

        Assert.That(frames.TryAllocateContiguous(3, 16 * Page, 2048 * Page, out ulong address), Is.True);
        Assert.That(address % (16 * Page), Is.Zero);
        Assert.That(address, Is.EqualTo(16 * Page), "frame 0 is reserved, so the first 16-frame boundary");
        Assert.That(address + 3 * Page, Is.LessThanOrEqualTo(2048 * Page));
        Assert.That(frames.FreeFrames, Is.EqualTo(4095UL - 3));

        Assert.That(frames.TryAllocateContiguous(3, 16 * Page, 2048 * Page, out ulong second), Is.True);
        Assert.That(second, Is.EqualTo(32 * Page), "skips past the used run to the next boundary");
    }

    [Test]
    public void AlignedAllocationFailsWhenNothingFitsUnderTheLimit()
    {
        FrameAllocator frames = Create(1024);
        frames.AddFreeRange(new MemoryRange(512 * Page, 1024 * Page));

        Assert.That(frames.TryAllocateContiguous(1, Page, 512 * Page, out _), Is.False, "all free frames lie above the limit");
        Assert.That(frames.TryAllocateContiguous(1, 3 * Page, 1024 * Page, out _), Is.False, "not a power of two");
        Assert.That(frames.TryAllocateContiguous(1, 0, 1024 * Page, out _), Is.False, "no alignment");
        Assert.That(frames.TryAllocateContiguous(600, Page, 1024 * Page, out _), Is.False, "larger than what is free");
        Assert.That(frames.FreeFrames, Is.EqualTo(512UL));
    }
}
