namespace Internal.Runtime.GC;

/// <summary>
/// Objects marked but not yet scanned. It grows by doubling into fresh pages; if
/// pages run out it records an overflow, and the collector finishes by rescanning
/// marked objects instead (slower, but it needs no memory).
/// </summary>
internal static unsafe class MarkStack
{
    private const nuint InitialPages = 16; // 8192 entries

    private static byte** s_items;
    private static nuint s_capacity;
    private static nuint s_count;

    public static bool Overflowed { get; set; }

    public static bool IsEmpty => s_count == 0;

    /// <summary>Allocates the initial stack (it grows later only if a collection needs more).</summary>
    public static void Reserve()
    {
        if (s_capacity == 0)
            Grow();
    }

    public static void Push(byte* obj)
    {
        if (s_count == s_capacity && !Grow())
        {
            Overflowed = true;
            return;
        }
        s_items[s_count++] = obj;
    }

    public static byte* Pop() => s_items[--s_count];

    private static bool Grow()
    {
        nuint pages = s_capacity == 0 ? InitialPages : s_capacity * (nuint)sizeof(byte*) / GCHeap.PageSize * 2;
        byte** items = (byte**)RuntimeHost.AllocatePages(pages);
        if (items == null)
            return false;
        for (nuint i = 0; i < s_count; i++)
            items[i] = s_items[i];
        if (s_items != null)
            RuntimeHost.ReleasePages(s_items, s_capacity * (nuint)sizeof(byte*) / GCHeap.PageSize);
        s_items = items;
        s_capacity = pages * GCHeap.PageSize / (nuint)sizeof(byte*);
        return true;
    }
}
