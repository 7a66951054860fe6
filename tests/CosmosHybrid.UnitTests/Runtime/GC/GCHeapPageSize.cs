namespace Internal.Runtime.GC;

/// <summary>The one thing HeapSegment takes from the heap: its page size (GCHeap.PageSize in the core library).</summary>
internal static class GCHeap
{
    public const nuint PageSize = 4096;
}
