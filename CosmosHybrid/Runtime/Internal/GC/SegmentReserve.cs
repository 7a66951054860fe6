namespace Internal.Runtime.GC;

/// <summary>
/// Decides which small-object segments a collection found empty go back to the page source.
/// The heap keeps enough free room for the allocations until the next collection (the budget),
/// counting the gaps in the segments still in use first, so that it does not give back pages
/// only to ask for them again; the rest is given back. The oldest segment is always kept: in
/// the kernel it is the boot arena, whose pages have no frames to return.
/// </summary>
internal static unsafe class SegmentReserve
{
    /// <summary>
    /// Unlinks from <paramref name="segments"/> the empty segments beyond the reserve and returns them,
    /// chained through <see cref="HeapSegment.Next"/>. The empty segments kept stay in the list, still
    /// marked <see cref="HeapSegment.IsEmpty"/>; those returned have the mark cleared.
    /// </summary>
    /// <param name="freeRoom">The free bytes the sweep found in the segments still in use.</param>
    /// <param name="reserve">The free bytes to keep.</param>
    public static HeapSegment* UnlinkSurplus(ref HeapSegment* segments, nuint freeRoom, nuint reserve)
    {
        HeapSegment* surplus = null;
        HeapSegment* previous = null;
        HeapSegment* segment = segments;
        while (segment != null)
        {
            HeapSegment* next = segment->Next;
            if (segment->IsEmpty && freeRoom >= reserve && next != null)
            {
                if (previous == null)
                    segments = next;
                else
                    previous->Next = next;
                segment->IsEmpty = false;
                segment->Next = surplus;
                surplus = segment;
            }
            else
            {
                if (segment->IsEmpty)
                    freeRoom += segment->ObjectRoom;
                previous = segment;
            }
            segment = next;
        }
        return surplus;
    }
}
