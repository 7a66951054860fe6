using System.Runtime;

namespace Internal.Runtime.GC;

/// <summary>
/// The managed heap: segments of pages from <see cref="RuntimeHost.AllocatePages"/>,
/// an allocation context (a free run that allocation bumps through), and the free
/// gaps the last collection found. Objects of 64 KiB and more get a segment each.
/// A collection runs when the bytes allocated since the last one exceed the budget
/// (the live size after that collection, at least <see cref="MinimumBudget"/>), so
/// the heap settles at about twice the live data.
/// Only non-GC statics are used here: the heap allocates the blocks that hold GC statics.
/// </summary>
internal static unsafe class GCHeap
{
    public const nuint PageSize = 4096;
    public const nuint LargeObjectThreshold = 64 * 1024;
    public const nuint MinimumBudget = 1024 * 1024;

    private const nuint FirstSegmentPages = 64;      // 256 KiB: fits the kernel's boot arena
    private const nuint SegmentPages = 256;          // 1 MiB
    private const nuint MinimumGapBytes = 64;        // smaller gaps wait for a later collection

    private static HeapSegment* s_segments;
    private static byte* s_heapLow;
    private static byte* s_heapHigh;

    private static byte* s_allocationPointer;
    private static byte* s_allocationLimit;
    private static HeapSegment* s_allocationSegment;
    private static FreeGap* s_freeGaps;
    private static nuint s_freeGapBytes;

    private static nuint s_allocatedSinceCollection;
    private static nuint s_budget = MinimumBudget;
    private static bool s_collectionEnabled;
    private static bool s_collectionSuspended;

    /// <summary>A free run of heap memory, linked through its own first bytes.</summary>
    private struct FreeGap
    {
        public FreeGap* Next;
        public nuint Size;
        public HeapSegment* Segment;
        /// <summary>Set for a fresh segment's room: zero already (but for this header), so taking it touches no page.</summary>
        public bool IsZeroed;
    }

    public static nuint SegmentBytes { get; private set; }

    public static nuint TotalAllocatedBytes { get; private set; }

    public static nuint AllocatedSinceCollection => s_allocatedSinceCollection;

    internal static HeapSegment* Segments => s_segments;

    /// <summary>Allows collections; until then (while static bases are being created) the heap only grows.</summary>
    public static void EnableCollection()
    {
        // The mark stack is taken now rather than at the first collection, so that a
        // collection never asks for pages (and a program's page count stays steady).
        MarkStack.Reserve();
        s_collectionEnabled = true;
        ExceptionHandling.PreallocatedExceptions.Create();
    }

    public static bool IsCollectionEnabled => s_collectionEnabled && !s_collectionSuspended;

    /// <summary>Lets a benchmark grow the heap to a chosen size before it measures one collection.</summary>
    public static void SuspendCollections(bool suspend) => s_collectionSuspended = suspend;

    // Allocation runs inside the host's critical region: another thread (a preempting kernel
    // thread, a second ring-3 thread) may allocate or collect too. The region ends only once
    // the object is whole (type and, for arrays, length), since a collection sizes it from them.
    public static object AllocateObject(MethodTable* type)
    {
        ulong region = RuntimeHost.EnterCriticalRegion();
        byte* memory = Allocate(type, type->BaseSize);
        RuntimeHost.LeaveCriticalRegion(region);
        if (memory == null)
            ExceptionHandling.PreallocatedExceptions.ThrowOutOfMemory();
        return ObjectModel.FromAddress(memory);
    }

    public static object AllocateArray(MethodTable* type, int length)
    {
        if (length < 0)
            throw new System.OverflowException();
        nuint size = type->BaseSize + (nuint)length * type->ComponentSize;
        ulong region = RuntimeHost.EnterCriticalRegion();
        byte* memory = Allocate(type, size);
        if (memory == null)
        {
            RuntimeHost.LeaveCriticalRegion(region);
            ExceptionHandling.PreallocatedExceptions.ThrowOutOfMemory();
        }
        *(int*)(memory + sizeof(nint)) = length;
        RuntimeHost.LeaveCriticalRegion(region);
        return ObjectModel.FromAddress(memory);
    }

    // A zeroed block of 'size' bytes (header included) with its object's type set: returns the
    // object (past the header). The caller is in the critical region.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static byte* Allocate(MethodTable* type, nuint size)
    {
        size = (size + 7) & ~(nuint)7;
        byte* memory = s_allocationPointer;
        if (size <= (nuint)(s_allocationLimit - memory) && memory != null)
        {
            s_allocationPointer = memory + size;
            memory = ObjectModel.ObjectAt(memory);
            s_allocationSegment->MarkObjectStart(memory);
        }
        else
        {
            memory = AllocateSlow(size);
            if (memory == null)
                return null;
        }

        *(MethodTable**)memory = type;
        s_allocatedSinceCollection += size;
        TotalAllocatedBytes += size;
        return memory;
    }

    private static byte* AllocateSlow(nuint size)
    {
        if (size >= LargeObjectThreshold)
            return AllocateLarge(size);

        if (IsCollectionEnabled && s_allocatedSinceCollection >= s_budget)
            GarbageCollector.CollectInCriticalRegion();
        if (TryRefill(size))
            return BumpRefilled(size);

        // No gap fits. Before growing, collect if a fair share of the budget has been
        // allocated since the last collection: the room may be there, just not yet reclaimed.
        if (IsCollectionEnabled && s_allocatedSinceCollection >= s_budget / 4)
        {
            GarbageCollector.CollectInCriticalRegion();
            if (TryRefill(size))
                return BumpRefilled(size);
        }
        if (AddSegment(SegmentPages, isLarge: false) != null && TryRefill(size))
            return BumpRefilled(size);

        return null; // the heap cannot grow: OutOfMemoryException
    }

    private static byte* BumpRefilled(nuint size)
    {
        byte* memory = s_allocationPointer;
        s_allocationPointer = memory + size;
        byte* obj = ObjectModel.ObjectAt(memory);
        s_allocationSegment->MarkObjectStart(obj);
        return obj;
    }

    private static byte* AllocateLarge(nuint size)
    {
        if (IsCollectionEnabled && s_allocatedSinceCollection >= s_budget)
            GarbageCollector.CollectInCriticalRegion();

        nuint pages = HeapSegment.PagesFor(size); // the object, the header and the start bitmap
        HeapSegment* segment = AddSegment(pages, isLarge: true);
        if (segment == null)
            return null; // no pages for it: OutOfMemoryException
        byte* obj = ObjectModel.ObjectAt(segment->ObjectsStart);
        segment->MarkObjectStart(obj);
        return obj;
    }

    /// <summary>
    /// Makes a free gap (or a fresh segment) the allocation context. Fresh pages come zeroed, so only
    /// their gap header is cleared (a program's first 256 KiB segment is not written, page by page,
    /// at start-up); reused gaps are zeroed here.
    /// </summary>
    private static bool TryRefill(nuint size)
    {
        FreeGap* previous = null;
        for (FreeGap* gap = s_freeGaps; gap != null; previous = gap, gap = gap->Next)
        {
            if (gap->Size < size)
                continue;
            if (previous == null)
                s_freeGaps = gap->Next;
            else
                previous->Next = gap->Next;
            byte* start = (byte*)gap;
            nuint gapSize = gap->Size;
            s_allocationSegment = gap->Segment;
            ObjectModel.Zero(start, gap->IsZeroed ? (nuint)sizeof(FreeGap) : gapSize);
            s_allocationPointer = start;
            s_allocationLimit = start + gapSize;
            return true;
        }
        return false;
    }

    private static HeapSegment* AddSegment(nuint pages, bool isLarge)
    {
        if (s_segments == null && !isLarge)
            pages = FirstSegmentPages;

        void* memory = RuntimeHost.AllocatePages(pages);
        if (memory == null)
            return null;

        HeapSegment* segment = HeapSegment.Create(memory, pages, isLarge);
        segment->Next = s_segments;
        s_segments = segment;
        SegmentBytes += pages * PageSize;
        if (s_heapLow == null || (byte*)segment < s_heapLow)
            s_heapLow = (byte*)segment;
        if (segment->ObjectsEnd > s_heapHigh)
            s_heapHigh = segment->ObjectsEnd;

        if (!isLarge)
            AddFreeGap(segment, segment->ObjectsStart, (nuint)(segment->ObjectsEnd - segment->ObjectsStart), isZeroed: true);
        return segment;
    }

    /// <summary>The segment holding <paramref name="address"/>, or null for addresses outside the heap.</summary>
    public static HeapSegment* FindSegment(byte* address)
    {
        if (address < s_heapLow || address >= s_heapHigh)
            return null;
        for (HeapSegment* segment = s_segments; segment != null; segment = segment->Next)
        {
            if (segment->Contains(address))
                return segment;
        }
        return null;
    }

    // ---- called by the collector ----

    /// <summary>Forgets the allocation context and all gaps: the sweep is about to find them again.</summary>
    internal static void BeginSweep()
    {
        s_allocationPointer = null;
        s_allocationLimit = null;
        s_allocationSegment = null;
        s_freeGaps = null;
        s_freeGapBytes = 0;
    }

    internal static void AddFreeGap(HeapSegment* segment, byte* start, nuint size, bool isZeroed = false)
    {
        if (size < MinimumGapBytes)
            return;
        FreeGap* gap = (FreeGap*)start;
        gap->Next = s_freeGaps;
        gap->Size = size;
        gap->Segment = segment;
        gap->IsZeroed = isZeroed;
        s_freeGaps = gap;
        s_freeGapBytes += size;
    }

    /// <summary>
    /// After a sweep: gives back the small-object segments it found empty, but for a reserve of
    /// free room for the next <paramref name="budget"/> bytes of allocation (see <see cref="SegmentReserve"/>).
    /// Without this a burst (a flood of queued messages) left its pages with the heap for good.
    /// </summary>
    internal static void ReleaseEmptySegments(nuint budget)
    {
        HeapSegment* surplus = SegmentReserve.UnlinkSurplus(ref s_segments, s_freeGapBytes, budget);
        for (HeapSegment* segment = s_segments; segment != null; segment = segment->Next)
        {
            if (segment->IsEmpty)
            {
                segment->IsEmpty = false;
                AddFreeGap(segment, segment->ObjectsStart, segment->ObjectRoom);
            }
        }
        while (surplus != null)
        {
            HeapSegment* next = surplus->Next;
            SegmentBytes -= surplus->PageCount * PageSize;
            RuntimeHost.ReleasePages(surplus, surplus->PageCount);
            surplus = next;
        }
    }

    /// <summary>Unlinks <paramref name="segment"/> (a large object's, now dead) and returns its pages.</summary>
    internal static void ReleaseSegment(HeapSegment* segment, HeapSegment* previous)
    {
        if (previous == null)
            s_segments = segment->Next;
        else
            previous->Next = segment->Next;
        SegmentBytes -= segment->PageCount * PageSize;
        RuntimeHost.ReleasePages(segment, segment->PageCount);
    }

    internal static void EndCollection(nuint liveBytes)
    {
        s_allocatedSinceCollection = 0;
        s_budget = BudgetFor(liveBytes);
    }

    /// <summary>The bytes to allocate before the next collection, after one that left <paramref name="liveBytes"/>.</summary>
    internal static nuint BudgetFor(nuint liveBytes) => liveBytes > MinimumBudget ? liveBytes : MinimumBudget;
}
