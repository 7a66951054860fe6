using System.Collections.Generic;
using System.Runtime.InteropServices;
using Internal.Runtime.GC;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Runtime.GC;

/// <summary>
/// A collection gives back the small-object segments it found empty, but for a reserve of free room
/// for the next budget's allocations; the oldest segment (the kernel's boot arena) always stays.
/// </summary>
public unsafe class SegmentReserveTests
{
    private const nuint Pages = 4;
    private readonly List<nint> _blocks = new();

    [TearDown]
    public void FreeBlocks()
    {
        foreach (nint block in _blocks)
            NativeMemory.AlignedFree((void*)block);
        _blocks.Clear();
    }

    // Builds a list newest first, as the heap does: empty[0] is the newest segment.
    private HeapSegment* List(params bool[] empty)
    {
        HeapSegment* head = null;
        for (int i = empty.Length - 1; i >= 0; i--)
        {
            void* memory = NativeMemory.AlignedAlloc(Pages * GCHeap.PageSize, 4096);
            NativeMemory.Clear(memory, Pages * GCHeap.PageSize);
            _blocks.Add((nint)memory);
            HeapSegment* segment = HeapSegment.Create(memory, Pages, isLarge: false);
            segment->IsEmpty = empty[i];
            segment->Next = head;
            head = segment;
        }
        return head;
    }

    private static int Count(HeapSegment* list)
    {
        int count = 0;
        for (; list != null; list = list->Next)
            count++;
        return count;
    }

    private static nuint Room => HeapSegment.ObjectBytes(Pages);

    [Test]
    public void EmptySegmentsBeyondTheReserveAreUnlinked()
    {
        HeapSegment* list = List(true, true, true, false, true, false);
        HeapSegment* surplus = SegmentReserve.UnlinkSurplus(ref list, freeRoom: 0, reserve: 2 * Room);

        Assert.That(Count(list), Is.EqualTo(4), "two empty segments kept for the reserve, two in use");
        Assert.That(Count(surplus), Is.EqualTo(2));
        for (HeapSegment* segment = surplus; segment != null; segment = segment->Next)
            Assert.That(segment->IsEmpty, Is.False, "a returned segment loses its mark");
        int keptEmpty = 0;
        for (HeapSegment* segment = list; segment != null; segment = segment->Next)
            keptEmpty += segment->IsEmpty ? 1 : 0;
        Assert.That(keptEmpty, Is.EqualTo(2), "the kept ones stay marked, for the heap to make them gaps");
    }

    [Test]
    public void FreeRoomInSegmentsInUseCountsTowardsTheReserve()
    {
        HeapSegment* list = List(true, true, false);
        HeapSegment* surplus = SegmentReserve.UnlinkSurplus(ref list, freeRoom: 5 * Room, reserve: 2 * Room);

        Assert.That(Count(surplus), Is.EqualTo(2));
        Assert.That(Count(list), Is.EqualTo(1));
        Assert.That(list->IsEmpty, Is.False);
    }

    [Test]
    public void TheOldestSegmentStaysEvenWhenEmpty()
    {
        HeapSegment* list = List(true, true, true);
        HeapSegment* surplus = SegmentReserve.UnlinkSurplus(ref list, freeRoom: 0, reserve: 0);

        Assert.That(Count(surplus), Is.EqualTo(2));
        Assert.That(Count(list), Is.EqualTo(1));
        Assert.That(list->Next == null, Is.True);
        Assert.That(list->IsEmpty, Is.True, "kept: the heap makes it a gap");
    }

    [Test]
    public void NothingIsReturnedWhenNoSegmentIsEmpty()
    {
        HeapSegment* list = List(false, false, false);
        HeapSegment* head = list;
        HeapSegment* surplus = SegmentReserve.UnlinkSurplus(ref list, freeRoom: 0, reserve: 0);

        Assert.That(surplus == null, Is.True);
        Assert.That(list == head, Is.True);
        Assert.That(Count(list), Is.EqualTo(3));
    }
}
