using System.Runtime;
using System.Runtime.InteropServices;

namespace Internal.Runtime.GC;

/// <summary>
/// A non-moving mark-and-sweep collector. Marking starts from <see cref="GCRoots"/>
/// and follows references precisely, using the GCDesc that ILC emits in front of
/// every MethodTable with reference fields. Sweeping walks each segment's
/// object-start bitmap, forgets dead objects and rebuilds the list of free gaps.
/// Collections run with interrupts off, so no interrupt handler sees a half-marked heap.
/// </summary>
internal static unsafe class GarbageCollector
{
    private static bool s_collecting;

    public static int CollectionCount { get; private set; }

    public static nuint LiveBytesAfterLastCollection { get; private set; }

    /// <summary>Time-stamp-counter ticks the last collection took (instructions, under QEMU icount).</summary>
    public static ulong LastPauseTicks { get; private set; }

    [DllImport("*", EntryPoint = "RhpSpillRegistersAndCollect"), SuppressGCTransition]
    private static extern void SpillRegistersAndCollect();

    [DllImport("*", EntryPoint = "RhpReadTimestamp"), SuppressGCTransition]
    private static extern ulong ReadTimestamp();

    public static void Collect()
    {
        ulong state = RuntimeHost.EnterCriticalRegion();
        CollectInCriticalRegion();
        RuntimeHost.LeaveCriticalRegion(state);
    }

    /// <summary>A collection for a caller already inside the host's critical region (the allocator).</summary>
    internal static void CollectInCriticalRegion()
    {
        if (s_collecting || !GCHeap.IsCollectionEnabled)
            return;
        s_collecting = true;
        // Other threads stay stopped until marking is over: one running meanwhile could
        // move a reference out of an object not yet scanned into a stack already scanned.
        RuntimeHost.StopOtherThreads();
        // The assembly helper pushes the callee-saved registers (which may hold the
        // only reference to an object) and calls CollectFromStack with the stack pointer.
        SpillRegistersAndCollect();
        RuntimeHost.ResumeOtherThreads();
        s_collecting = false;
    }

    [RuntimeExport("RhpCollectFromStack")]
    private static void CollectFromStack(nuint* stackPointer)
    {
        ulong start = ReadTimestamp();

        GCRoots.MarkStatics();
        GCRoots.MarkFrozenObjects();
        GCRoots.MarkStacks(stackPointer);
        DrainMarkStack();
        while (MarkStack.Overflowed)
            RescanMarkedObjects();

        nuint live = Sweep();
        GCHeap.EndCollection(live);
        LiveBytesAfterLastCollection = live;
        CollectionCount++;
        LastPauseTicks = ReadTimestamp() - start;
    }

    /// <summary>Marks the object at exactly <paramref name="obj"/> if it is a heap object.</summary>
    public static void MarkExact(byte* obj)
    {
        HeapSegment* segment = GCHeap.FindSegment(obj);
        if (segment != null && segment->IsObjectStart(obj))
            Mark(obj);
    }

    /// <summary>Treats every word in [start, end) as a possible reference, into the start or the inside of an object.</summary>
    public static void MarkRange(nuint* start, nuint* end)
    {
        for (nuint* word = start; word < end; word++)
        {
            // An object owns its header too (a lock's waiter may hold only the header's address),
            // so look for the object that starts at or before a header's length past the word.
            byte* candidate = (byte*)*word;
            HeapSegment* segment = GCHeap.FindSegment(candidate);
            if (segment == null)
                continue;
            byte* obj = segment->FindObjectStartAtOrBefore(ObjectModel.ObjectAt(candidate));
            if (obj != null && candidate < ObjectModel.BlockOf(obj) + ObjectModel.SizeOf(obj))
                Mark(obj);
        }
    }

    private static void Mark(byte* obj)
    {
        if (ObjectModel.IsMarked(obj))
            return;
        ObjectModel.SetMark(obj);
        if (ObjectModel.TypeOf(obj)->ContainsGCPointers)
            MarkStack.Push(obj);
    }

    private static void DrainMarkStack()
    {
        while (!MarkStack.IsEmpty)
            ScanReferences(MarkStack.Pop());
    }

    /// <summary>After a mark-stack overflow: scan every marked object again until nothing new is marked.</summary>
    private static void RescanMarkedObjects()
    {
        MarkStack.Overflowed = false;
        for (HeapSegment* segment = GCHeap.Segments; segment != null; segment = segment->Next)
        {
            for (byte* obj = segment->FindObjectStartAtOrAfter(segment->ObjectsStart); obj != null;
                 obj = segment->FindObjectStartAtOrAfter(obj + ObjectModel.SizeOf(obj)))
            {
                if (ObjectModel.IsMarked(obj) && ObjectModel.TypeOf(obj)->ContainsGCPointers)
                {
                    ScanReferences(obj);
                    DrainMarkStack();
                }
            }
        }
    }

    /// <summary>
    /// Visits the reference fields of <paramref name="obj"/> as its GCDesc lists them.
    /// The GCDesc lies just below the MethodTable: a series count, then series
    /// descriptions growing downwards. A positive count means plain series (an offset
    /// and a length relative to the object's size); a negative count means a repeating
    /// pattern for arrays of structs (runs of references and gaps to skip).
    /// </summary>
    private static void ScanReferences(byte* obj)
    {
        MethodTable* type = ObjectModel.TypeOf(obj);
        nint* gcDesc = (nint*)type;
        nint seriesCount = gcDesc[-1];
        nuint size = ObjectModel.SizeOf(obj);

        if (seriesCount > 0)
        {
            for (nint i = 0; i < seriesCount; i++)
            {
                nint seriesSize = gcDesc[-3 - 2 * i];
                nint startOffset = gcDesc[-2 - 2 * i];
                byte** field = (byte**)(obj + startOffset);
                byte** end = (byte**)(obj + startOffset + seriesSize + (nint)size);
                for (; field < end; field++)
                    MarkExact(*field);
            }
            return;
        }

        nint patternLength = -seriesCount;
        byte* cursor = obj + gcDesc[-2];
        byte* stop = obj + size - sizeof(nint);
        while (cursor < stop)
        {
            for (nint i = 0; i < patternLength && cursor < stop; i++)
            {
                uint* item = (uint*)(gcDesc - 3 - i);
                uint referenceCount = item[0];
                uint skipBytes = item[1];
                for (uint k = 0; k < referenceCount; k++, cursor += sizeof(nint))
                    MarkExact(*(byte**)cursor);
                cursor += skipBytes;
            }
        }
    }

    /// <summary>Frees unmarked objects, clears marks, rebuilds the free gaps, gives back empty segments beyond a reserve; returns the live bytes.</summary>
    private static nuint Sweep()
    {
        GCHeap.BeginSweep();
        nuint live = 0;
        HeapSegment* previous = null;
        HeapSegment* segment = GCHeap.Segments;
        while (segment != null)
        {
            HeapSegment* next = segment->Next;
            if (segment->IsLarge)
            {
                byte* obj = ObjectModel.ObjectAt(segment->ObjectsStart);
                if (ObjectModel.IsMarked(obj))
                {
                    ObjectModel.ClearMark(obj);
                    live += ObjectModel.SizeOf(obj);
                    previous = segment;
                }
                else
                {
                    GCHeap.ReleaseSegment(segment, previous);
                }
            }
            else
            {
                live += SweepSegment(segment);
                previous = segment;
            }
            segment = next;
        }
        GCHeap.ReleaseEmptySegments(GCHeap.BudgetFor(live));
        return live;
    }

    private static nuint SweepSegment(HeapSegment* segment)
    {
        nuint live = 0;
        byte* gapStart = segment->ObjectsStart;
        byte* obj = segment->FindObjectStartAtOrAfter(segment->ObjectsStart);
        while (obj != null)
        {
            nuint size = ObjectModel.SizeOf(obj);
            byte* next = segment->FindObjectStartAtOrAfter(obj + size);
            if (ObjectModel.IsMarked(obj))
            {
                ObjectModel.ClearMark(obj);
                live += size;
                byte* block = ObjectModel.BlockOf(obj);
                if (block > gapStart)
                    GCHeap.AddFreeGap(segment, gapStart, (nuint)(block - gapStart));
                gapStart = block + size;
            }
            else
            {
                segment->ClearObjectStart(obj);
            }
            obj = next;
        }
        // An empty segment gets no gap yet: the heap decides whether to keep it once all are swept.
        if (live == 0)
            segment->IsEmpty = true;
        else if (segment->ObjectsEnd > gapStart)
            GCHeap.AddFreeGap(segment, gapStart, (nuint)(segment->ObjectsEnd - gapStart));
        return live;
    }
}
